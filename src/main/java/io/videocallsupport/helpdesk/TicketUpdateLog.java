package io.videocallsupport.helpdesk;

import io.videocallsupport.system.RecordRows;
import io.videocallsupport.helpdesk.TicketUpdate.Kind;
import io.videocallsupport.helpdesk.TicketUpdate.State;
import io.videocallsupport.system.Timestamps;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code ticket_update} table. Recording joins the caller's transaction; what a delivery
 * attempt started and achieved is committed in transactions of its own, so that it survives the
 * delivery job's rollback and a restart.
 */
@Repository
public class TicketUpdateLog {

  private static final RecordRows<TicketUpdate> TICKET_UPDATE_ROWS = RecordRows.of(TicketUpdate.class);

  private static final String COLUMNS = """
      seq, ticket_id, session_id, event_key, kind, author, body, state, attempts, last_attempt_at, last_error,
      remote_id, created_at, delivered_at""";

  private final JdbcClient jdbc;
  private final Clock clock;

  TicketUpdateLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Records an update unless the ticket has one with the same event key.
   *
   * @return the new update's sequence number; empty when the event was recorded before
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Long> record(String ticketId, UUID sessionId, String eventKey, Kind kind, String author,
                               String body) {
    // INSERT ... SELECT ... WHERE NOT EXISTS rather than catching the duplicate key: PostgreSQL
    // would abort the caller's whole transaction on the unique index's error.
    int inserted = jdbc.sql("INSERT INTO ticket_update (ticket_id, session_id, event_key, kind, author, body, "
            + "state, attempts, created_at) SELECT :ticketId, :sessionId, :eventKey, :kind, :author, :body, "
            + "'PENDING', 0, :now FROM (VALUES (0)) AS one_row (x) WHERE NOT EXISTS "
            + "(SELECT 1 FROM ticket_update WHERE ticket_id = :ticketId AND event_key = :eventKey)")
        .param("ticketId", ticketId).param("sessionId", sessionId).param("eventKey", eventKey)
        .param("kind", kind.name()).param("author", author).param("body", body)
        .param("now", Timestamps.now(clock))
        .update();
    if (inserted == 0) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT seq FROM ticket_update WHERE ticket_id = :ticketId AND event_key = :eventKey")
        .param("ticketId", ticketId).param("eventKey", eventKey).query(Long.class).optional();
  }

  @Transactional(readOnly = true)
  public List<TicketUpdate> forTicket(String ticketId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM ticket_update WHERE ticket_id = :ticketId ORDER BY seq")
        .param("ticketId", ticketId).query(TICKET_UPDATE_ROWS).list();
  }

  /** The ticket's undelivered updates up to and including {@code seq}, oldest first. */
  @Transactional(readOnly = true)
  public List<TicketUpdate> pendingUpTo(String ticketId, long seq) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM ticket_update WHERE ticket_id = :ticketId AND state = 'PENDING' "
            + "AND seq <= :seq ORDER BY seq")
        .param("ticketId", ticketId).param("seq", seq).query(TICKET_UPDATE_ROWS).list();
  }

  @Transactional(readOnly = true)
  public long countPending() {
    return jdbc.sql("SELECT COUNT(*) FROM ticket_update WHERE state = 'PENDING'").query(Long.class).single();
  }

  /** Before the help desk is called: from now on the outcome of this update is uncertain until recorded. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void attemptStarted(long seq) {
    jdbc.sql("UPDATE ticket_update SET attempts = attempts + 1, last_attempt_at = :now WHERE seq = :seq")
        .param("now", Timestamps.now(clock)).param("seq", seq).update();
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void delivered(long seq, String remoteId) {
    jdbc.sql("UPDATE ticket_update SET state = :state, remote_id = :remoteId, delivered_at = :now, "
            + "last_error = NULL WHERE seq = :seq")
        .param("state", State.DELIVERED.name()).param("remoteId", truncate(remoteId, 100))
        .param("now", Timestamps.now(clock)).param("seq", seq).update();
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void failed(long seq, String error) {
    jdbc.sql("UPDATE ticket_update SET last_error = :error WHERE seq = :seq")
        .param("error", truncate(error, 2000)).param("seq", seq).update();
  }

  /** Makes sure the ticket's lock row exists (once per ticket, in a transaction of its own). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void ensureLockRow(String ticketId) {
    boolean exists = jdbc.sql("SELECT COUNT(*) FROM ticket_delivery_lock WHERE ticket_id = :ticketId")
        .param("ticketId", ticketId).query(Long.class).single() > 0;
    if (!exists) {
      try {
        jdbc.sql("INSERT INTO ticket_delivery_lock (ticket_id) VALUES (:ticketId)").param("ticketId", ticketId)
            .update();
      } catch (DuplicateKeyException concurrentInsert) {
        // another delivery of the same ticket inserted it first: that is all we needed
      }
    }
  }

  /** Locks the ticket's deliveries until the caller's transaction ends. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void lock(String ticketId) {
    jdbc.sql("SELECT ticket_id FROM ticket_delivery_lock WHERE ticket_id = :ticketId FOR UPDATE")
        .param("ticketId", ticketId).query(String.class).single();
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
