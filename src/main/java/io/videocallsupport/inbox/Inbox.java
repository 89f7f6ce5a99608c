package io.videocallsupport.inbox;

import io.videocallsupport.inbox.InboxEvent.InboxStatus;
import io.videocallsupport.system.RecordParameters;
import io.videocallsupport.system.RecordRows;
import io.videocallsupport.system.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox of inbound events. A webhook controller verifies the request, calls {@link #accept}
 * (one insert: a few milliseconds) and answers; {@link InboxWorker} does the rest.
 */
@Service
public class Inbox {

  private static final RecordRows<InboxEvent> INBOX_EVENT_ROWS = RecordRows.of(InboxEvent.class);

  /** The sizes of inbox_event's columns (V2__inbox.sql); {@link #accept} refuses what would not fit. */
  public static final int MAX_SOURCE = 30;
  public static final int MAX_DEDUPE_KEY = 300;
  public static final int MAX_EVENT_TYPE = 100;
  /** The payload column has no declared size; this keeps it well inside both databases' limits. */
  public static final int MAX_PAYLOAD = 1_000_000;

  private static final String COLUMNS = """
      id, source, dedupe_key, event_type, payload, status, attempts, next_attempt_at, last_note, received_at,
      processed_at""";

  private final JdbcClient jdbc;
  private final Clock clock;

  Inbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Stores a verified event once.
   *
   * @return false when an event with the same source and dedupe key was stored before (a redelivery)
   * @throws InvalidInboundEventException when a value would not fit its column; nothing is stored
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean accept(String source, String dedupeKey, String eventType, String payload) {
    fits("source", source, MAX_SOURCE);
    fits("dedupe key", dedupeKey, MAX_DEDUPE_KEY);
    fits("event type", eventType, MAX_EVENT_TYPE);
    fits("payload", payload, MAX_PAYLOAD);
    OffsetDateTime now = Timestamps.now(clock);
    try {
      jdbc.sql("INSERT INTO inbox_event (" + COLUMNS + ") VALUES (:id, :source, :dedupeKey, :eventType, :payload, "
              + ":status, :attempts, :nextAttemptAt, :lastNote, :receivedAt, :processedAt)")
          .paramSource(new RecordParameters(new InboxEvent(UUID.randomUUID(), source, dedupeKey, eventType, payload,
              InboxStatus.PENDING, 0, now, null, now, null)))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  @Transactional(readOnly = true)
  public List<InboxEvent> due(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM inbox_event WHERE status = 'PENDING' AND next_attempt_at <= :now "
            + "ORDER BY received_at, id LIMIT :limit")
        .param("now", Timestamps.now(clock)).param("limit", limit)
        .query(INBOX_EVENT_ROWS).list();
  }

  @Transactional(readOnly = true)
  public List<InboxEvent> withStatus(InboxStatus status, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM inbox_event WHERE status = :status "
            + "ORDER BY received_at DESC, id LIMIT :limit")
        .param("status", status.name()).param("limit", limit)
        .query(INBOX_EVENT_ROWS).list();
  }

  @Transactional(readOnly = true)
  public List<InboxEvent> bySource(String source) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM inbox_event WHERE source = :source ORDER BY received_at, id")
        .param("source", source).query(INBOX_EVENT_ROWS).list();
  }

  /** Events of a source whose dedupe key starts with the prefix, e.g. all joins of one participant. */
  @Transactional(readOnly = true)
  public List<InboxEvent> withKeyPrefix(String source, String keyPrefix) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM inbox_event WHERE source = :source AND dedupe_key LIKE :prefix "
            + "ORDER BY received_at, id")
        .param("source", source).param("prefix", keyPrefix.replace("%", "\\%").replace("_", "\\_") + "%")
        .query(INBOX_EVENT_ROWS).list();
  }

  /**
   * Whether an event of the source is keyed {@code <keyPrefix><number>} with a number above the
   * given one: e.g. the same participant joining again after the leave being handled, which makes
   * that leave stale whatever order the events arrived in.
   */
  @Transactional(readOnly = true)
  public boolean hasLaterKey(String source, String keyPrefix, long number) {
    return withKeyPrefix(source, keyPrefix).stream()
        .map(e -> e.dedupeKey().substring(keyPrefix.length()))
        .filter(suffix -> suffix.matches("\\d{1,18}"))
        .mapToLong(Long::parseLong)
        .anyMatch(later -> later > number);
  }

  void finish(UUID id, InboxStatus status, String note) {
    jdbc.sql("UPDATE inbox_event SET status = :status, last_note = :note, attempts = attempts + 1, "
            + "processed_at = :now WHERE id = :id")
        .param("status", status.name()).param("note", truncate(note)).param("now", Timestamps.now(clock))
        .param("id", id).update();
  }

  void retryAt(UUID id, OffsetDateTime next, String note) {
    jdbc.sql("UPDATE inbox_event SET attempts = attempts + 1, next_attempt_at = :next, last_note = :note "
            + "WHERE id = :id")
        .param("next", next).param("note", truncate(note)).param("id", id).update();
  }

  private static void fits(String field, String value, int maxLength) {
    if (value == null) {
      throw new InvalidInboundEventException(field, "is missing");
    }
    if (value.length() > maxLength) {
      throw new InvalidInboundEventException(field, "is longer than " + maxLength + " characters");
    }
  }

  private static String truncate(String note) {
    return note == null || note.length() <= 2000 ? note : note.substring(0, 2000);
  }
}
