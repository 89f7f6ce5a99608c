package io.videocallsupport.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text from outside (agent ids) reaches a spreadsheet as text, never as a formula. */
class AnalyticsCsvTest {

  @Test
  void cellsThatASpreadsheetWouldEvaluateStartWithAQuote() {
    assertThat(AnalyticsCsv.field("=HYPERLINK(\"https://evil.example/refund\",\"Get your refund\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"https://evil.example/refund\"\",\"\"Get your refund\"\")\"");
    assertThat(AnalyticsCsv.field("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
    assertThat(AnalyticsCsv.field("-2+3")).isEqualTo("'-2+3");
    assertThat(AnalyticsCsv.field("@SUM(A1:A9)")).isEqualTo("'@SUM(A1:A9)");
    assertThat(AnalyticsCsv.field("\t=1")).isEqualTo("'\t=1");
    assertThat(AnalyticsCsv.field("\r=1")).isEqualTo("\"'\r=1\"");
    assertThat(AnalyticsCsv.field("\uFF1D1+1")).isEqualTo("'\uFF1D1+1");
  }

  @Test
  void ordinaryTextNumbersAndDatesStayAsTheyAre() {
    assertThat(AnalyticsCsv.field("anna")).isEqualTo("anna");
    assertThat(AnalyticsCsv.field("o'neil = boss")).isEqualTo("o'neil = boss");
    assertThat(AnalyticsCsv.field(-1)).as("a number is never a formula").isEqualTo("-1");
    assertThat(AnalyticsCsv.field(0.25)).isEqualTo("0.25");
    assertThat(AnalyticsCsv.field(LocalDate.of(2026, 3, 1))).isEqualTo("2026-03-01");
  }

  @Test
  void anAgentIdThatLooksLikeAFormulaIsWrittenAsText() {
    Kpis none = new Kpis(new Kpis.Funnel(1, 0, 0, 0, 0, 0, 0), 0, 0, null, 0, null, null, null, 0, null, null, 0,
        0, 0, null, 0, 0, null, null);
    AnalyticsReport.PeriodKpis period = new AnalyticsReport.PeriodKpis("2026-03-02", LocalDate.of(2026, 3, 2),
        LocalDate.of(2026, 3, 3), none);
    String csv = AnalyticsCsv.write(List.of(new AnalyticsReport.Row(period, "=HYPERLINK(\"https://evil.example\")",
        none)));

    assertThat(csv.split("\r\n")[1]).startsWith(
        "2026-03-02,2026-03-02,2026-03-03,\"'=HYPERLINK(\"\"https://evil.example\"\")\",1,0,");
  }
}
