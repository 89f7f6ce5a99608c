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

  /** Stores a new session; an open one takes its ticket, and a second open one for the ticket fails here. */
  public void insert(VideoSession session) {
    jdbc.sql("INSERT INTO video_session (" + COLUMNS + ", open_ticket_id) VALUES ("
            + ":id, :ticketId, :processInstanceId, :state, :customerName, :customerEmail, :customerMobile, "
            + ":customerTimeZone, :customerLocale, :jurisdictionCountry, :jurisdictionRegion, :issueCategory, :agentId, "
            + ":platform, :meetingId, :customerJoinUrl, :hostJoinUrl, :scheduledStart, :expectedDurationMin, "
            + ":customerPreparation, :customerJoinedAt, :callEndedAt, :consentGiven, :consentRecordedAt, "
            + ":consentNoticeVersion, :consentRecordedBy, :retentionDays, :callOutcome, :createdAt, :updatedAt, "
            + ":openTicketId)")
        .paramSource(new RecordParameters(session) {
          @Override
          public boolean hasValue(String paramName) {
            return "openTicketId".equals(paramName) || super.hasValue(paramName);
          }

          @Override
          public Object getValue(String paramName) {
            if ("openTicketId".equals(paramName)) {
              return session.state().isOpen() ? session.ticketId() : null;
            }
            return super.getValue(paramName);
          }
        })
        .update();
  }

  public Optional<VideoSession> findById(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM video_session WHERE id = :id")
        .param("id", id)
        .query(VIDEO_SESSION_ROWS)
        .optional();
  }

  /** The number the customer gave on the join page for a phone call instead of video, if any. */
  public Optional<String> findCallbackPhone(UUID id) {
    return jdbc.sql("SELECT callback_phone FROM video_session WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .list().stream().filter(java.util.Objects::nonNull).findFirst();
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

  /**
   * The staff's session search, newest first, finished sessions included. Text filters match any part,
   * ignoring case; the agent filter matches the whole user id, ignoring case. {@code visibleToAgent}
   * narrows the result to that agent's sessions and those of no agent.
   */
  public List<VideoSession> search(SessionSearch search, String visibleToAgent, int limit) {
    StringBuilder where = new StringBuilder("WHERE 1 = 1");
    java.util.Map<String, Object> params = new java.util.HashMap<>();
    if (search.ticket() != null) {
      where.append(" AND LOWER(ticket_id) LIKE :ticket ESCAPE '\\'");
      params.put("ticket", SessionSearch.containsPattern(search.ticket()));
    }
    if (search.customer() != null) {
      where.append(" AND LOWER(customer_name) LIKE :customer ESCAPE '\\'");
      params.put("customer", SessionSearch.containsPattern(search.customer()));
    }
    if (search.agent() != null) {
      where.append(" AND LOWER(agent_id) = :agent");
      params.put("agent", search.agent().toLowerCase(java.util.Locale.ROOT));
    }
    if (search.state() != null) {
      where.append(" AND state = :state");
      params.put("state", search.state().name());
    }
    if (search.from() != null) {
      where.append(" AND created_at >= :from");
      params.put("from", search.from());
    }
    if (search.to() != null) {
      where.append(" AND created_at < :to");
      params.put("to", search.to());
    }
    if (visibleToAgent != null) {
      where.append(" AND (agent_id IS NULL OR agent_id = :me)");
      params.put("me", visibleToAgent);
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM video_session " + where + " ORDER BY created_at DESC, id"
            + " FETCH FIRST " + limit + " ROWS ONLY")
        .params(params)
        .query(VIDEO_SESSION_ROWS)
        .list();
  }

  /** The session that holds the ticket: the one open session a ticket may have. */
  public Optional<VideoSession> findOpenSession(String ticketId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM video_session WHERE open_ticket_id = :ticketId")
        .param("ticketId", ticketId)
        .query(VIDEO_SESSION_ROWS)
        .optional();
  }

  /** The session gives its ticket up; its state stays as it is. */
  void releaseTicket(UUID id, OffsetDateTime now) {
    update(id, "open_ticket_id = NULL", java.util.Map.of(), now);
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
