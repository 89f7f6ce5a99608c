package io.videocallsupport.messaging;

/**
 * PENDING: stored, not yet handed over. STORED: kept in the outbox only (no transport configured).
 * SENT: accepted by the provider. DELIVERED: the provider confirmed delivery. FAILED: the provider
 * refused it for good.
 */
public enum OutboxStatus {
  PENDING, STORED, SENT, DELIVERED, FAILED;

  /** Once a message left (or was kept on purpose), a retried job must not send it again. */
  public boolean isDone() {
    return this != PENDING;
  }
}
