package io.videocallsupport.helpdesk;

import io.videocallsupport.system.RetryAfterException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * What the Zendesk and Freshdesk adapters share: a {@link RestClient} on Apache HttpClient 5 with
 * timeouts and no retries of its own (retries are the delivery job's), and one translation of
 * answers into exceptions: 429 and 503 with {@code Retry-After} become {@link RetryAfterException}
 * (wait as asked), everything else that is not a success {@link HelpDeskUnavailableException}.
 */
public final class HelpDeskHttp {

  private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(60);

  private final String name;
  private final RequestBudget budget;
  private final Clock clock;

  public HelpDeskHttp(String name, RequestBudget budget, Clock clock) {
    this.name = name;
    this.budget = budget;
    this.clock = clock;
  }

  /**
   * A client for a help desk's REST API v2 under {@code url} (the account's address, as configured),
   * sending this {@code Authorization} header and asking for JSON.
   */
  public static RestClient apiV2(String url, String authorization, Duration connectTimeout, Duration readTimeout) {
    return client(url.replaceAll("/+$", "") + "/api/v2", connectTimeout, readTimeout)
        .defaultHeader(HttpHeaders.AUTHORIZATION, authorization)
        .defaultHeader(HttpHeaders.ACCEPT, "application/json")
        .build();
  }

  /** The configured value, or start-up stops with what to set. */
  public static String required(String value, String whatToSet) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(whatToSet);
    }
    return value;
  }

  public static RestClient.Builder client(String baseUrl, Duration connectTimeout, Duration readTimeout) {
    return RestClient.builder()
        .baseUrl(baseUrl)
        // No automatic retries: HttpClient would repeat a PUT that adds a comment (PUT counts as
        // idempotent), and a repeated note is what the delivery job's marker check is there to avoid.
        .requestFactory(ClientHttpRequestFactoryBuilder.httpComponents()
            .withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries).build(
            ClientHttpRequestFactorySettings.defaults().withConnectTimeout(connectTimeout)
                .withReadTimeout(readTimeout)));
  }

  /** Makes one call within the request budget and translates its failure. */
  public <T> T call(String what, Supplier<T> request) {
    budget.spend(name);
    try {
      T answer = request.get();
      if (answer == null) {
        throw new HelpDeskUnavailableException(name + " answered nothing to " + what);
      }
      return answer;
    } catch (RestClientResponseException e) {
      int status = e.getStatusCode().value();
      Optional<Duration> retryAfter = retryAfter(e.getResponseHeaders());
      if (status == 429) {
        throw new RetryAfterException(name + " rate limit on " + what, retryAfter.orElse(DEFAULT_RATE_LIMIT_WAIT),
            true, e);
      }
      if (status == 503 && retryAfter.isPresent()) {
        throw new RetryAfterException(name + " unavailable on " + what, retryAfter.get(), false, e);
      }
      throw new HelpDeskUnavailableException(name + " answered " + status + " to " + what + ": "
          + abbreviate(e.getResponseBodyAsString()), e);
    } catch (ResourceAccessException e) {
      throw new HelpDeskUnavailableException(name + " did not answer " + what + " in time: " + e.getMessage(), e);
    } catch (RestClientException e) {
      // e.g. a body that is not the JSON the documentation shows
      throw new HelpDeskUnavailableException(name + " gave an unreadable answer to " + what + ": "
          + e.getMessage(), e);
    }
  }

  /** {@code Retry-After} in seconds, or as an HTTP date. */
  Optional<Duration> retryAfter(HttpHeaders headers) {
    String value = headers == null ? null : headers.getFirst(HttpHeaders.RETRY_AFTER);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
    } catch (NumberFormatException notSeconds) {
      try {
        OffsetDateTime at = OffsetDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static String abbreviate(String body) {
    return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }
}
