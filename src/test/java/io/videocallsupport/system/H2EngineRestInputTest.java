package io.videocallsupport.system;

import io.videocallsupport.support.H2SpringTest;

@H2SpringTest
class H2EngineRestInputTest extends EngineRestInputScenarios {
}
