package io.videocallsupport.analytics;

/** A report request that cannot be answered: a bad date, from not before to, a range too long. */
public class InvalidAnalyticsQueryException extends RuntimeException {

  private final String field;

  InvalidAnalyticsQueryException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
