package io.videocallsupport.analytics;

import io.videocallsupport.support.H2SpringTest;

@H2SpringTest
class H2AnalyticsTest extends AnalyticsScenarios {
}
