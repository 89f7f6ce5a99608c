package io.videocallsupport.lifecycle;

import io.videocallsupport.support.PostgresSpringTest;

@PostgresSpringTest
class PostgresSessionLifecycleTest extends SessionLifecycleScenarios {
}
