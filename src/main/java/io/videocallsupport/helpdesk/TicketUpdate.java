package io.videocallsupport.helpdesk;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One recorded update for an outside help desk, delivered in {@code seq} order per ticket. */
public record TicketUpdate(Long seq, String ticketId, UUID sessionId, String eventKey, Kind kind, String author,
                           String body, State state, int attempts, OffsetDateTime lastAttemptAt, String lastError,
                           String remoteId, OffsetDateTime createdAt, OffsetDateTime deliveredAt) {

  public enum Kind { NOTE, STATUS, TAG }

  public enum State { PENDING, DELIVERED }

  /**
   * The text written into the note so that a note whose delivery was uncertain can be found on the
   * ticket: the session and the event, which are unique per ticket.
   */
  public String marker() {
    return "[vcs " + eventKey + "]";
  }

  /** The note as the help desk shows it. */
  public String noteText() {
    return body + "\n\n— " + (author == null ? "video support" : author) + " " + marker();
  }
}
