package io.videocallsupport.messaging;

/**
 * PENDING: stored, not yet handed over. STORED: kept in the outbox only (no transport configured).
 * QUEUED: the provider took it and will send it. SENT: the provider handed it on (to the carrier or
 * the receiving mail server). DELIVERED: the provider confirmed delivery. FAILED: refused or
 * undeliverable for good.
 */
public enum OutboxStatus {
  PENDING(0), STORED(1), QUEUED(1), SENT(2), DELIVERED(3), FAILED(3);

  private final int progress;

  OutboxStatus(int progress) {
    this.progress = progress;
  }

  /** Once a message left (or was kept on purpose), a retried job must not send it again. */
  public boolean isDone() {
    return this != PENDING;
  }

  /** Nothing a provider reports later changes a delivered or failed message. */
  public boolean isFinal() {
    return this == DELIVERED || this == FAILED;
  }

  /**
   * Status only moves forward: provider callbacks arrive out of order and more than once, and a late
   * "sent" must never overwrite "delivered".
   */
  public boolean canMoveTo(OutboxStatus next) {
    return !isFinal() && next.progress > progress;
  }
}
