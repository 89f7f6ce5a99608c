package io.videocallsupport.inbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An inbound event as received: the raw body, already verified, with its dedupe key. */
public record InboxEvent(
    UUID id,
    String source,
    String dedupeKey,
    String eventType,
    String payload,
    InboxStatus status,
    int attempts,
    OffsetDateTime nextAttemptAt,
    String lastNote,
    OffsetDateTime receivedAt,
    OffsetDateTime processedAt) {

  public enum InboxStatus {
    /** Waiting to be handled, now or at {@code nextAttemptAt}. */
    PENDING,
    /** Handed to its process. */
    DONE,
    /** Nothing to do (e.g. a session already past that point); the note says why. */
    IGNORED,
    /** No session or process could be found for it in time; kept and reported. */
    UNMATCHED,
    /** Handling failed for good; the note holds the error. */
    FAILED
  }
}
