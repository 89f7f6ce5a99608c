package io.videocallsupport.zendesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.helpdesk.TicketStart.WebhookTicket;
import io.videocallsupport.inbox.Inbox;
import java.nio.charset.StandardCharsets;
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
 * The "Start video call" webhook of a Zendesk trigger or automation: signed by Zendesk, stored in
 * the inbox and answered at once; the help desk's inbox handler starts the session.
 */
@RestController
@ConditionalOnProperty(name = "vcs.helpdesk.adapter", havingValue = ZendeskTickets.NAME)
class ZendeskWebhookController {

  private static final Logger LOG = LoggerFactory.getLogger(ZendeskWebhookController.class);

  private final ZendeskWebhookSignatures signatures;
  private final Inbox inbox;
  private final ObjectMapper json;

  ZendeskWebhookController(ZendeskProperties properties, Inbox inbox, ObjectMapper json, Clock clock) {
    this.signatures = new ZendeskWebhookSignatures(properties.webhookSigningSecret(), properties.webhookMaxAge(),
        clock);
    this.inbox = inbox;
    this.json = json;
  }

  @PostMapping("/webhooks/zendesk")
  ResponseEntity<?> receive(@RequestHeader(name = "X-Zendesk-Webhook-Signature", required = false) String signature,
                            @RequestHeader(name = "X-Zendesk-Webhook-Signature-Timestamp", required = false)
                            String timestamp,
                            @RequestHeader(name = "X-Zendesk-Webhook-Invocation-Id", required = false)
                            String invocationId,
                            @RequestBody(required = false) String body) {
    if (!signatures.isValid(signature, timestamp, body)) {
      LOG.warn("Refused a Zendesk webhook: missing, wrong or stale signature");
      return ResponseEntity.status(401).body(Map.of("error", "invalid or stale signature"));
    }
    JsonNode root;
    try {
      root = body == null ? null : json.readTree(body);
    } catch (JsonProcessingException e) {
      return ResponseEntity.badRequest().body(Map.of("error", "body is not JSON"));
    }
    if (root == null || !root.isObject() || WebhookTicket.of(root).isEmpty()) {
      return ResponseEntity.badRequest().body(Map.of("error",
          "body must be a JSON object with ticket_id (letters, digits and . _ : - only; see docs/helpdesk.md)"));
    }
    String ticketId = WebhookTicket.of(root).get().ticketId();
    // Zendesk retries an invocation under the same id; without one, the same signed request is one event.
    String dedupeKey = "start:" + ticketId + ":" + (invocationId != null && !invocationId.isBlank()
        ? invocationId.trim() : UUID.nameUUIDFromBytes((timestamp + body).getBytes(StandardCharsets.UTF_8)));
    if (!inbox.accept(ZendeskTickets.NAME, dedupeKey, "start-video-call", body)) {
      LOG.debug("Zendesk redelivered {}", dedupeKey);
    }
    return ResponseEntity.accepted().body(Map.of("status", "accepted", "ticket_id", ticketId));
  }
}
