package io.videocallsupport.analytics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * A report: the KPIs of all sessions requested in [from, to) (of one agent when asked), then per
 * period and per agent. Sessions belong to the day, week or month in which they were requested,
 * in the reporting time zone.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AnalyticsReport(LocalDate from, LocalDate to, String timeZone, String agent, Period period,
                              AnalyticsProperties.Targets targets, Kpis total, List<PeriodKpis> periods,
                              List<AgentKpis> agents) {

  /** One day, week or month; {@code end} is exclusive, and the first and last may be cut by the range. */
  public record PeriodKpis(String label, LocalDate start, LocalDate end, Kpis kpis) {
  }

  /** One agent's sessions; {@code agent} is null for sessions that no agent took. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record AgentKpis(String agent, Kpis kpis) {
  }

  /** A row of the CSV export: a period, and an agent when the export is per agent. */
  public record Row(PeriodKpis period, String agent, Kpis kpis) {
  }
}
