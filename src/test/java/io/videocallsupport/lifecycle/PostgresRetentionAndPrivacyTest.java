package io.videocallsupport.lifecycle;

import io.videocallsupport.support.PostgresSpringTest;

@PostgresSpringTest
class PostgresRetentionAndPrivacyTest extends RetentionAndPrivacyScenarios {
}
