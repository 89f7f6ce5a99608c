package io.videocallsupport.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** How a report is broken down: calendar days, ISO weeks (Monday to Sunday) or calendar months. */
public enum Period {
  DAY, WEEK, MONTH;

  /** The first day of the calendar period that holds {@code date}. */
  LocalDate startOf(LocalDate date) {
    return switch (this) {
      case DAY -> date;
      case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> date.withDayOfMonth(1);
    };
  }

  LocalDate next(LocalDate start) {
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }

  /** 2026-03-09, 2026-W11, 2026-03. */
  String label(LocalDate start) {
    return switch (this) {
      case DAY -> start.toString();
      case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
          start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> start.toString().substring(0, 7);
    };
  }
}
