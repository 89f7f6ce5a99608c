package io.videocallsupport.messaging;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded default: messages are stored in the outbox and shown on the session, and nothing
 * leaves the machine. Real transports replace these by configuration.
 */
@Configuration(proxyBeanMethods = false)
class OutboxOnlyTransports {

  @Bean
  @ConditionalOnProperty(name = "vcs.mail.transport", havingValue = "outbox", matchIfMissing = true)
  Mailer outboxOnlyMailer() {
    return message -> Delivery.keptInOutbox();
  }

  @Bean
  @ConditionalOnProperty(name = "vcs.sms.transport", havingValue = "outbox", matchIfMissing = true)
  SmsSender outboxOnlySmsSender() {
    return message -> Delivery.keptInOutbox();
  }
}
