package io.videocallsupport.freshdesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.helpdesk.TicketStart.WebhookTicket;
import io.videocallsupport.inbox.Inbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "Trigger webhook" action of a Freshdesk automation rule. Freshdesk does not sign webhooks:
 * the rule sends a shared secret in {@code X-Webhook-Secret}. Stored in the inbox, answered at once.
 */
@RestController
@ConditionalOnProperty(name = "vcs.helpdesk.adapter", havingValue = FreshdeskTickets.NAME)
class FreshdeskWebhookController {

  private static final Logger LOG = LoggerFactory.getLogger(FreshdeskWebhookController.class);

  private final byte[] secret;
  private final Inbox inbox;
  private final ObjectMapper json;
  private final Clock clock;

  FreshdeskWebhookController(FreshdeskProperties properties, Inbox inbox, ObjectMapper json, Clock clock) {
    this.clock = clock;
    this.secret = properties.webhookSecret() == null ? new byte[0]
        : properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
    this.inbox = inbox;
    this.json = json;
  }

  @PostMapping("/webhooks/freshdesk")
  ResponseEntity<?> receive(@RequestHeader(name = "X-Webhook-Secret", required = false) String sentSecret,
                            @RequestBody(required = false) String body) {
    if (secret.length == 0 || sentSecret == null
        || !MessageDigest.isEqual(secret, sentSecret.trim().getBytes(StandardCharsets.UTF_8))) {
      LOG.warn("Refused a Freshdesk webhook: missing or wrong X-Webhook-Secret");
      return ResponseEntity.status(401).body(Map.of("error", "missing or wrong X-Webhook-Secret"));
    }
    JsonNode root;
    try {
      root = body == null ? null : json.readTree(body);
    } catch (JsonProcessingException e) {
      return ResponseEntity.badRequest().body(Map.of("error", "body is not JSON"));
    }
    // The "simple" webhook content wraps the fields in freshdesk_webhook; the advanced one is ours.
    JsonNode fields = root != null && root.has("freshdesk_webhook") ? root.path("freshdesk_webhook") : root;
    if (fields == null || !fields.isObject() || WebhookTicket.of(fields).isEmpty()) {
      return ResponseEntity.badRequest().body(Map.of("error",
          "body must be a JSON object with ticket_id (see docs/helpdesk.md)"));
    }
    String ticketId = WebhookTicket.of(fields).get().ticketId();
    // Freshdesk sends no delivery id: the same body for the same ticket within ten minutes is a
    // redelivery; a later start of the same ticket is a new event (one open session per ticket still holds).
    long window = clock.instant().getEpochSecond() / 600;
    String dedupeKey = "start:" + ticketId + ":" + window + ":"
        + UUID.nameUUIDFromBytes(body.getBytes(StandardCharsets.UTF_8));
    if (!inbox.accept(FreshdeskTickets.NAME, dedupeKey, "start-video-call", fields.toString())) {
      LOG.debug("Freshdesk redelivered {}", dedupeKey);
    }
    return ResponseEntity.accepted().body(Map.of("status", "accepted", "ticket_id", ticketId));
  }
}
