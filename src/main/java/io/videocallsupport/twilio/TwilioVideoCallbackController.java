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
 * Twilio's Rooms status callbacks (the room's {@code StatusCallback}). Each request is checked
 * against its {@code X-Twilio-Signature}, stored in the inbox once (a repeat has the same room and
 * sequence number) and answered at once; {@link TwilioVideoInboxHandler} hands it to the process.
 * A request that fails the check is answered 403, one with a field missing or not shaped as Twilio
 * documents it 400 ({@link TwilioRoomEvent#checked}); neither changes anything.
 */
@RestController
@ConditionalOnProperty(name = "vcs.video.platform", havingValue = TwilioVideoPlatform.NAME)
class TwilioVideoCallbackController {

  static final String PATH = "/webhooks/twilio/video";
  static final String INBOX_SOURCE = "twilio-video";
  private static final Logger LOG = LoggerFactory.getLogger(TwilioVideoCallbackController.class);

  private final Inbox inbox;
  private final TwilioCallbacks callbacks;
  private final ObjectMapper json;

  TwilioVideoCallbackController(Inbox inbox, TwilioProperties twilio, @Value("${vcs.public-url}") String publicUrl,
                                ObjectMapper json) {
    this.inbox = inbox;
    this.callbacks = new TwilioCallbacks(twilio.authToken(), publicUrl);
    this.json = json;
  }

  @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<Void> roomEvent(@RequestHeader(name = "X-Twilio-Signature", required = false) String signature,
                                 HttpServletRequest request) throws JsonProcessingException {
    Optional<Map<String, String>> fields = callbacks.verified(PATH, signature, request);
    if (fields.isEmpty()) {
      LOG.warn("Refused a Twilio room callback with a missing or wrong signature (room {})",
          TwilioSids.forLog(request.getParameter("RoomSid"), TwilioSids.ROOM));
      return ResponseEntity.status(403).build();
    }
    TwilioRoomEvent event = TwilioRoomEvent.checked(fields.get());
    if (!inbox.accept(INBOX_SOURCE, event.dedupeKey(), event.event(), json.writeValueAsString(fields.get()))) {
      LOG.debug("Twilio repeated {} of room {}", event.event(), event.roomSid());
    }
    return ResponseEntity.noContent().build();
  }
}
