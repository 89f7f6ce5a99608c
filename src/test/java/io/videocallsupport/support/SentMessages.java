package io.videocallsupport.support;

import io.videocallsupport.messaging.Delivery;
import io.videocallsupport.messaging.OutboxMessage;
import io.videocallsupport.messaging.SentMessageListener;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestComponent;

/**
 * What the customer got: each outbox message as last handed to its transport, with the tokens
 * that the outbox does not store. Tests open customer links from here, as the customer would from
 * their inbox.
 */
@TestComponent
public class SentMessages implements SentMessageListener {

  private final Map<UUID, OutboxMessage> sent = new ConcurrentHashMap<>();

  @Override
  public void sent(OutboxMessage asSent, Delivery delivery) {
    sent.put(asSent.id(), asSent);
  }

  /** The message as the customer received it (its last delivery). */
  public OutboxMessage asSent(OutboxMessage stored) {
    OutboxMessage message = sent.get(stored.id());
    if (message == null) {
      throw new AssertionError("Outbox message " + stored.id() + " (" + stored.idempotencyKey() + ") was not sent");
    }
    return message;
  }

  /** The plain-text part (or SMS) as the customer received it. */
  public String text(OutboxMessage stored) {
    return asSent(stored).bodyText();
  }
}
