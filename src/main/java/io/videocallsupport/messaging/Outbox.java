package io.videocallsupport.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.videocallsupport.system.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every email and SMS goes through here: stored first under an idempotency key, then handed to
 * its transport, then marked with the outcome. The outbox rows are written in transactions of
 * their own, so a job that fails after sending and is retried finds its message already sent and
 * does not send it twice.
 *
 * <p>A transport that fails for a passing reason throws: the row stays PENDING and the job is
 * retried. A provider that refuses a message for good ({@link PermanentDeliveryFailure}) leaves it
 * FAILED with the reason, and the message is returned rather than thrown, so the caller can fall
 * back to another channel or ask the agent without the job being retried into an incident.
 */
@Service
public class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  private static final String RESEND = ":resend:";
  private static final String NO_RECIPIENT = "[none]";

  /** What a provider's status report did to a message. */
  public enum StatusUpdate {
    /** The status moved forward. */
    APPLIED,
    /** The message already had this or a later status (a duplicate or a late report). */
    STALE,
    /** No message has that provider id (yet: the report may beat the provider id being recorded). */
    UNKNOWN
  }

  /** The message is still being sent by its job; a re-send would race it. */
  public static class StillSendingException extends RuntimeException {
    StillSendingException(UUID id) {
      super("Message " + id + " is still being sent; re-send it once it has gone out or failed");
    }
  }

  private final OutboxRepository repository;
  private final Mailer mailer;
  private final SmsSender smsSender;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;
  private final MeterRegistry meters;
  private final LinkTokens links;
  private final ObjectProvider<SentMessageListener> listeners;

  Outbox(OutboxRepository repository, Mailer mailer, SmsSender smsSender, PlatformTransactionManager transactions,
         Clock clock, MeterRegistry meters, LinkTokens links, ObjectProvider<SentMessageListener> listeners) {
    this.repository = repository;
    this.mailer = mailer;
    this.smsSender = smsSender;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
    this.meters = meters;
    this.links = links;
    this.listeners = listeners;
  }

  public OutboxMessage send(String idempotencyKey, UUID sessionId, MessagePurpose purpose, EmailMessage email) {
    return deliver(new Draft(idempotencyKey, sessionId, purpose, Channel.EMAIL, email.to(), email.subject(),
        email.text(), email.html(), email.attachments()), (stored, retry, since) -> mailer.send(
            new EmailMessage(stored.recipient(), stored.subject(), stored.bodyText(), stored.bodyHtml(),
                stored.attachments())));
  }

  public OutboxMessage send(String idempotencyKey, UUID sessionId, MessagePurpose purpose, SmsMessage sms) {
    return deliver(new Draft(idempotencyKey, sessionId, purpose, Channel.SMS, sms.to(), null, sms.body(), null,
        List.of()), (stored, retry, since) -> {
          SmsMessage storedSms = new SmsMessage(stored.recipient(), stored.bodyText());
          return retry ? smsSender.sendAgain(storedSms, since) : smsSender.send(storedSms);
        });
  }

  /**
   * Records, without sending, a message that has nobody to go to: the session holds no address for
   * its channel (erased, or never given). FAILED as {@code REJECTED}, so that the step goes on and
   * the session shows why nothing went out.
   */
  public OutboxMessage withoutRecipient(String idempotencyKey, UUID sessionId, MessagePurpose purpose,
                                        Channel channel) {
    return ownTransaction.execute(tx -> repository.findByKey(idempotencyKey).orElseGet(() -> {
      OffsetDateTime now = Timestamps.now(clock);
      OutboxMessage none = new OutboxMessage(UUID.randomUUID(), idempotencyKey, sessionId, channel, purpose,
          NO_RECIPIENT, null, NO_RECIPIENT, null, OutboxStatus.FAILED, null, null, 0,
          "The session has no " + (channel == Channel.EMAIL ? "email address" : "mobile number")
              + " (erased or never given); not sent", now, now, FailureReason.REJECTED, List.of());
      repository.insert(none);
      return none;
    }));
  }

  public List<OutboxMessage> forSession(UUID sessionId) {
    return repository.findBySession(sessionId);
  }

  public Optional<OutboxMessage> find(UUID id) {
    return repository.findById(id);
  }

  /** Whether an SMS to this number was refused in this session because the customer replied STOP. */
  public boolean optedOut(UUID sessionId, String mobile) {
    return mobile != null && repository.hasFailure(sessionId, Channel.SMS, mobile, FailureReason.OPTED_OUT);
  }

  /**
   * Sends the content of an earlier message again, as a new outbox entry with the key
   * {@code <original key>:resend:<n>}, to {@code recipient} (the session's current address, which
   * the agent may have corrected since). A re-send that failed for a passing reason is tried again
   * under its own key instead of adding another.
   *
   * @throws StillSendingException when the original has not gone out or failed yet
   */
  public OutboxMessage resend(OutboxMessage original, String recipient) {
    if (!original.status().isDone()) {
      throw new StillSendingException(original.id());
    }
    int cut = original.idempotencyKey().indexOf(RESEND);
    String base = cut < 0 ? original.idempotencyKey() : original.idempotencyKey().substring(0, cut);
    List<OutboxMessage> earlier = repository.findBySession(original.sessionId()).stream()
        .filter(m -> m.idempotencyKey().startsWith(base + RESEND))
        .toList();
    String key = earlier.stream()
        .filter(m -> !m.status().isDone())
        .max(Comparator.comparing(OutboxMessage::createdAt))
        .map(OutboxMessage::idempotencyKey)
        .orElse(base + RESEND + (earlier.size() + 1));
    LOG.info("Re-sending outbox message {} as {}", original.id(), key);
    // the re-sent links get fresh tokens at delivery, valid as long after now as the original's were after then
    Duration later = Duration.between(original.createdAt(), Timestamps.now(clock));
    if (original.channel() == Channel.EMAIL) {
      return send(key, original.sessionId(), original.purpose(), new EmailMessage(recipient, original.subject(),
          LinkTokens.extend(original.bodyText(), later), LinkTokens.extend(original.bodyHtml(), later),
          original.attachments().stream().map(a -> new EmailMessage.Attachment(a.filename(), a.contentType(),
              LinkTokens.extend(a.content(), later))).toList()));
    }
    return send(key, original.sessionId(), original.purpose(),
        new SmsMessage(recipient, LinkTokens.extend(original.bodyText(), later)));
  }

  /** When the session's re-sends (entries added by {@link #resend}) since {@code since} were made, oldest first. */
  public List<OffsetDateTime> resendsSince(UUID sessionId, OffsetDateTime since) {
    return repository.findBySession(sessionId).stream()
        .filter(m -> m.idempotencyKey().contains(RESEND) && !m.createdAt().isBefore(since))
        .map(OutboxMessage::createdAt)
        .sorted()
        .toList();
  }

  /**
   * Applies a status the provider reported for one of its messages (a delivery receipt). Runs in
   * the caller's transaction: the inbox worker's.
   */
  public StatusUpdate recordProviderStatus(String provider, String providerMessageId, OutboxStatus status,
                                           FailureReason reason, String error) {
    Optional<OutboxMessage> found = repository.findByProviderId(provider, providerMessageId);
    if (found.isEmpty()) {
      return StatusUpdate.UNKNOWN;
    }
    OutboxMessage message = found.get();
    if (!message.status().canMoveTo(status)) {
      return StatusUpdate.STALE;
    }
    boolean moved = repository.advanceStatus(message.id(), message.status(), status,
        status == OutboxStatus.FAILED ? reason : null, error, Timestamps.now(clock));
    return moved ? StatusUpdate.APPLIED : StatusUpdate.STALE;
  }

  private OutboxMessage deliver(Draft draft, Transport transport) {
    OutboxMessage message = ownTransaction.execute(tx -> repository.findByKey(draft.key()).orElseGet(() -> {
      OffsetDateTime now = Timestamps.now(clock);
      OutboxMessage created = new OutboxMessage(UUID.randomUUID(), draft.key(), draft.sessionId(), draft.channel(),
          draft.purpose(), draft.recipient(), draft.subject(), draft.text(), draft.html(), OutboxStatus.PENDING,
          null, null, 0, null, now, now, null, draft.attachments());
      repository.insert(created);
      return created;
    }));
    if (message.failed() && !message.recipient().equals(draft.recipient())) {
      // Refused for good at the old address, and the agent has corrected it since: the new address
      // gets an entry of its own, keyed by the address so that a retried job finds it again.
      return deliver(draft.withKey(draft.key() + ":to:" + fingerprint(draft.recipient())), transport);
    }
    if (message.status().isDone()) {
      LOG.info("Outbox message {} ({}) already {}; not sending it again", message.id(), draft.key(), message.status());
      return message;
    }
    boolean retry = message.attempts() > 0;
    ownTransaction.executeWithoutResult(tx -> repository.recordAttempt(message.id(), Timestamps.now(clock)));
    // tokens are minted and committed before the message leaves, and exist nowhere but in what is sent
    OutboxMessage asSent = ownTransaction.execute(tx -> links.mint(message));
    Delivery delivery;
    try {
      delivery = transport.deliver(asSent, retry, message.createdAt());
    } catch (PermanentDeliveryFailure refused) {
      count(message, "refused");
      // the provider's words often quote the address: they go to the row (erased with it), not the log
      LOG.warn("Outbox message {} ({}) refused for good by {}: {}", message.id(), draft.key(), refused.provider(),
          refused.reason());
      ownTransaction.executeWithoutResult(tx -> repository.recordFailure(message.id(), refused.provider(),
          refused.reason(), truncate(refused.getMessage()), Timestamps.now(clock)));
      return repository.findById(message.id()).orElseThrow();
    } catch (RuntimeException e) {
      count(message, "error");
      ownTransaction.executeWithoutResult(tx ->
          repository.recordError(message.id(), describe(e), OutboxStatus.PENDING, Timestamps.now(clock)));
      throw e;
    }
    count(message, delivery.status().name().toLowerCase());
    ownTransaction.executeWithoutResult(tx -> repository.recordDelivery(message.id(), delivery, Timestamps.now(clock)));
    listeners.orderedStream().forEach(listener -> listener.sent(asSent, delivery));
    return repository.findById(message.id()).orElseThrow();
  }

  /** {@code vcs.messages.delivered}: every delivery attempt, by channel, purpose and result. */
  private void count(OutboxMessage message, String result) {
    meters.counter("vcs.messages.delivered", "channel", message.channel().name(), "purpose",
        message.purpose().name(), "result", result).increment();
  }

  private static String describe(RuntimeException e) {
    return truncate(e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
  }

  /** Short and stable, and keeps the address itself out of the key. */
  private static String fingerprint(String recipient) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(recipient.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Hands the message as the outbox stored it to its transport: a retried job sends what was
   * stored the first time, not what it composed again; only the links' tokens are fresh
   * ({@link LinkTokens}), so a retry after an uncertain send leaves two working links.
   */
  @FunctionalInterface
  private interface Transport {
    /** {@code retry}: an earlier attempt (started after {@code since}) failed and may have left a message behind. */
    Delivery deliver(OutboxMessage stored, boolean retry, OffsetDateTime since);
  }

  private record Draft(String key, UUID sessionId, MessagePurpose purpose, Channel channel, String recipient,
                       String subject, String text, String html, List<EmailMessage.Attachment> attachments) {
    Draft withKey(String otherKey) {
      return new Draft(otherKey, sessionId, purpose, channel, recipient, subject, text, html, attachments);
    }
  }
}
