package io.videocallsupport.analytics;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/analytics} (JSON) and {@code GET /api/analytics.csv} for managers, team leads and
 * admins. Dates are days in the reporting time zone; {@code to} is exclusive.
 */
@RestController
class AnalyticsApi {

  private final AnalyticsService analytics;

  AnalyticsApi(AnalyticsService analytics) {
    this.analytics = analytics;
  }

  @GetMapping("/api/analytics")
  AnalyticsReport report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                         @RequestParam(required = false) String agent,
                         @RequestParam(required = false) String period) {
    return analytics.report(analytics.query(from, to, agent, period));
  }

  /** One row per period; with {@code byAgent=true} one row per period and agent. */
  @GetMapping("/api/analytics.csv")
  ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(required = false) String agent,
                             @RequestParam(required = false) String period,
                             @RequestParam(defaultValue = "false") boolean byAgent) {
    AnalyticsQuery query = analytics.query(from, to, agent, period);
    return AnalyticsCsv.response(query, analytics.rows(query, byAgent));
  }

  @ExceptionHandler(InvalidAnalyticsQueryException.class)
  ProblemDetail invalid(InvalidAnalyticsQueryException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
    return problem;
  }
}
