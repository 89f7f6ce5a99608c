package io.videocallsupport.inbox;

import java.util.regex.Pattern;

/**
 * Checks the fields of an inbound event that the inbox stores or keys on, against the shape the
 * vendor documents, before anything is stored: a signed request is still only as sane as its sender.
 * Each limit keeps the dedupe key and event type within their columns ({@link Inbox#MAX_DEDUPE_KEY},
 * {@link Inbox#MAX_EVENT_TYPE}).
 */
public final class InboundFields {

  /** Ids as the vendors write them: letters, digits and {@code _ . @ + / = : -}, no spaces or controls. */
  public static final Pattern ID = Pattern.compile("[\\w.@+/=:-]+");
  /** Event and status names such as {@code meeting.participant_joined}, {@code room-ended}, {@code delivered}. */
  public static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
  /** A name shown to people (a Zoom participant's name): anything but control characters. */
  public static final Pattern TEXT = Pattern.compile("[^\\p{Cntrl}]+");

  private InboundFields() {
  }

  /** The value, checked; refused when it is missing or blank. */
  public static String required(String field, String value, int maxLength, Pattern shape) {
    if (value == null || value.isBlank()) {
      throw new InvalidInboundEventException(field, "is missing");
    }
    return optional(field, value, maxLength, shape);
  }

  /** The value, checked when present; null and blank pass as they are. */
  public static String optional(String field, String value, int maxLength, Pattern shape) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    if (value.length() > maxLength) {
      throw new InvalidInboundEventException(field, "is longer than " + maxLength + " characters");
    }
    if (!shape.matcher(value).matches()) {
      throw new InvalidInboundEventException(field, "has characters that do not belong in it");
    }
    return value;
  }
}
