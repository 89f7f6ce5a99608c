package io.videocallsupport.inbox;

import io.videocallsupport.inbox.InboxEvent.InboxStatus;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What came in from the platforms and what became of it, for team leads, managers and admins:
 * {@code GET /api/inbox?status=UNMATCHED} lists events no session could be found for.
 */
@RestController
class InboxController {

  /** An inbox entry without its raw body, which may hold personal data. */
  record Entry(String id, String source, String eventType, InboxStatus status, int attempts, String note,
               java.time.OffsetDateTime receivedAt, java.time.OffsetDateTime processedAt) {
  }

  private final Inbox inbox;

  InboxController(Inbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/api/inbox")
  List<Entry> byStatus(@RequestParam(defaultValue = "UNMATCHED") InboxStatus status,
                       @RequestParam(defaultValue = "100") int limit) {
    return inbox.withStatus(status, Math.min(Math.max(limit, 1), 500)).stream()
        .map(e -> new Entry(e.id().toString(), e.source(), e.eventType(), e.status(), e.attempts(), e.lastNote(),
            e.receivedAt(), e.processedAt()))
        .toList();
  }
}
