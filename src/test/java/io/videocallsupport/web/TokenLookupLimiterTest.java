package io.videocallsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenLookupLimiterTest {

  private Instant now = Instant.parse("2026-03-02T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  @Test
  void anAddressGetsItsBurstThenOneLookupPerRefillInterval() {
    TokenLookupLimiter limiter = new TokenLookupLimiter(clock, 6);
    for (int i = 0; i < 6; i++) {
      assertThat(limiter.tryAcquire("203.0.113.7")).isTrue();
    }
    assertThat(limiter.tryAcquire("203.0.113.7")).isFalse();
    assertThat(limiter.tryAcquire("198.51.100.1")).as("other addresses are not affected").isTrue();

    now = now.plus(Duration.ofSeconds(10));
    assertThat(limiter.tryAcquire("203.0.113.7")).as("6 per minute: one back after 10 s").isTrue();
    assertThat(limiter.tryAcquire("203.0.113.7")).isFalse();
  }

  @Test
  void fullBucketsAreForgotten() {
    TokenLookupLimiter limiter = new TokenLookupLimiter(clock, 6);
    limiter.tryAcquire("203.0.113.7");
    assertThat(limiter.tracked()).isOne();
    now = now.plus(Duration.ofMinutes(1));
    limiter.sweep();
    assertThat(limiter.tracked()).isZero();
  }
}
