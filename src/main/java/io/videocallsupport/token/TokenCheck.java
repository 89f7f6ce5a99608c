package io.videocallsupport.token;

/**
 * What a link's token is worth now. Customer pages tell "no such link" (404) from "this link was
 * good once" (410) so that the customer gets the right explanation.
 */
public record TokenCheck(Status status, AccessToken token) {

  public enum Status { USABLE, UNKNOWN, EXPIRED, USED }

  public boolean usable() {
    return status == Status.USABLE;
  }

  static TokenCheck unknown() {
    return new TokenCheck(Status.UNKNOWN, null);
  }
}
