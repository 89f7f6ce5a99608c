package io.videocallsupport.session;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** When scheduled calls may take place, in the customer's own time zone. */
@ConfigurationProperties("vcs.scheduling")
public record BusinessHours(Set<DayOfWeek> businessDays, LocalTime businessHoursStart, LocalTime businessHoursEnd) {

  public BusinessHours {
    if (businessDays == null || businessDays.isEmpty()) {
      businessDays = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);
    }
    businessHoursStart = businessHoursStart == null ? LocalTime.of(8, 0) : businessHoursStart;
    businessHoursEnd = businessHoursEnd == null ? LocalTime.of(18, 0) : businessHoursEnd;
  }

  /** True when the whole call, from start to its expected end, falls inside business hours. */
  public boolean contains(ZonedDateTime start, int durationMinutes) {
    ZonedDateTime end = start.plusMinutes(durationMinutes);
    return businessDays.contains(start.getDayOfWeek())
        && start.toLocalDate().equals(end.toLocalDate())
        && !start.toLocalTime().isBefore(businessHoursStart)
        && !end.toLocalTime().isAfter(businessHoursEnd);
  }

  public String describe() {
    String days = businessDays.stream().sorted()
        .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
        .collect(Collectors.joining(", "));
    return days + ", " + businessHoursStart + "-" + businessHoursEnd + " in the customer's time zone";
  }
}
