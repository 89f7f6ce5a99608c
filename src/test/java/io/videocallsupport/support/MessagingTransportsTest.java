package io.videocallsupport.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application with the real vendor clients: email through SMTP to GreenMail, SMS and
 * Twilio Video rooms through the Twilio SDK to WireMock, all on loopback ({@link FakeTransports}).
 * Every class with this annotation shares one context; it has an H2 database of its own, so its
 * jobs and those of {@link H2SpringTest} and {@link PostgresSpringTest} never mix.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "vcs.mail.transport=smtp",
    "vcs.sms.transport=twilio",
    "vcs.video.platform=twilio",
    "spring.datasource.url=jdbc:h2:mem:video-call-support-transports;DB_CLOSE_DELAY=-1"})
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, SentMessages.class})
@ContextConfiguration(initializers = FakeTransports.class)
public @interface MessagingTransportsTest {
}
