package io.videocallsupport.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.inbox.InboundFields;
import io.videocallsupport.inbox.Inbox;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio's Messaging status callbacks. Each request is checked against its {@code
 * X-Twilio-Signature} ({@link TwilioCallbacks}), stored in the inbox under MessageSid + status,
 * and answered at once; the inbox worker applies it to the outbox ({@link TwilioSmsStatusHandler}).
 * A request that fails the check is answered 403, one whose MessageSid or MessageStatus is missing
 * or not shaped as Twilio documents it 400; neither changes anything.
 */
@RestController
@ConditionalOnProperty(name = "vcs.sms.transport", havingValue = "twilio")
class TwilioSmsStatusController {

  /** Twilio's statuses (queued, sent, delivered, undelivered, partially_delivered, ...) are short words. */
  static final int MAX_STATUS = 40;
  private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsStatusController.class);

  private final Inbox inbox;
  private final TwilioCallbacks callbacks;
  private final ObjectMapper json;

  TwilioSmsStatusController(Inbox inbox, TwilioProperties twilio, @Value("${vcs.public-url}") String publicUrl,
                            ObjectMapper json) {
    twilio.requireForSms();
    this.inbox = inbox;
    this.callbacks = new TwilioCallbacks(twilio.authToken(), publicUrl);
    this.json = json;
  }

  @PostMapping(path = TwilioSms.STATUS_CALLBACK_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<Void> status(@RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
                              HttpServletRequest request) throws JsonProcessingException {
    Optional<Map<String, String>> verified = callbacks.verified(TwilioSms.STATUS_CALLBACK_PATH, signature, request);
    if (verified.isEmpty()) {
      LOG.warn("Refused a Twilio SMS status callback with a missing or wrong signature (MessageSid {})",
          TwilioSids.forLog(request.getParameter("MessageSid"), TwilioSids.MESSAGE));
      return ResponseEntity.status(403).build();
    }
    Map<String, String> fields = verified.get();
    String sid = InboundFields.required("MessageSid", fields.get("MessageSid"), TwilioSids.LENGTH, TwilioSids.MESSAGE);
    String status = InboundFields.required("MessageStatus", fields.get("MessageStatus"), MAX_STATUS,
        InboundFields.EVENT_NAME);
    boolean isNew = inbox.accept(TwilioSms.INBOX_SOURCE, sid + ":" + status, status, json.writeValueAsString(fields));
    if (!isNew) {
      LOG.debug("Twilio repeated status {} of SMS {}", status, sid);
    }
    return ResponseEntity.noContent().build();
  }
}
