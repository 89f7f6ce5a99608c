package io.videocallsupport.session;

import io.videocallsupport.system.RecordParameters;
import io.videocallsupport.system.RecordRows;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SessionRepository {

  private static final RecordRows<VideoSession> VIDEO_SESSION_ROWS = RecordRows.of(VideoSession.class);

  private static final String COLUMNS = """
      id, ticket_id, process_instance_id, state, customer_name, customer_email, customer_mobile,
      customer_time_zone, customer_locale, jurisdiction_country, jurisdiction_region, issue_category, agent_id,
      platform, meeting_id, customer_join_url, host_join_url, scheduled_start, expected_duration_min,
      customer_preparation, customer_joined_at, call_ended_at, consent_given, consent_recorded_at,
      consent_notice_version, consent_recorded_by, retention_days, call_outcome, created_at, updated_at""";

  private final JdbcClient jdbc;

  SessionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(VideoSession session) {
    jdbc.sql("INSERT INTO video_session (" + COLUMNS + ") VALUES ("
            + ":id, :ticketId, :processInstanceId, :state, :customerName, :customerEmail, :customerMobile, "
            + ":customerTimeZone, :customerLocale, :jurisdictionCountry, :jurisdictionRegion, :issueCategory, :agentId, "
            + ":platform, :meetingId, :customerJoinUrl, :hostJoinUrl, :scheduledStart, :expectedDurationMin, "
            + ":customerPreparation, :customerJoinedAt, :callEndedAt, :consentGiven, :consentRecordedAt, "
            + ":consentNoticeVersion, :consentRecordedBy, :retentionDays, :callOutcome, :createdAt, :updatedAt)")
        .paramSource(new RecordParameters(session))
        .update();
  }

  public Optional<VideoSession> findById(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM video_session WHERE id = :id")
        .param("id", id)
        .query(VIDEO_SESSION_ROWS)
        .optional();
  }

  public List<VideoSession> findByTicket(String ticketId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM video_session WHERE ticket_id = :ticketId ORDER BY created_at")
        .param("ticketId", ticketId)
        .query(VIDEO_SESSION_ROWS)
        .list();
  }

  public Optional<VideoSession> findByMeeting(String platform, String meetingId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM video_session WHERE platform = :platform AND meeting_id = :meetingId")
        .param("platform", platform)
        .param("meetingId", meetingId)
        .query(VIDEO_SESSION_ROWS)
        .optional();
  }

  /** Sessions of the ticket that have not ended: a ticket runs one session at a time. */
  public boolean hasOpenSession(String ticketId) {
    return jdbc.sql("SELECT COUNT(*) FROM video_session WHERE ticket_id = :ticketId AND state NOT IN "
            + "('NO_VIDEO', 'DECLINED', 'COMPLETED')")
        .param("ticketId", ticketId)
        .query(Integer.class)
        .single() > 0;
  }

  /**
   * Runs one UPDATE of the given columns; {@code assignments} is SQL owned by this package
   * (e.g. {@code "state = :state"}), never user input.
   */
  void update(UUID id, String assignments, java.util.Map<String, ?> params, OffsetDateTime now) {
    int rows = jdbc.sql("UPDATE video_session SET " + assignments + ", updated_at = :updatedAt WHERE id = :id")
        .params(params)
        .param("updatedAt", now)
        .param("id", id)
        .update();
    if (rows != 1) {
      throw new SessionNotFoundException(id);
    }
  }
}
