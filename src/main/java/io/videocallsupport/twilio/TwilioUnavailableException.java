package io.videocallsupport.twilio;

/**
 * A Twilio failure worth retrying: a server error, a timeout, an answer that could not be read, or
 * a refusal that configuration can cure. The job retries with backoff, then raises an incident
 * whose message says what happened.
 */
public class TwilioUnavailableException extends RuntimeException {

  TwilioUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
