package io.videocallsupport.lifecycle;

import io.videocallsupport.support.H2SpringTest;

@H2SpringTest
class H2SessionLifecycleTest extends SessionLifecycleScenarios {
}
