package io.videocallsupport.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The whole application on a real (embedded) PostgreSQL 15; every class with this annotation shares one
 * context. Process test coverage is recorded for the paths the tests walk. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({EmbeddedPostgresConfiguration.class, ProcessEngineCoverageConfiguration.class, SentMessages.class})
public @interface PostgresSpringTest {
}
