package io.videocallsupport.messaging;

import io.videocallsupport.system.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every email and SMS goes through here: stored first under an idempotency key, then handed to
 * its transport, then marked with the outcome. The outbox rows are written in transactions of
 * their own, so a job that fails after sending and is retried finds its message already sent and
 * does not send it twice.
 */
@Service
public class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final OutboxRepository repository;
  private final Mailer mailer;
  private final SmsSender smsSender;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  Outbox(OutboxRepository repository, Mailer mailer, SmsSender smsSender, PlatformTransactionManager transactions,
         Clock clock) {
    this.repository = repository;
    this.mailer = mailer;
    this.smsSender = smsSender;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  public OutboxMessage send(String idempotencyKey, UUID sessionId, MessagePurpose purpose, EmailMessage email) {
    return deliver(idempotencyKey, sessionId, purpose, Channel.EMAIL, email.to(), email.subject(), email.text(),
        email.html(), () -> mailer.send(email));
  }

  public OutboxMessage send(String idempotencyKey, UUID sessionId, MessagePurpose purpose, SmsMessage sms) {
    return deliver(idempotencyKey, sessionId, purpose, Channel.SMS, sms.to(), null, sms.body(), null,
        () -> smsSender.send(sms));
  }

  public List<OutboxMessage> forSession(UUID sessionId) {
    return repository.findBySession(sessionId);
  }

  private OutboxMessage deliver(String key, UUID sessionId, MessagePurpose purpose, Channel channel, String recipient,
                                String subject, String text, String html, Supplier<Delivery> transport) {
    OutboxMessage message = ownTransaction.execute(tx -> repository.findByKey(key).orElseGet(() -> {
      OffsetDateTime now = Timestamps.now(clock);
      OutboxMessage created = new OutboxMessage(UUID.randomUUID(), key, sessionId, channel, purpose, recipient,
          subject, text, html, OutboxStatus.PENDING, null, null, 0, null, now, now);
      repository.insert(created);
      return created;
    }));
    if (message.status().isDone()) {
      LOG.info("Outbox message {} ({}) already {}; not sending it again", message.id(), key, message.status());
      return message;
    }
    ownTransaction.executeWithoutResult(tx -> repository.recordAttempt(message.id(), Timestamps.now(clock)));
    Delivery delivery;
    try {
      delivery = transport.get();
    } catch (RuntimeException e) {
      ownTransaction.executeWithoutResult(tx ->
          repository.recordError(message.id(), describe(e), OutboxStatus.PENDING, Timestamps.now(clock)));
      throw e;
    }
    ownTransaction.executeWithoutResult(tx -> repository.recordDelivery(message.id(), delivery, Timestamps.now(clock)));
    return repository.findById(message.id()).orElseThrow();
  }

  private static String describe(RuntimeException e) {
    String text = e.getClass().getSimpleName() + ": " + e.getMessage();
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }
}
