package io.videocallsupport.helpdesk;

import io.videocallsupport.support.PostgresSpringTest;

@PostgresSpringTest
class PostgresZendeskLifecycleTest extends ZendeskLifecycleScenarios {
}
