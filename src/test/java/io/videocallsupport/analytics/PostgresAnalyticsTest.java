package io.videocallsupport.analytics;

import io.videocallsupport.support.PostgresSpringTest;

@PostgresSpringTest
class PostgresAnalyticsTest extends AnalyticsScenarios {
}
