package io.videocallsupport.helpdesk;

import io.videocallsupport.system.RetryAfterException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps our calls under a help desk's documented limit of requests per minute (Zendesk and
 * Freshdesk count per account and minute). Past the limit a call is not made: it fails with a
 * rate-limit {@link RetryAfterException} until the oldest call of the window leaves it, so a
 * delivery job waits without using up a retry and a context look-up shows "unavailable".
 */
public class RequestBudget {

  private final int perMinute;
  private final Clock clock;
  private final Deque<Instant> window = new ArrayDeque<>();

  public RequestBudget(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  public synchronized void spend(String helpDesk) {
    if (perMinute <= 0) {
      return;
    }
    Instant now = clock.instant();
    while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(Duration.ofMinutes(1)))) {
      window.pollFirst();
    }
    if (window.size() >= perMinute) {
      Duration wait = Duration.between(now, window.peekFirst().plus(Duration.ofMinutes(1)));
      throw new RetryAfterException(helpDesk + ": our own limit of " + perMinute + " requests per minute is used up",
          wait.isNegative() ? Duration.ofSeconds(1) : wait, true, null);
    }
    window.addLast(now);
  }
}
