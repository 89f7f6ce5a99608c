package io.videocallsupport.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Geometry of the page's trend chart, drawn as plain SVG by the template: acceptance rate, first-contact
 * resolution and follow-up rate per period on a 0-100 % axis. A period without data leaves a gap.
 */
record TrendChart(int width, int height, int left, int top, int plotWidth, int plotHeight, List<Series> series,
                  List<Tick> xTicks, List<Tick> yTicks) {

  /** One line; {@code segments} are SVG polyline point lists, split where a period has no data. */
  record Series(String key, List<String> segments, List<Point> points) {
  }

  record Point(String x, String y, String label, double value) {
  }

  record Tick(String position, String label) {
  }

  private static final int WIDTH = 720;
  private static final int HEIGHT = 260;
  private static final int LEFT = 48;
  private static final int TOP = 12;
  private static final int RIGHT = 12;
  private static final int BOTTOM = 36;
  private static final int MAX_X_LABELS = 12;

  static TrendChart of(List<AnalyticsReport.PeriodKpis> periods) {
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int n = Math.max(periods.size(), 1);
    List<Series> series = List.of(
        series("acceptanceRate", periods, Kpis::acceptanceRate, plotWidth, plotHeight, n),
        series("firstContactResolution", periods, Kpis::firstContactResolution, plotWidth, plotHeight, n),
        series("followUpRate", periods, Kpis::followUpRate, plotWidth, plotHeight, n));
    List<Tick> xTicks = new ArrayList<>();
    int step = (int) Math.ceil((double) periods.size() / MAX_X_LABELS);
    for (int i = 0; i < periods.size(); i += Math.max(step, 1)) {
      xTicks.add(new Tick(number(x(i, plotWidth, n)), periods.get(i).label()));
    }
    List<Tick> yTicks = new ArrayList<>();
    for (int percent = 0; percent <= 100; percent += 25) {
      yTicks.add(new Tick(number(y(percent / 100.0, plotHeight)), percent + " %"));
    }
    return new TrendChart(WIDTH, HEIGHT, LEFT, TOP, plotWidth, plotHeight, series, xTicks, yTicks);
  }

  private static Series series(String key, List<AnalyticsReport.PeriodKpis> periods, Function<Kpis, Double> value,
                               int plotWidth, int plotHeight, int n) {
    List<String> segments = new ArrayList<>();
    List<Point> points = new ArrayList<>();
    StringBuilder segment = new StringBuilder();
    for (int i = 0; i < periods.size(); i++) {
      Double v = value.apply(periods.get(i).kpis());
      if (v == null) {
        flush(segment, segments);
        continue;
      }
      String x = number(x(i, plotWidth, n));
      String y = number(y(v, plotHeight));
      segment.append(segment.isEmpty() ? "" : " ").append(x).append(',').append(y);
      points.add(new Point(x, y, periods.get(i).label(), v));
    }
    flush(segment, segments);
    return new Series(key, segments, points);
  }

  private static void flush(StringBuilder segment, List<String> segments) {
    if (!segment.isEmpty()) {
      segments.add(segment.toString());
      segment.setLength(0);
    }
  }

  private static double x(int index, int plotWidth, int n) {
    return (index + 0.5) * plotWidth / n;
  }

  private static double y(double share, int plotHeight) {
    return (1 - Math.max(0, Math.min(1, share))) * plotHeight;
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
