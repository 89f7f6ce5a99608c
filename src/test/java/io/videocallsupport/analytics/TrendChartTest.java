package io.videocallsupport.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TrendChartTest {

  private static final AnalyticsProperties.Targets TARGETS = new AnalyticsProperties.Targets(0.6, 10, 15, 0.85, 4.7, 0.1);

  @Test
  void seriesWithTheSameValuesStayVisible() {
    // Every call accepted and resolved: acceptance and first-contact resolution are both 100 %.
    List<AnalyticsReport.PeriodKpis> days = days(3, new AnalyticsRepository.Counts(2, 2, 2, 2, 2, 2, 0, 2, 2, 0, 0, 0,
        null, 600.0, 600.0, 2, 2, 0, 0));
    TrendChart chart = TrendChart.rates(days, Period.DAY, Locale.ENGLISH);

    TrendChart.Point acceptance = chart.series().get(0).points().get(0);
    TrendChart.Point resolution = chart.series().get(1).points().get(0);
    assertThat(acceptance.y()).isEqualTo(resolution.y());
    assertThat(acceptance.x()).as("markers of equal values sit apart").isNotEqualTo(resolution.x());
    assertThat(chart.series()).extracting(TrendChart.Series::marker).containsExactly("circle", "square", "diamond");
    assertThat(acceptance.text()).isEqualTo("100%");
  }

  @Test
  void dayLabelsDoNotOverlap() {
    TrendChart chart = TrendChart.rates(days(31, AnalyticsRepository.Counts.NONE), Period.DAY, Locale.ENGLISH);
    assertThat(chart.xTicks()).hasSizeLessThanOrEqualTo(9);
    assertThat(chart.xTicks().get(0).label()).isEqualTo("03-01");
    double first = Double.parseDouble(chart.xTicks().get(0).position());
    double second = Double.parseDouble(chart.xTicks().get(1).position());
    assertThat(second - first).as("room for a label").isGreaterThanOrEqualTo(70);
  }

  @Test
  void csatAndCallLengthHaveTheirOwnAxes() {
    List<AnalyticsReport.PeriodKpis> days = days(2, new AnalyticsRepository.Counts(1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1,
        4.5, 1500.0, 1500.0, 1, 1, 0, 0));
    TrendChart csat = TrendChart.csat(days, Period.DAY, Locale.GERMAN);
    assertThat(csat.yTicks()).extracting(TrendChart.Tick::label).containsExactly("1", "2", "3", "4", "5");
    assertThat(csat.series().get(0).points().get(0).text()).isEqualTo("4,50");

    TrendChart minutes = TrendChart.callMinutes(days, Period.DAY, TARGETS.callMinutesMax(), Locale.ENGLISH);
    assertThat(minutes.yTicks()).extracting(TrendChart.Tick::label).last().isEqualTo("25 min");
    assertThat(minutes.series()).extracting(TrendChart.Series::key)
        .containsExactly("averageCallMinutes", "medianCallMinutes");
  }

  private static List<AnalyticsReport.PeriodKpis> days(int count, AnalyticsRepository.Counts counts) {
    List<AnalyticsReport.PeriodKpis> days = new ArrayList<>();
    LocalDate day = LocalDate.of(2026, 3, 1);
    for (int i = 0; i < count; i++, day = day.plusDays(1)) {
      days.add(new AnalyticsReport.PeriodKpis(day.toString(), day, day.plusDays(1), Kpis.of(counts, TARGETS)));
    }
    return days;
  }
}
