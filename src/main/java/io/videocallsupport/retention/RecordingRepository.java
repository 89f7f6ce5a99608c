package io.videocallsupport.retention;

import io.videocallsupport.system.RecordParameters;
import io.videocallsupport.system.RecordRows;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class RecordingRepository {

  private static final RecordRows<Recording> RECORDING_ROWS = RecordRows.of(Recording.class);

  private static final String COLUMNS = """
      id, session_id, platform, platform_recording_id, storage_ref, transcript, process_instance_id,
      consent_on_record, legal_hold, retain_until, state, deletion_reason, deleted_at, created_at""";

  private final JdbcClient jdbc;

  RecordingRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Recording r) {
    jdbc.sql("INSERT INTO recording (" + COLUMNS + ") VALUES (:id, :sessionId, :platform, :platformRecordingId, "
            + ":storageRef, :transcript, :processInstanceId, :consentOnRecord, :legalHold, :retainUntil, :state, "
            + ":deletionReason, :deletedAt, :createdAt)")
        .paramSource(new RecordParameters(r))
        .update();
  }

  public Optional<Recording> findById(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM recording WHERE id = :id").param("id", id)
        .query(RECORDING_ROWS).optional();
  }

  public Optional<Recording> findByPlatformId(String platform, String platformRecordingId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM recording WHERE platform = :platform "
            + "AND platform_recording_id = :recordingId")
        .param("platform", platform).param("recordingId", platformRecordingId)
        .query(RECORDING_ROWS).optional();
  }

  public List<Recording> findBySession(UUID sessionId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM recording WHERE session_id = :sessionId ORDER BY created_at, id")
        .param("sessionId", sessionId)
        .query(RECORDING_ROWS).list();
  }

  /** Recordings still kept for any session of the ticket. */
  public List<Recording> findKeptForTicket(String ticketId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM recording WHERE state = 'KEPT' "
            + "AND session_id IN (SELECT id FROM video_session WHERE ticket_id = :ticketId) ORDER BY created_at, id")
        .param("ticketId", ticketId)
        .query(RECORDING_ROWS).list();
  }

  public List<Recording> findAllForTicket(String ticketId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM recording WHERE session_id IN "
            + "(SELECT id FROM video_session WHERE ticket_id = :ticketId) ORDER BY created_at, id")
        .param("ticketId", ticketId)
        .query(RECORDING_ROWS).list();
  }

  void setLegalHold(UUID id, boolean legalHold) {
    jdbc.sql("UPDATE recording SET legal_hold = :hold WHERE id = :id").param("hold", legalHold).param("id", id)
        .update();
  }

  void markDeleted(UUID id, String reason, OffsetDateTime now) {
    jdbc.sql("UPDATE recording SET state = 'DELETED', deletion_reason = :reason, deleted_at = :now, "
            + "storage_ref = NULL, transcript = NULL WHERE id = :id")
        .param("reason", reason).param("now", now).param("id", id).update();
  }
}
