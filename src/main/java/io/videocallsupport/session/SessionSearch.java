package io.videocallsupport.session;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What the staff's session search looks for; every part is optional. {@code from} and {@code to} are
 * the first and the last day (inclusive) on which a session was requested, in the given zone.
 */
public record SessionSearch(String ticket, String customer, String agent, SessionState state,
                            OffsetDateTime from, OffsetDateTime to) {

  /** Longest text the search takes in one field: more is no search anyone types. */
  static final int MAX_TEXT = 100;

  /** Reads the search form's parameters; blank means "any". */
  public static SessionSearch parse(String ticket, String customer, String agent, String state, String from,
                                    String to, ZoneId zone) {
    SessionState wantedState = null;
    if (!isBlank(state)) {
      try {
        wantedState = SessionState.valueOf(state.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Unknown state '" + state + "'");
      }
    }
    OffsetDateTime start = isBlank(from) ? null : day("from", from).atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime end = isBlank(to) ? null : day("to", to).plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    if (start != null && end != null && !start.isBefore(end)) {
      throw new IllegalArgumentException("'to' must not be before 'from'");
    }
    return new SessionSearch(text("ticket", ticket), text("customer", customer), text("agent", agent), wantedState,
        start, end);
  }

  /** A LIKE pattern that finds the text anywhere, with the text's own wildcards taken literally. */
  static String containsPattern(String text) {
    String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }

  private static String text(String field, String value) {
    if (isBlank(value)) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.length() > MAX_TEXT) {
      throw new IllegalArgumentException("'" + field + "' is longer than " + MAX_TEXT + " characters");
    }
    return trimmed;
  }

  private static LocalDate day(String field, String value) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + field + "' must be a date like 2026-03-01");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
