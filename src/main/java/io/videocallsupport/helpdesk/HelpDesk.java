package io.videocallsupport.helpdesk;

import java.util.List;
import java.util.UUID;

/**
 * Port to the help desk that owns the ticket. The embedded default is the application's own
 * ticket record; Zendesk or Freshdesk adapters implement the same interface.
 */
public interface HelpDesk {

  /** Makes sure the ticket is known, with its subject. */
  void openTicket(String ticketId, String subject);

  void addNote(String ticketId, UUID sessionId, String author, String text);

  void changeStatus(String ticketId, TicketStatus status);

  List<TicketNote> notes(String ticketId);
}
