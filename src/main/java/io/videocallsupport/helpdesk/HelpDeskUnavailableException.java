package io.videocallsupport.helpdesk;

/** The help desk did not answer, answered with an error, or answered something unreadable. */
public class HelpDeskUnavailableException extends RuntimeException {

  public HelpDeskUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public HelpDeskUnavailableException(String message) {
    super(message);
  }
}
