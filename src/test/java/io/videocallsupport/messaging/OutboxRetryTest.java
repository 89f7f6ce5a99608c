package io.videocallsupport.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videocallsupport.support.H2SpringTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** A retried step sends what the outbox stored the first time, once, however it composes the message again. */
@H2SpringTest
class OutboxRetryTest {

  @Autowired OutboxRepository repository;
  @Autowired SmsSender smsSender;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;

  @Test
  void aRetrySendsTheStoredMessageOnceAndNeverTwice() {
    List<EmailMessage> handedOver = new ArrayList<>();
    boolean[] down = {true};
    Mailer flakyMailer = email -> {
      if (down[0]) {
        down[0] = false;
        throw new IllegalStateException("SMTP server not reachable");
      }
      handedOver.add(email);
      return new Delivery("smtp", "<id-1@example.com>", OutboxStatus.SENT);
    };
    Outbox outbox = new Outbox(repository, flakyMailer, smsSender, transactions, clock,
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    String key = "test:" + UUID.randomUUID() + ":invitation:1:email";

    assertThatThrownBy(() -> outbox.send(key, null, MessagePurpose.INVITATION,
        new EmailMessage("jo@example.com", "Your video call", "Join: https://app/join/first-link", "<p>first</p>")))
        .hasMessageContaining("not reachable");
    OutboxMessage sent = outbox.send(key, null, MessagePurpose.INVITATION,
        new EmailMessage("jo@example.com", "Your video call", "Join: https://app/join/second-link", "<p>second</p>"));
    OutboxMessage again = outbox.send(key, null, MessagePurpose.INVITATION,
        new EmailMessage("jo@example.com", "Your video call", "Join: https://app/join/third-link", "<p>third</p>"));

    assertThat(handedOver).singleElement().satisfies(email -> assertThat(email.text()).contains("first-link"));
    assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(sent.attempts()).isEqualTo(2);
    assertThat(sent.bodyText()).contains("first-link");
    assertThat(again.id()).isEqualTo(sent.id());
  }
}
