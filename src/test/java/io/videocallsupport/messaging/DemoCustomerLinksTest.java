package io.videocallsupport.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The demo operator finds the customer's link in the log, for messages the embedded transport kept, and only those. */
@ExtendWith(OutputCaptureExtension.class)
class DemoCustomerLinksTest {

  private static final String TOKEN = "q7Lr2XbN9vTgK4mWc8ZpYdq7Lr2XbN9vTgK4mWc8ZpY";

  @Test
  void logsTheLinksOfAMessageKeptInTheOutboxButNotOfOneSent(CapturedOutput output) {
    DemoCustomerLinks demo = new DemoCustomerLinks();
    UUID session = UUID.randomUUID();

    demo.sent(message(session, "Join: http://localhost:8080/join/" + TOKEN), Delivery.keptInOutbox());
    assertThat(output).contains("Demo: the customer's join link in the INVITATION SMS of session " + session)
        .contains("http://localhost:8080/join/" + TOKEN)
        .doesNotContain("+4915112345678");

    UUID sentForReal = UUID.randomUUID();
    demo.sent(message(sentForReal, "Join: http://localhost:8080/join/" + TOKEN),
        new Delivery("twilio", "SM1", OutboxStatus.QUEUED));
    assertThat(output).doesNotContain(sentForReal.toString());
  }

  private static OutboxMessage message(UUID session, String text) {
    OffsetDateTime now = OffsetDateTime.now();
    return new OutboxMessage(UUID.randomUUID(), "session:" + session + ":invitation:1:sms", session, Channel.SMS,
        MessagePurpose.INVITATION, "+4915112345678", null, text, null, OutboxStatus.PENDING, null, null, 1, null,
        now, now, null, List.of());
  }
}
