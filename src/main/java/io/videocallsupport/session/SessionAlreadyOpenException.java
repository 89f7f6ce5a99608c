package io.videocallsupport.session;

/**
 * A ticket runs one session at a time: the start is refused because the ticket already has an
 * open one. The session API and the engine's REST APIs answer 409.
 */
public class SessionAlreadyOpenException extends RuntimeException {

  private final String ticketId;

  public SessionAlreadyOpenException(String ticketId) {
    super("Ticket " + ticketId + " already has an open video session; it can have a new one when that one has ended.");
    this.ticketId = ticketId;
  }

  public String ticketId() {
    return ticketId;
  }
}
