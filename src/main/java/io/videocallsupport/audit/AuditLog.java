package io.videocallsupport.audit;

import io.videocallsupport.system.RecordParameters;
import io.videocallsupport.system.RecordRows;
import io.videocallsupport.system.Timestamps;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Append-only record of what was done to personal data: what, when, by whom. */
@Component
public class AuditLog {

  private static final RecordRows<Entry> ENTRY_ROWS = RecordRows.of(Entry.class);

  public record Entry(UUID id, OffsetDateTime occurredAt, String actor, String action, String subjectType,
                      String subjectId, String details) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Entry record(String actor, String action, String subjectType, String subjectId, String details) {
    Entry entry = new Entry(UUID.randomUUID(), Timestamps.now(clock), actor, action, subjectType, subjectId, details);
    jdbc.sql("""
            INSERT INTO audit_log (id, occurred_at, actor, action, subject_type, subject_id, details)
            VALUES (:id, :occurredAt, :actor, :action, :subjectType, :subjectId, :details)""")
        .paramSource(new RecordParameters(entry))
        .update();
    return entry;
  }

  public List<Entry> forSubject(String subjectType, String subjectId) {
    return jdbc.sql("""
            SELECT id, occurred_at, actor, action, subject_type, subject_id, details FROM audit_log
            WHERE subject_type = :type AND subject_id = :id ORDER BY occurred_at, id""")
        .param("type", subjectType)
        .param("id", subjectId)
        .query(ENTRY_ROWS)
        .list();
  }
}
