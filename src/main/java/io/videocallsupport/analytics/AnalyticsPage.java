package io.videocallsupport.analytics;

import jakarta.servlet.http.HttpServletResponse;
import io.videocallsupport.security.AgentDirectory;
import io.videocallsupport.staff.StaffPage;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/** The managers' analytics page and its CSV download (the same data as {@code /api/analytics.csv}). */
@Controller
@StaffPage
class AnalyticsPage {

  /** One bar of the funnel: its message key, count, length relative to the first step, where its count goes. */
  record FunnelStep(String key, int count, long width, long countX) {
  }

  private static final int FUNNEL_LEFT = 190;
  private static final int FUNNEL_WIDTH = 480;

  private final AnalyticsService analytics;
  private final AgentDirectory agents;

  AnalyticsPage(AnalyticsService analytics, AgentDirectory agents) {
    this.analytics = analytics;
    this.agents = agents;
  }

  @GetMapping("/analytics")
  String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
              @RequestParam(required = false) String agent, @RequestParam(required = false) String period,
              Model model, HttpServletResponse response, Locale locale) {
    model.addAttribute("agentParam", agent == null ? "" : agent.trim());
    model.addAttribute("agents", agentChoices(agent));
    model.addAttribute("periods", Period.values());
    try {
      AnalyticsQuery query = analytics.query(from, to, agent, period);
      AnalyticsReport report = analytics.report(query);
      model.addAttribute("query", query);
      model.addAttribute("report", report);
      model.addAttribute("funnel", funnel(report.total()));
      model.addAttribute("charts", List.of(
          TrendChart.rates(report.periods(), query.period(), locale),
          TrendChart.csat(report.periods(), query.period(), locale),
          TrendChart.callMinutes(report.periods(), query.period(), report.targets().callMinutesMax(), locale)));
      model.addAttribute("csvUrl", csvUrl(query, false));
      model.addAttribute("csvByAgentUrl", csvUrl(query, true));
      model.addAttribute("fromParam", query.from().toString());
      model.addAttribute("toParam", query.to().toString());
      model.addAttribute("periodParam", query.period().name());
    } catch (InvalidAnalyticsQueryException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      model.addAttribute("error", e.getMessage());
      model.addAttribute("fromParam", from == null ? "" : from);
      model.addAttribute("toParam", to == null ? "" : to);
      model.addAttribute("periodParam", period == null ? Period.DAY.name() : period);
    }
    model.addAttribute("zone", analytics.settings().timeZone());
    return "analytics/page";
  }

  @GetMapping("/analytics/export.csv")
  @ResponseBody
  ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String agent,
                             @RequestParam(required = false) String period,
                             @RequestParam(defaultValue = "false") boolean byAgent) {
    AnalyticsQuery query = analytics.query(from, to, agent, period);
    return AnalyticsCsv.response(query, analytics.rows(query, byAgent));
  }

  @ExceptionHandler(InvalidAnalyticsQueryException.class)
  @ResponseBody
  ProblemDetail invalid(InvalidAnalyticsQueryException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /** Everyone who works sessions, and the agent asked for when no longer among them (a removed user). */
  private List<AgentDirectory.Agent> agentChoices(String wanted) {
    List<AgentDirectory.Agent> choices = new java.util.ArrayList<>(agents.sessionWorkers());
    if (wanted != null && !wanted.isBlank()
        && choices.stream().noneMatch(a -> a.id().equalsIgnoreCase(wanted.trim()))) {
      choices.add(new AgentDirectory.Agent(wanted.trim(), wanted.trim()));
    }
    return choices;
  }

  static List<FunnelStep> funnel(Kpis kpis) {
    Kpis.Funnel f = kpis.funnel();
    int max = Math.max(f.requested(), 1);
    return List.of(step("requested", f.requested(), max), step("offered", f.offered(), max),
        step("invited", f.invited(), max), step("joined", f.joined(), max), step("consented", f.consented(), max),
        step("resolved", f.resolved(), max), step("surveyed", f.surveyed(), max));
  }

  private static FunnelStep step(String key, int count, int max) {
    long width = Math.round((double) count * FUNNEL_WIDTH / max);
    return new FunnelStep(key, count, width, FUNNEL_LEFT + width + 10);
  }

  private static String csvUrl(AnalyticsQuery query, boolean byAgent) {
    UriComponentsBuilder url = UriComponentsBuilder.fromPath("/analytics/export.csv")
        .queryParam("from", query.from()).queryParam("to", query.to()).queryParam("period", query.period());
    if (query.agent() != null) {
      url.queryParam("agent", query.agent());
    }
    if (byAgent) {
      url.queryParam("byAgent", true);
    }
    return url.encode().build().toUriString();
  }
}
