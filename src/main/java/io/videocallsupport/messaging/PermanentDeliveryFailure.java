package io.videocallsupport.messaging;

/**
 * Thrown by a transport when the provider refused a message for good. The outbox marks the message
 * FAILED and returns it instead of throwing, so that the job is not retried; the caller decides on
 * the fallback (another channel, an agent task, a ticket note).
 */
public class PermanentDeliveryFailure extends RuntimeException {

  private final String provider;
  private final FailureReason reason;

  public PermanentDeliveryFailure(String provider, FailureReason reason, String message) {
    super(message);
    this.provider = provider;
    this.reason = reason;
  }

  public String provider() {
    return provider;
  }

  public FailureReason reason() {
    return reason;
  }
}
