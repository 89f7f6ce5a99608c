package io.videocallsupport.system;

import java.time.Duration;
import java.util.Optional;

/**
 * An outside system asked us to wait (HTTP 429 or 503 with {@code Retry-After}). The job that
 * failed with it is retried no earlier than that; a rate limit does not use up one of the job's
 * retries, so that waiting never turns into an incident.
 */
public class RetryAfterException extends RuntimeException {

  private final Duration retryAfter;
  private final boolean rateLimited;

  public RetryAfterException(String message, Duration retryAfter, boolean rateLimited, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
    this.rateLimited = rateLimited;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public boolean rateLimited() {
    return rateLimited;
  }

  /** The first RetryAfterException in the cause chain. */
  public static Optional<RetryAfterException> in(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RetryAfterException retry) {
        return Optional.of(retry);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }
}
