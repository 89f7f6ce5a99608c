package io.videocallsupport.analytics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The analytics' one query: counts and averages over the sessions requested in a time range, grouped
 * by period and/or agent. Portable SQL (H2 and PostgreSQL); periods are passed as boundaries
 * computed in the reporting time zone, so that no database needs to know that zone.
 */
@Repository
class AnalyticsRepository {

  /** Sums over a set of sessions, before any rate is derived. Durations in seconds. */
  record Counts(int requested, int offered, int offersAnswered, int accepted, int invited, int joined,
                int consented, int callsHeld, int resolved, int followUps, int surveyed, int csatResponses,
                Double csatAverage, Double averageCallSeconds, Double medianCallSeconds, int eligibleTickets,
                int eligibleTicketsChoseVideo, int textTickets, int textTicketsResolved) {

    static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, 0, 0, 0, 0);
  }

  /** One group: its period (index into the boundaries, or null) and agent (when grouped by agent). */
  record Group(Integer period, String agent, Counts counts) {
  }

  /** Facts per session; a held call is one the customer joined and that ended with an outcome. */
  private static final String SESSION_FACTS = """
      SELECT %s AS period_index, s.agent_id AS agent, s.ticket_id, s.state, s.offered_at, s.video_accepted,
             s.invited_at, s.customer_joined_at, s.consent_given, s.call_outcome,
             CASE WHEN s.customer_joined_at IS NOT NULL AND s.call_outcome IS NOT NULL THEN 1 ELSE 0 END AS held,
             CASE WHEN s.customer_joined_at IS NOT NULL AND s.call_outcome IS NOT NULL
                       AND s.call_ended_at IS NOT NULL AND s.call_ended_at >= s.customer_joined_at
                  THEN CAST(EXTRACT(EPOCH FROM s.call_ended_at) - EXTRACT(EPOCH FROM s.customer_joined_at)
                            AS DOUBLE PRECISION) END AS call_seconds,
             v.sent_at AS survey_sent_at,
             CASE WHEN v.state = 'ANSWERED' THEN v.score END AS csat_score,
             t.status AS ticket_status
        FROM video_session s
        LEFT JOIN survey v ON v.session_id = s.id
        LEFT JOIN ticket t ON t.ticket_id = s.ticket_id
       WHERE s.created_at >= :from AND s.created_at < :to %s""";

  private static final String AGGREGATES = """
      COUNT(*) AS requested,
      SUM(CASE WHEN offered_at IS NOT NULL THEN 1 ELSE 0 END) AS offered,
      SUM(CASE WHEN video_accepted IS NOT NULL THEN 1 ELSE 0 END) AS offers_answered,
      SUM(CASE WHEN video_accepted = TRUE THEN 1 ELSE 0 END) AS accepted,
      SUM(CASE WHEN invited_at IS NOT NULL THEN 1 ELSE 0 END) AS invited,
      SUM(CASE WHEN customer_joined_at IS NOT NULL THEN 1 ELSE 0 END) AS joined,
      SUM(CASE WHEN consent_given = TRUE THEN 1 ELSE 0 END) AS consented,
      SUM(held) AS calls_held,
      SUM(CASE WHEN held = 1 AND call_outcome = 'RESOLVED' THEN 1 ELSE 0 END) AS resolved,
      SUM(CASE WHEN held = 1 AND call_outcome = 'NEEDS_FOLLOW_UP' THEN 1 ELSE 0 END) AS follow_ups,
      SUM(CASE WHEN survey_sent_at IS NOT NULL THEN 1 ELSE 0 END) AS surveyed,
      COUNT(csat_score) AS csat_responses,
      AVG(CAST(csat_score AS DOUBLE PRECISION)) AS csat_average,
      AVG(call_seconds) AS average_call_seconds,
      PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY call_seconds) AS median_call_seconds,
      COUNT(DISTINCT CASE WHEN offered_at IS NOT NULL THEN ticket_id END) AS eligible_tickets,
      COUNT(DISTINCT CASE WHEN video_accepted = TRUE THEN ticket_id END) AS eligible_tickets_chose_video,
      COUNT(DISTINCT CASE WHEN state IN ('NO_VIDEO', 'DECLINED') THEN ticket_id END) AS text_tickets,
      COUNT(DISTINCT CASE WHEN state IN ('NO_VIDEO', 'DECLINED') AND ticket_status = 'RESOLVED'
                          THEN ticket_id END) AS text_tickets_resolved""";

  private final JdbcClient jdbc;

  AnalyticsRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param periodStarts the start of every period, the first one equal to {@code from}; null: no
   *                     breakdown by period
   * @param byAgent      one group per agent (sessions without an agent form the group {@code null})
   */
  List<Group> aggregate(OffsetDateTime from, OffsetDateTime to, String agent, List<OffsetDateTime> periodStarts,
                        boolean byAgent) {
    Map<String, Object> params = new HashMap<>();
    params.put("from", from.withOffsetSameInstant(ZoneOffset.UTC));
    params.put("to", to.withOffsetSameInstant(ZoneOffset.UTC));
    String periodExpression = "CAST(NULL AS INTEGER)";
    if (periodStarts != null && periodStarts.size() == 1) {
      periodExpression = "0";
    } else if (periodStarts != null) {
      StringBuilder cases = new StringBuilder("CASE");
      for (int i = 1; i < periodStarts.size(); i++) {
        cases.append(" WHEN s.created_at < :p").append(i).append(" THEN ").append(i - 1);
        params.put("p" + i, periodStarts.get(i).withOffsetSameInstant(ZoneOffset.UTC));
      }
      periodExpression = cases.append(" ELSE ").append(periodStarts.size() - 1).append(" END").toString();
    }
    String agentFilter = "";
    if (agent != null) {
      // User ids are matched as Camunda's login matches them: "Anna" finds anna's sessions.
      agentFilter = "AND LOWER(s.agent_id) = :agent";
      params.put("agent", agent.toLowerCase(Locale.ROOT));
    }
    List<String> keys = new ArrayList<>();
    if (periodStarts != null) {
      keys.add("period_index");
    }
    if (byAgent) {
      keys.add("agent");
    }
    String sql = "SELECT " + (periodStarts != null ? "period_index" : "CAST(NULL AS INTEGER) AS period_index") + ", "
        + (byAgent ? "agent" : "CAST(NULL AS VARCHAR(100)) AS agent") + ", " + AGGREGATES
        + " FROM (" + SESSION_FACTS.formatted(periodExpression, agentFilter) + ") facts"
        + (keys.isEmpty() ? "" : " GROUP BY " + String.join(", ", keys));
    return jdbc.sql(sql).params(params).query((rs, row) -> group(rs)).list();
  }

  private static Group group(ResultSet rs) throws SQLException {
    Number period = (Number) rs.getObject("period_index");
    Counts counts = new Counts(count(rs, "requested"), count(rs, "offered"), count(rs, "offers_answered"),
        count(rs, "accepted"), count(rs, "invited"), count(rs, "joined"), count(rs, "consented"),
        count(rs, "calls_held"), count(rs, "resolved"), count(rs, "follow_ups"), count(rs, "surveyed"),
        count(rs, "csat_responses"), decimal(rs, "csat_average"), decimal(rs, "average_call_seconds"),
        decimal(rs, "median_call_seconds"), count(rs, "eligible_tickets"), count(rs, "eligible_tickets_chose_video"),
        count(rs, "text_tickets"), count(rs, "text_tickets_resolved"));
    return new Group(period == null ? null : period.intValue(), rs.getString("agent"), counts);
  }

  private static int count(ResultSet rs, String column) throws SQLException {
    Object value = rs.getObject(column);
    return value == null ? 0 : ((Number) value).intValue();
  }

  private static Double decimal(ResultSet rs, String column) throws SQLException {
    Object value = rs.getObject(column);
    return value == null ? null : ((Number) value).doubleValue();
  }
}
