package io.videocallsupport.zoom;

import io.videocallsupport.support.EmbeddedPostgresConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({EmbeddedPostgresConfiguration.class, ProcessEngineCoverageConfiguration.class})
class PostgresLongTextTest extends LongTextScenarios {
}
