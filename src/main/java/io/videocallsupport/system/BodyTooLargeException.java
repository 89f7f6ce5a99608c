package io.videocallsupport.system;

import java.io.IOException;

/** A request body went past its limit while it was read (a chunked body, whose length nobody announced). */
public class BodyTooLargeException extends IOException {

  private final long limit;

  BodyTooLargeException(long limit) {
    super("The request body is larger than " + limit + " bytes");
    this.limit = limit;
  }

  public long limit() {
    return limit;
  }
}
