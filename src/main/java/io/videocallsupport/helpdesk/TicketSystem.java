package io.videocallsupport.helpdesk;

import java.util.Optional;

/**
 * The outside help desk's API, one adapter per vendor (Zendesk, Freshdesk). Every method may
 * throw {@link HelpDeskUnavailableException} or, when the help desk asks to wait,
 * {@link io.videocallsupport.system.RetryAfterException}.
 */
public interface TicketSystem {

  /** The adapter's name, as in {@code HELPDESK}. */
  String name();

  /** Adds a private note (never visible to the customer); answers the help desk's id for it. */
  String addPrivateNote(String ticketId, String text);

  /** Whether a note of the ticket contains the text (the marker of a note that may have been written). */
  boolean hasNoteContaining(String ticketId, String text);

  /** The help desk's own status for ours; empty: leave the ticket's status as it is. */
  Optional<String> statusFor(TicketStatus status);

  void setStatus(String ticketId, String helpDeskStatus);

  void addTag(String ticketId, String tag);

  /** What the ticket, its requester and their organisation say; read with a short timeout. */
  TicketFacts ticket(String ticketId);
}
