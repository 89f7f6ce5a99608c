package io.videocallsupport.messaging;

/**
 * Told of each message a transport took, as it was handed over: with its links' fresh tokens,
 * which the outbox does not store. Runs after the outcome is recorded, on the sending thread; an
 * implementation keeps nothing of it that outlives the process.
 */
@FunctionalInterface
public interface SentMessageListener {

  void sent(OutboxMessage asSent, Delivery delivery);
}
