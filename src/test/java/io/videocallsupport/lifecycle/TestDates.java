package io.videocallsupport.lifecycle;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates for scheduled calls in tests. */
public final class TestDates {

  /** A weekday at least two days ahead in Berlin, inside the default business days. */
  public static LocalDate nextBusinessDay() {
    LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    return day;
  }

  private TestDates() {
  }
}
