package io.videocallsupport.zoom;

import feign.FeignException;
import feign.RetryableException;
import io.videocallsupport.system.RetryAfterException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Calls Zoom and turns its answers into what the application acts on: an invalid token is
 * refreshed once and the call repeated; 429 becomes "wait" for as long as Zoom says
 * ({@code Retry-After} in seconds or as a date; the daily limit until the next day); 5xx and
 * timeouts become {@link ZoomUnavailableException} for the job to retry; 404 is "not found".
 */
@Component
@ConditionalOnProperty(name = "vcs.video.platform", havingValue = ZoomVideoPlatform.NAME)
class ZoomApi {

  private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_UNAVAILABLE_WAIT = Duration.ofSeconds(10);

  private final ZoomApiClient client;
  private final ZoomAccessTokens tokens;
  private final Clock clock;

  ZoomApi(ZoomApiClient client, ZoomAccessTokens tokens, Clock clock) {
    this.client = client;
    this.tokens = tokens;
    this.clock = clock;
  }

  ZoomApiClient client() {
    return client;
  }

  <T> T call(String what, Supplier<T> request) {
    try {
      return withFreshTokenOnce(request);
    } catch (FeignException.TooManyRequests e) {
      Duration wait = retryAfter(e).orElse(DEFAULT_RATE_LIMIT_WAIT);
      throw new RetryAfterException("Zoom rate limit (" + header(e, "X-RateLimit-Type").orElse("per second")
          + ") while trying to " + what + "; waiting " + wait.toSeconds() + " s before trying again", wait, true, e);
    } catch (RetryableException e) {
      throw new ZoomUnavailableException("Zoom did not answer in time to " + what + " (" + e.getMessage()
          + "); the step is retried, then shown as an incident", e);
    } catch (FeignException e) {
      if (e.status() >= 500) {
        Duration wait = retryAfter(e).orElse(DEFAULT_UNAVAILABLE_WAIT);
        throw new ZoomUnavailableException("Zoom answered HTTP " + e.status() + " to " + what
            + "; the step is retried, then shown as an incident", new RetryAfterException(e.getMessage(), wait,
            false, e));
      }
      throw e;
    }
  }

  void run(String what, Runnable request) {
    call(what, () -> {
      request.run();
      return null;
    });
  }

  /** Empty when Zoom says the thing does not exist (HTTP 404). */
  <T> Optional<T> find(String what, Supplier<T> request) {
    try {
      return Optional.ofNullable(call(what, request));
    } catch (FeignException.NotFound e) {
      return Optional.empty();
    }
  }

  private <T> T withFreshTokenOnce(Supplier<T> request) {
    try {
      return request.get();
    } catch (FeignException.Unauthorized e) {
      tokens.invalidate(bearerOf(e));
      return request.get();
    }
  }

  private static String bearerOf(FeignException e) {
    if (e.request() == null) {
      return null;
    }
    Collection<String> values = e.request().headers().get("Authorization");
    return values == null || values.isEmpty() ? null : values.iterator().next().replaceFirst("^Bearer ", "");
  }

  private Optional<Duration> retryAfter(FeignException e) {
    return header(e, "Retry-After").map(value -> {
      try {
        return Duration.ofSeconds(Long.parseLong(value.trim()));
      } catch (NumberFormatException notSeconds) {
        try {
          ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
          Duration until = Duration.between(clock.instant(), at.toInstant());
          return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException notADate) {
          return null;
        }
      }
    });
  }

  private static Optional<String> header(FeignException e, String name) {
    return e.responseHeaders().entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase(name))
        .flatMap(h -> h.getValue().stream())
        .findFirst();
  }
}
