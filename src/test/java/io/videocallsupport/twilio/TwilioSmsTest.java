package io.videocallsupport.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.messaging.FailureReason;
import io.videocallsupport.messaging.OutboxStatus;
import org.junit.jupiter.api.Test;

/** How Twilio's statuses map onto the outbox, and that the outbox status only moves forward. */
class TwilioSmsTest {

  @Test
  void twilioStatusesMapOntoTheOutbox() {
    assertThat(TwilioSms.outboxStatus("accepted")).contains(OutboxStatus.QUEUED);
    assertThat(TwilioSms.outboxStatus("queued")).contains(OutboxStatus.QUEUED);
    assertThat(TwilioSms.outboxStatus("sending")).contains(OutboxStatus.QUEUED);
    assertThat(TwilioSms.outboxStatus("sent")).contains(OutboxStatus.SENT);
    assertThat(TwilioSms.outboxStatus("delivered")).contains(OutboxStatus.DELIVERED);
    assertThat(TwilioSms.outboxStatus("undelivered")).contains(OutboxStatus.FAILED);
    assertThat(TwilioSms.outboxStatus("failed")).contains(OutboxStatus.FAILED);
    assertThat(TwilioSms.outboxStatus("received")).isEmpty();
  }

  @Test
  void undeliveredMessagesKeepTheReasonWhenTwilioNamesOne() {
    assertThat(TwilioSms.undeliveredReason(21610)).isEqualTo(FailureReason.OPTED_OUT);
    assertThat(TwilioSms.undeliveredReason(30003)).isEqualTo(FailureReason.UNDELIVERED);
    assertThat(TwilioSms.undeliveredReason(null)).isEqualTo(FailureReason.UNDELIVERED);
  }

  @Test
  void statusOnlyMovesForward() {
    assertThat(OutboxStatus.QUEUED.canMoveTo(OutboxStatus.SENT)).isTrue();
    assertThat(OutboxStatus.QUEUED.canMoveTo(OutboxStatus.DELIVERED)).isTrue();
    assertThat(OutboxStatus.SENT.canMoveTo(OutboxStatus.FAILED)).isTrue();
    assertThat(OutboxStatus.SENT.canMoveTo(OutboxStatus.QUEUED)).isFalse();
    assertThat(OutboxStatus.SENT.canMoveTo(OutboxStatus.SENT)).as("a duplicate").isFalse();
    assertThat(OutboxStatus.DELIVERED.canMoveTo(OutboxStatus.SENT)).as("a late 'sent'").isFalse();
    assertThat(OutboxStatus.DELIVERED.canMoveTo(OutboxStatus.FAILED)).isFalse();
    assertThat(OutboxStatus.FAILED.canMoveTo(OutboxStatus.DELIVERED)).isFalse();
  }
}
