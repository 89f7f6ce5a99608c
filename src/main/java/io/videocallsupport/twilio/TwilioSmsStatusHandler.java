package io.videocallsupport.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.inbox.InboxEvent;
import io.videocallsupport.inbox.InboxHandler;
import io.videocallsupport.messaging.FailureReason;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.messaging.OutboxStatus;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Applies Twilio's SMS status callbacks from the inbox to the outbox. The status only moves
 * forward, so a duplicate or a late "sent" after "delivered" changes nothing. A callback can beat
 * the outbox to the message's SID (Twilio may report "sent" before the job that sent it has
 * recorded the answer): the worker then tries it again shortly.
 *
 * <p>Present whatever the SMS transport, so that callbacks stored before a configuration change
 * are still handled.
 */
@Component
class TwilioSmsStatusHandler implements InboxHandler {

  private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
  };

  private final Outbox outbox;
  private final ObjectMapper json;

  TwilioSmsStatusHandler(Outbox outbox, ObjectMapper json) {
    this.outbox = outbox;
    this.json = json;
  }

  @Override
  public String source() {
    return TwilioSms.INBOX_SOURCE;
  }

  @Override
  public Outcome handle(InboxEvent event) {
    Map<String, String> fields = read(event.payload());
    String sid = fields.get("MessageSid");
    String twilioStatus = fields.get("MessageStatus");
    Optional<OutboxStatus> status = TwilioSms.outboxStatus(twilioStatus);
    if (sid == null || status.isEmpty()) {
      return Outcome.ignored("Status '" + twilioStatus + "' of " + sid + " is not tracked");
    }
    Integer errorCode = errorCode(fields.get("ErrorCode"));
    FailureReason reason = status.get() == OutboxStatus.FAILED ? TwilioSms.undeliveredReason(errorCode) : null;
    String error = status.get() == OutboxStatus.FAILED
        ? "Twilio reported " + twilioStatus + (errorCode == null ? "" : " (error " + errorCode + ")") : null;
    return switch (outbox.recordProviderStatus(TwilioSms.PROVIDER, sid, status.get(), reason, error)) {
      case APPLIED -> Outcome.done("SMS " + sid + " is " + status.get());
      case STALE -> Outcome.ignored("SMS " + sid + " already has " + twilioStatus + " or a later status");
      case UNKNOWN -> Outcome.notYet("No outbox message has Twilio SID " + sid + " yet");
    };
  }

  private Map<String, String> read(String payload) {
    try {
      return json.readValue(payload, FIELDS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored Twilio callback is not readable", e);
    }
  }

  private static Integer errorCode(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
