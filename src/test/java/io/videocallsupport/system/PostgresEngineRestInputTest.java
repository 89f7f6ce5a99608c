package io.videocallsupport.system;

import io.videocallsupport.support.PostgresSpringTest;

@PostgresSpringTest
class PostgresEngineRestInputTest extends EngineRestInputScenarios {
}
