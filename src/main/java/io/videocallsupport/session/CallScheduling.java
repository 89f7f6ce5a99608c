package io.videocallsupport.session;

import io.videocallsupport.session.SessionValues.CallTiming;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Turns the agent's choice of "now" or a slot into the times the process waits for. */
@Component
public class CallScheduling {

  public static final Duration REMINDER_BEFORE_START = Duration.ofMinutes(15);
  private static final int LONGEST_CALL_MINUTES = 15;
  private static final DateTimeFormatter CUSTOMER_TIME =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

  /** When the call takes place; {@code start} and {@code reminderAt} are null for a call that starts now. */
  public record Schedule(boolean scheduled, ZonedDateTime start, Instant reminderAt) {
  }

  private final BusinessHours businessHours;
  private final Clock clock;

  CallScheduling(BusinessHours businessHours, Clock clock) {
    this.businessHours = businessHours;
    this.clock = clock;
  }

  public String businessHours() {
    return businessHours.describe();
  }

  /**
   * The customer's current local time, for the agent who schedules the call, with a warning when a
   * call started now (at its longest, 15 minutes) would run outside business hours.
   */
  public String customerLocalTime(String timeZone) {
    String now = format(ZonedDateTime.now(clock).withZoneSameInstant(zone(timeZone)));
    return isNowOutsideBusinessHours(timeZone) ? now + ": outside business hours" : now;
  }

  /** True when a call started now, for the longest call of 15 minutes, would not fit the customer's business hours. */
  public boolean isNowOutsideBusinessHours(String timeZone) {
    return !businessHours.contains(ZonedDateTime.now(clock).withZoneSameInstant(zone(timeZone)), LONGEST_CALL_MINUTES);
  }

  public static String format(ZonedDateTime time) {
    return CUSTOMER_TIME.format(time) + " (" + time.getZone().getId() + ")";
  }

  /**
   * @param scheduledStart the local date and time in the customer's zone, as the form's date-time
   *                       field gives it (e.g. {@code 2026-11-26T10:00})
   * @param outsideHoursConfirmed the agent confirmed that the customer wants a call now although it is
   *                              outside their business hours (e.g. they asked for it on a Sunday night)
   * @throws InvalidTaskInputException with a message for the agent when the slot cannot be used
   */
  public Schedule plan(String callTiming, String scheduledStart, Integer durationMinutes, String timeZone,
                       boolean outsideHoursConfirmed) {
    if (!CallTiming.SCHEDULED.name().equals(callTiming)) {
      int duration = durationMinutes == null ? LONGEST_CALL_MINUTES : durationMinutes;
      ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(zone(timeZone));
      if (!outsideHoursConfirmed && !businessHours.contains(now, duration)) {
        throw new InvalidTaskInputException("It is " + format(now) + " for the customer, outside business hours ("
            + businessHours.describe() + "). Schedule a slot, or confirm that the customer wants the call now.");
      }
      return new Schedule(false, null, null);
    }
    if (scheduledStart == null || scheduledStart.isBlank()) {
      throw new InvalidTaskInputException("Choose the date and time of the scheduled call.");
    }
    ZonedDateTime start;
    try {
      start = LocalDateTime.parse(scheduledStart.trim()).atZone(zone(timeZone));
    } catch (DateTimeParseException e) {
      throw new InvalidTaskInputException("The scheduled start '" + scheduledStart + "' is not a date and time.");
    }
    Instant now = clock.instant();
    if (!start.toInstant().isAfter(now)) {
      throw new InvalidTaskInputException("The scheduled start " + format(start) + " is in the past.");
    }
    int duration = durationMinutes == null ? 15 : durationMinutes;
    if (!businessHours.contains(start, duration)) {
      throw new InvalidTaskInputException("The call at " + format(start) + " for " + duration
          + " minutes is outside business hours (" + businessHours.describe() + ").");
    }
    Instant reminderAt = start.toInstant().minus(REMINDER_BEFORE_START);
    return new Schedule(true, start, reminderAt.isBefore(now) ? now : reminderAt);
  }

  private static ZoneId zone(String timeZone) {
    try {
      return ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.trim());
    } catch (DateTimeException e) {
      throw new InvalidTaskInputException("'" + timeZone + "' is not a time zone (use an id like Europe/Berlin).");
    }
  }
}
