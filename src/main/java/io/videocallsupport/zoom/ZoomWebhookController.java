package io.videocallsupport.zoom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.inbox.Inbox;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zoom's event notification endpoint. Every request must carry a valid, recent signature over the
 * raw body; a valid event is stored in the inbox and answered at once (Zoom waits 3 seconds).
 */
@RestController
@ConditionalOnProperty(name = "vcs.video.platform", havingValue = ZoomVideoPlatform.NAME)
class ZoomWebhookController {

  private static final Logger LOG = LoggerFactory.getLogger(ZoomWebhookController.class);

  private final ZoomWebhookSignatures signatures;
  private final Inbox inbox;
  private final ObjectMapper json;

  ZoomWebhookController(ZoomProperties properties, Inbox inbox, ObjectMapper json, Clock clock) {
    this.signatures = new ZoomWebhookSignatures(properties.webhookSecret(), properties.webhookMaxAge(), clock);
    this.inbox = inbox;
    this.json = json;
  }

  @PostMapping("/webhooks/zoom")
  ResponseEntity<?> receive(@RequestHeader(name = "x-zm-signature", required = false) String signature,
                            @RequestHeader(name = "x-zm-request-timestamp", required = false) String timestamp,
                            @RequestBody String body) {
    if (!signatures.isValid(signature, timestamp, body)) {
      LOG.warn("Refused a Zoom webhook: missing, wrong or stale signature");
      return ResponseEntity.status(401).body(Map.of("error", "invalid or stale signature"));
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      return ResponseEntity.badRequest().body(Map.of("error", "body is not JSON"));
    }
    ZoomEvent event = ZoomEvent.checked(root);
    if (ZoomEvent.URL_VALIDATION.equals(event.event())) {
      String plainToken = root.path("payload").path("plainToken").asText();
      return ResponseEntity.ok(Map.of("plainToken", plainToken,
          "encryptedToken", signatures.encryptedToken(plainToken)));
    }
    boolean stored = inbox.accept(ZoomInboxHandler.SOURCE, event.dedupeKey(), event.event(), body);
    if (!stored) {
      LOG.debug("Zoom redelivered {}", event.dedupeKey());
    }
    return ResponseEntity.ok().build();
  }
}
