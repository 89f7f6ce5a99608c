package io.videocallsupport.analytics;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The CSV export (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line
 * break in double quotes, quotes doubled). Rates are shares from 0 to 1; an empty field is no data.
 * Text cells are data, never formulas: one that a spreadsheet would read as a formula gets a leading
 * single quote (OWASP's advice on CSV injection), so {@code =HYPERLINK(...)} stays text.
 */
final class AnalyticsCsv {

  /**
   * First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (tab and
   * CR included, and the full-width signs some of them accept too).
   */
  private static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

  private record Column(String name, Function<AnalyticsReport.Row, Object> value) {
  }

  private static final List<Column> COLUMNS = List.of(
      new Column("period", r -> r.period().label()),
      new Column("period_start", r -> r.period().start()),
      new Column("period_end_exclusive", r -> r.period().end()),
      new Column("agent", AnalyticsReport.Row::agent),
      new Column("requested", r -> r.kpis().funnel().requested()),
      new Column("offered", r -> r.kpis().funnel().offered()),
      new Column("invited", r -> r.kpis().funnel().invited()),
      new Column("joined", r -> r.kpis().funnel().joined()),
      new Column("consented", r -> r.kpis().funnel().consented()),
      new Column("resolved", r -> r.kpis().funnel().resolved()),
      new Column("surveyed", r -> r.kpis().funnel().surveyed()),
      new Column("offers_answered", r -> r.kpis().offersAnswered()),
      new Column("accepted", r -> r.kpis().accepted()),
      new Column("acceptance_rate", r -> r.kpis().acceptanceRate()),
      new Column("calls_held", r -> r.kpis().callsHeld()),
      new Column("average_call_minutes", r -> r.kpis().averageCallMinutes()),
      new Column("median_call_minutes", r -> r.kpis().medianCallMinutes()),
      new Column("first_contact_resolution", r -> r.kpis().firstContactResolution()),
      new Column("follow_ups", r -> r.kpis().followUps()),
      new Column("follow_up_rate", r -> r.kpis().followUpRate()),
      new Column("csat_average", r -> r.kpis().csatAverage()),
      new Column("csat_responses", r -> r.kpis().csatResponses()),
      new Column("text_tickets", r -> r.kpis().textTickets()),
      new Column("text_tickets_resolved", r -> r.kpis().textTicketsResolved()),
      new Column("text_resolution_rate", r -> r.kpis().textResolutionRate()),
      new Column("eligible_tickets", r -> r.kpis().eligibleTickets()),
      new Column("eligible_tickets_chose_video", r -> r.kpis().eligibleTicketsChoseVideo()),
      new Column("eligible_chose_video_share", r -> r.kpis().eligibleChoseVideoShare()));

  static String write(List<AnalyticsReport.Row> rows) {
    return Stream.concat(Stream.of(COLUMNS.stream().map(Column::name).collect(Collectors.joining(","))),
            rows.stream().map(row -> COLUMNS.stream().map(c -> field(c.value().apply(row)))
                .collect(Collectors.joining(","))))
        .collect(Collectors.joining("\r\n", "", "\r\n"));
  }

  static ResponseEntity<byte[]> response(AnalyticsQuery query, List<AnalyticsReport.Row> rows) {
    String name = "analytics-" + query.from() + "-" + query.to() + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(write(rows).getBytes(StandardCharsets.UTF_8));
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    // Only text can carry a formula; numbers and dates are written as they are (a negative number stays one).
    if (value instanceof CharSequence && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  private AnalyticsCsv() {
  }
}
