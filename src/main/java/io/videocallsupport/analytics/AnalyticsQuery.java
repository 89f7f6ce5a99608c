package io.videocallsupport.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * What a report covers: the days [from, to) in the reporting time zone, optionally one agent, broken
 * down by day, week or month.
 */
public record AnalyticsQuery(LocalDate from, LocalDate to, String agent, Period period) {

  /**
   * Reads the request parameters as the API and the page take them. Missing dates mean the last
   * {@code defaultRangeDays} days up to and including today; a missing period means DAY.
   */
  static AnalyticsQuery parse(String from, String to, String agent, String period, LocalDate today,
                              AnalyticsProperties settings) {
    LocalDate end = isBlank(to) ? today.plusDays(1) : date("to", to);
    LocalDate start = isBlank(from) ? end.minusDays(settings.defaultRangeDays()) : date("from", from);
    if (!start.isBefore(end)) {
      throw new InvalidAnalyticsQueryException("to",
          "'to' (" + end + ") is exclusive and must be after 'from' (" + start + ")");
    }
    if (ChronoUnit.DAYS.between(start, end) > settings.maxRangeDays()) {
      throw new InvalidAnalyticsQueryException("to",
          "The range from " + start + " to " + end + " is longer than " + settings.maxRangeDays() + " days");
    }
    Period breakdown;
    try {
      breakdown = isBlank(period) ? Period.DAY : Period.valueOf(period.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidAnalyticsQueryException("period", "'period' must be DAY, WEEK or MONTH, not '" + period + "'");
    }
    return new AnalyticsQuery(start, end, isBlank(agent) ? null : agent.trim(), breakdown);
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidAnalyticsQueryException(field, "'" + field + "' must be a date like 2026-03-01, not '"
          + value + "'");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
