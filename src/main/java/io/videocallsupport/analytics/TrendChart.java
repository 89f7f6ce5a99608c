package io.videocallsupport.analytics;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Geometry of one of the page's trend charts, drawn as plain SVG by the template: a few series per
 * period on one value axis. A period without data leaves a gap. Series that share values stay
 * visible: each has its own dash pattern and marker shape, and its markers sit slightly apart.
 *
 * @param key    the chart's name in the page's message keys and CSS classes
 * @param series each line with its points; {@code marker} is the series' shape (circle, square, diamond)
 */
record TrendChart(String key, int width, int height, int left, int top, int plotWidth, int plotHeight,
                  List<Series> series, List<Tick> xTicks, List<Tick> yTicks) {

  /** One line; {@code segments} are SVG polyline point lists, split where a period has no data. */
  record Series(String key, String marker, List<String> segments, List<Point> points) {
  }

  /** A marker at (x, y); {@code path} draws it, {@code text} is the value as the reader sees it. */
  record Point(String x, String y, String path, String label, String text) {
  }

  record Tick(String position, String label) {
  }

  /** The value axis: its range, the spacing of its grid lines, how a grid line and a value read. */
  record Axis(double min, double max, double step, Function<Double, String> tickFormat,
              Function<Double, String> format) {

    Axis(double min, double max, double step, Function<Double, String> format) {
      this(min, max, step, format, format);
    }
  }

  /** What one series draws: its key and the value it takes from a period's KPIs (null: no data). */
  record Line(String key, Function<Kpis, Double> value) {
  }

  private static final int WIDTH = 720;
  private static final int HEIGHT = 240;
  private static final int LEFT = 56;
  private static final int TOP = 12;
  private static final int RIGHT = 12;
  private static final int BOTTOM = 36;
  /** Room for one x label ("2026-W11", "03-09") without touching its neighbours, in SVG units. */
  private static final int X_LABEL_SPACING = 72;
  private static final String[] MARKERS = {"circle", "square", "diamond"};
  private static final double MARKER_SPREAD = 4;

  /** Acceptance, first-contact resolution and follow-up rate on a 0-100 % axis. */
  static TrendChart rates(List<AnalyticsReport.PeriodKpis> periods, Period period, Locale locale) {
    NumberFormat percent = NumberFormat.getPercentInstance(locale);
    percent.setMaximumFractionDigits(1);
    return of("rates", periods, period, new Axis(0, 1, 0.25, percent::format), List.of(
        new Line("acceptanceRate", Kpis::acceptanceRate),
        new Line("firstContactResolution", Kpis::firstContactResolution),
        new Line("followUpRate", Kpis::followUpRate)));
  }

  /** The average post-video survey score on the 1-5 scale. */
  static TrendChart csat(List<AnalyticsReport.PeriodKpis> periods, Period period, Locale locale) {
    NumberFormat whole = decimal(locale, 0);
    NumberFormat decimal = decimal(locale, 2);
    return of("csat", periods, period, new Axis(1, 5, 1, whole::format, decimal::format),
        List.of(new Line("csatAverage", Kpis::csatAverage)));
  }

  /**
   * Average and median call length in minutes; the axis reaches past the longest value and the
   * target's upper bound, in steps of 5 minutes.
   */
  static TrendChart callMinutes(List<AnalyticsReport.PeriodKpis> periods, Period period, double targetMax,
                                Locale locale) {
    double longest = periods.stream().map(AnalyticsReport.PeriodKpis::kpis)
        .flatMap(k -> java.util.stream.Stream.of(k.averageCallMinutes(), k.medianCallMinutes()))
        .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
    double top = Math.max(5, Math.ceil(Math.max(longest, targetMax) / 5) * 5);
    NumberFormat decimal = decimal(locale, 1);
    return of("callMinutes", periods, period, new Axis(0, top, top <= 30 ? 5 : Math.ceil(top / 30) * 5,
        minutes -> decimal.format(minutes) + " min"), List.of(
        new Line("averageCallMinutes", Kpis::averageCallMinutes),
        new Line("medianCallMinutes", Kpis::medianCallMinutes)));
  }

  static TrendChart of(String key, List<AnalyticsReport.PeriodKpis> periods, Period period, Axis axis,
                       List<Line> lines) {
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int n = Math.max(periods.size(), 1);
    List<Series> series = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      double offset = (i - (lines.size() - 1) / 2.0) * MARKER_SPREAD;
      series.add(series(lines.get(i), MARKERS[i % MARKERS.length], offset, periods, axis, plotWidth, plotHeight, n));
    }
    List<Tick> xTicks = new ArrayList<>();
    int maxLabels = Math.max(1, plotWidth / X_LABEL_SPACING);
    int step = (int) Math.ceil((double) periods.size() / maxLabels);
    for (int i = 0; i < periods.size(); i += Math.max(step, 1)) {
      xTicks.add(new Tick(number(x(i, plotWidth, n)), shortLabel(periods.get(i).label(), period)));
    }
    List<Tick> yTicks = new ArrayList<>();
    for (double value = axis.min(); value <= axis.max() + 1e-9; value += axis.step()) {
      yTicks.add(new Tick(number(y(value, axis, plotHeight)), axis.tickFormat().apply(value)));
    }
    return new TrendChart(key, WIDTH, HEIGHT, LEFT, TOP, plotWidth, plotHeight, series, xTicks, yTicks);
  }

  /** Days lose their year on the axis (the table below has it); weeks and months are short already. */
  static String shortLabel(String label, Period period) {
    return period == Period.DAY && label.length() == 10 ? label.substring(5) : label;
  }

  private static Series series(Line line, String marker, double offset, List<AnalyticsReport.PeriodKpis> periods,
                               Axis axis, int plotWidth, int plotHeight, int n) {
    List<String> segments = new ArrayList<>();
    List<Point> points = new ArrayList<>();
    StringBuilder segment = new StringBuilder();
    for (int i = 0; i < periods.size(); i++) {
      Double v = line.value().apply(periods.get(i).kpis());
      if (v == null) {
        flush(segment, segments);
        continue;
      }
      double x = x(i, plotWidth, n);
      double y = y(v, axis, plotHeight);
      segment.append(segment.isEmpty() ? "" : " ").append(number(x)).append(',').append(number(y));
      points.add(new Point(number(x + offset), number(y), path(marker, x + offset, y), periods.get(i).label(),
          axis.format().apply(v)));
    }
    flush(segment, segments);
    return new Series(line.key(), marker, segments, points);
  }

  /** An SVG path for a marker of about 7 units centred on (x, y). */
  private static String path(String marker, double x, double y) {
    return switch (marker) {
      case "square" -> "M" + number(x - 3) + "," + number(y - 3) + "h6v6h-6z";
      case "diamond" -> "M" + number(x) + "," + number(y - 4) + "l4,4l-4,4l-4,-4z";
      default -> "M" + number(x - 3.5) + "," + number(y) + "a3.5,3.5 0 1,0 7,0a3.5,3.5 0 1,0 -7,0";
    };
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

  private static double y(double value, Axis axis, int plotHeight) {
    double share = (value - axis.min()) / (axis.max() - axis.min());
    return (1 - Math.max(0, Math.min(1, share))) * plotHeight;
  }

  private static NumberFormat decimal(Locale locale, int fractionDigits) {
    NumberFormat format = NumberFormat.getNumberInstance(locale);
    format.setMinimumFractionDigits(fractionDigits == 2 ? 2 : 0);
    format.setMaximumFractionDigits(fractionDigits);
    return format;
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
