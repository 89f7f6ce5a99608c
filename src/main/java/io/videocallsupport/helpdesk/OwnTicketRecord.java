package io.videocallsupport.helpdesk;

import io.videocallsupport.system.RecordRows;
import io.videocallsupport.system.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The application's own ticket record: tickets with a status and notes. */
@Component
@ConditionalOnProperty(name = "vcs.helpdesk.adapter", havingValue = "own", matchIfMissing = true)
@Transactional
class OwnTicketRecord implements HelpDesk {

  private static final RecordRows<TicketNote> TICKET_NOTE_ROWS = RecordRows.of(TicketNote.class);

  private final JdbcClient jdbc;
  private final Clock clock;

  OwnTicketRecord(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void openTicket(String ticketId, String subject) {
    OffsetDateTime now = Timestamps.now(clock);
    int updated = jdbc.sql("UPDATE ticket SET subject = COALESCE(:subject, subject), updated_at = :now "
            + "WHERE ticket_id = :ticketId")
        .param("subject", subject).param("now", now).param("ticketId", ticketId)
        .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO ticket (ticket_id, subject, status, created_at, updated_at) "
              + "VALUES (:ticketId, :subject, :status, :now, :now)")
          .param("ticketId", ticketId).param("subject", subject).param("status", TicketStatus.OPEN.name())
          .param("now", now)
          .update();
    }
  }

  @Override
  public void addNote(String ticketId, UUID sessionId, String event, String author, String text) {
    openTicket(ticketId, null);
    jdbc.sql("INSERT INTO ticket_note (id, ticket_id, session_id, author, body, created_at) "
            + "VALUES (:id, :ticketId, :sessionId, :author, :body, :now)")
        .param("id", UUID.randomUUID()).param("ticketId", ticketId).param("sessionId", sessionId)
        .param("author", author).param("body", text).param("now", Timestamps.now(clock))
        .update();
  }

  @Override
  public void changeStatus(String ticketId, TicketStatus status) {
    openTicket(ticketId, null);
    jdbc.sql("UPDATE ticket SET status = :status, updated_at = :now WHERE ticket_id = :ticketId")
        .param("status", status.name()).param("now", Timestamps.now(clock)).param("ticketId", ticketId)
        .update();
  }

  @Override
  @Transactional(readOnly = true)
  public List<TicketNote> notes(String ticketId) {
    return jdbc.sql("SELECT id, ticket_id, session_id, author, body, created_at FROM ticket_note "
            + "WHERE ticket_id = :ticketId ORDER BY created_at, id")
        .param("ticketId", ticketId)
        .query(TICKET_NOTE_ROWS)
        .list();
  }
}
