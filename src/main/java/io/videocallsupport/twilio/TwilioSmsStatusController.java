package io.videocallsupport.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * A request that fails the check is answered 403 and changes nothing.
 */
@RestController
@ConditionalOnProperty(name = "vcs.sms.transport", havingValue = "twilio")
class TwilioSmsStatusController {

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
          request.getParameter("MessageSid"));
      return ResponseEntity.status(403).build();
    }
    Map<String, String> fields = verified.get();
    String sid = fields.get("MessageSid");
    String status = fields.get("MessageStatus");
    if (sid == null || status == null) {
      return ResponseEntity.badRequest().build();
    }
    boolean isNew = inbox.accept(TwilioSms.INBOX_SOURCE, sid + ":" + status, status, json.writeValueAsString(fields));
    if (!isNew) {
      LOG.debug("Twilio repeated status {} of SMS {}", status, sid);
    }
    return ResponseEntity.noContent().build();
  }
}
