package io.videocallsupport.helpdesk;

import java.util.List;
import java.util.UUID;

/**
 * Port to the help desk that owns the ticket. The embedded default is the application's own
 * ticket record; with Zendesk or Freshdesk, {@link QueuedHelpDesk} records each update in the
 * caller's transaction and a background job delivers it (see docs/helpdesk.md).
 */
public interface HelpDesk {

  /** Makes sure the ticket is known, with its subject. */
  void openTicket(String ticketId, String subject);

  /**
   * Adds a private (internal) note. The event names what the note records (e.g. {@code consent:<task>})
   * and is unique per ticket: the same event is written once, however often it is recorded.
   */
  void addNote(String ticketId, UUID sessionId, String event, String author, String text);

  /** A note for an event that has no name of its own: written once per call. */
  default void addNote(String ticketId, UUID sessionId, String author, String text) {
    addNote(ticketId, sessionId, "note:" + UUID.randomUUID(), author, text);
  }

  void changeStatus(String ticketId, TicketStatus status);

  List<TicketNote> notes(String ticketId);
}
