package io.videocallsupport.system;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Timestamps as the database columns store them: {@code TIMESTAMP WITH TIME ZONE}, in UTC. */
public final class Timestamps {

  public static OffsetDateTime now(Clock clock) {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private Timestamps() {
  }
}
