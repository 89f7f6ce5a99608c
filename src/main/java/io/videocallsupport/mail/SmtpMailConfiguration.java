package io.videocallsupport.mail;

import io.videocallsupport.messaging.Mailer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Email through SMTP, chosen with {@code MAIL_TRANSPORT=smtp} ({@code vcs.mail.transport}). The
 * server, credentials and timeouts are Spring Boot's {@code spring.mail.*} (see application.yaml).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "vcs.mail.transport", havingValue = "smtp")
class SmtpMailConfiguration {

  @Bean
  Mailer smtpMailer(ObjectProvider<JavaMailSender> senders, @Value("${vcs.mail.from}") String from) {
    JavaMailSender sender = senders.getIfAvailable();
    if (sender == null || sender instanceof JavaMailSenderImpl impl && (impl.getHost() == null
        || impl.getHost().isBlank())) {
      throw new IllegalStateException("MAIL_TRANSPORT=smtp needs SPRING_MAIL_HOST (and SPRING_MAIL_PORT, "
          + "SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD as the server requires)");
    }
    return new SmtpMailer(sender, from);
  }
}
