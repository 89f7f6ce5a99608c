package io.videocallsupport.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client address for link look-ups: {@code capacity} look-ups at once, refilled
 * at {@code capacity} per minute. Tokens carry 256 bits, so guessing is hopeless anyway; the limit
 * keeps a client from hammering the token table. In memory, per application node: enough for a
 * help desk, and nothing to operate.
 *
 * <p>The address is the request's remote address: behind a reverse proxy, the client's address
 * from X-Forwarded-For when the proxy is trusted ({@code TRUSTED_PROXIES}, Tomcat's RemoteIpValve),
 * otherwise the connection's peer, whatever headers the request carries.
 */
@Component
public class TokenLookupLimiter {

  /** Above this many tracked addresses, full buckets are dropped at once instead of at the next sweep. */
  private static final int MAX_TRACKED = 100_000;

  private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final Clock clock;
  private final int capacity;
  private final double refillPerNano;

  TokenLookupLimiter(Clock clock, @Value("${vcs.web.token-lookups-per-minute:30}") int perMinute) {
    this.clock = clock;
    this.capacity = Math.max(1, perMinute);
    this.refillPerNano = this.capacity / (double) Duration.ofMinutes(1).toNanos();
  }

  /** Takes one look-up from the address's bucket; false when the bucket is empty. */
  public boolean tryAcquire(String clientAddress) {
    if (buckets.size() > MAX_TRACKED) {
      sweep();
    }
    Instant now = clock.instant();
    Bucket bucket = buckets.computeIfAbsent(clientAddress == null ? "?" : clientAddress,
        k -> new Bucket(capacity, now));
    synchronized (bucket) {
      bucket.refill(now, capacity, refillPerNano);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return true;
      }
      return false;
    }
  }

  /** Forgets addresses whose bucket is full again: they are no different from new ones. */
  @Scheduled(fixedDelay = 60_000)
  void sweep() {
    Instant now = clock.instant();
    buckets.entrySet().removeIf(e -> {
      synchronized (e.getValue()) {
        e.getValue().refill(now, capacity, refillPerNano);
        return e.getValue().tokens >= capacity;
      }
    });
  }

  int tracked() {
    return buckets.size();
  }

  /** Whether the address has a bucket now, i.e. made a look-up within the last minute or so. */
  boolean tracks(String clientAddress) {
    return buckets.containsKey(clientAddress);
  }

  private static final class Bucket {
    private double tokens;
    private Instant updated;

    Bucket(double tokens, Instant updated) {
      this.tokens = tokens;
      this.updated = updated;
    }

    void refill(Instant now, int capacity, double refillPerNano) {
      long elapsed = Duration.between(updated, now).toNanos();
      if (elapsed > 0) {
        tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
        updated = now;
      }
    }
  }
}
