package io.videocallsupport.twilio;

import io.videocallsupport.messaging.FailureReason;
import io.videocallsupport.messaging.OutboxStatus;
import java.util.Map;
import java.util.Optional;

/** What Twilio's Messaging statuses and error codes mean for the outbox. */
final class TwilioSms {

  static final String PROVIDER = "twilio";
  /** Inbox source of the Messaging status callbacks. */
  static final String INBOX_SOURCE = "twilio-sms";
  static final String STATUS_CALLBACK_PATH = "/webhooks/twilio/sms-status";

  /**
   * Error codes that sending the same message again cannot cure. Anything else (rate limits,
   * server errors, our own configuration) is retried by the job and ends in a Cockpit incident
   * when it persists.
   */
  private static final Map<Integer, FailureReason> PERMANENT = Map.of(
      21211, FailureReason.INVALID_NUMBER,
      21614, FailureReason.NOT_MOBILE,
      21408, FailureReason.REGION_NOT_ENABLED,
      21610, FailureReason.OPTED_OUT);

  static Optional<FailureReason> permanentFailure(Integer errorCode) {
    return Optional.ofNullable(errorCode == null ? null : PERMANENT.get(errorCode));
  }

  /** Why an accepted message was not delivered, from a callback's ErrorCode. */
  static FailureReason undeliveredReason(Integer errorCode) {
    return permanentFailure(errorCode).orElse(FailureReason.UNDELIVERED);
  }

  /**
   * The outbox status for a Twilio message status; empty for statuses of inbound messages.
   * "accepted", "scheduled" and "sending" are all still with Twilio: QUEUED.
   */
  static Optional<OutboxStatus> outboxStatus(String twilioStatus) {
    if (twilioStatus == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(switch (twilioStatus.toLowerCase()) {
      case "accepted", "scheduled", "queued", "sending" -> OutboxStatus.QUEUED;
      case "sent" -> OutboxStatus.SENT;
      case "delivered", "read" -> OutboxStatus.DELIVERED;
      case "undelivered", "failed", "canceled" -> OutboxStatus.FAILED;
      default -> null;
    });
  }

  private TwilioSms() {
  }
}
