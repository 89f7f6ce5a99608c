package io.videocallsupport.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The whole application on an in-memory H2 database; every class with this annotation shares one
 * context. Process test coverage is recorded for the paths the tests walk. Metrics are exported as
 * in production (Spring Boot's tests switch exporters off by default), so that the Prometheus
 * endpoint can be tested. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
@Import({ProcessEngineCoverageConfiguration.class, SentMessages.class})
public @interface H2SpringTest {
}
