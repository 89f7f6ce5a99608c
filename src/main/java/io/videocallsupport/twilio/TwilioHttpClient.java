package io.videocallsupport.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import io.videocallsupport.system.RetryAfterException;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.config.SocketConfig;
import org.apache.http.impl.client.HttpClientBuilder;

/**
 * The HTTP client under the Twilio SDK, with three things the SDK's default does not do:
 *
 * <ul>
 *   <li><b>No retries.</b> The SDK repeats any request that gets a 5xx, POSTs included, up to three
 *       times within one call. A 5xx or a timeout does not prove that Twilio created nothing, so a
 *       repeated POST could send the customer the same SMS twice. Here every call makes exactly one
 *       request; the Camunda job is retried instead, with backoff, and the outbox checks with
 *       Twilio before sending again (see {@link TwilioSmsSender#sendAgain}). Apache's own retry of
 *       requests that failed on the wire is off too.</li>
 *   <li><b>Timeouts</b> of our choosing (the SDK waits 30 seconds for an answer).</li>
 *   <li><b>Another base URL</b> when one is configured, so tests reach a fake on loopback: the SDK
 *       builds {@code https://api.twilio.com/...} and has no setting for the host (region and edge
 *       only rearrange Twilio's own host names).</li>
 * </ul>
 *
 * <p>A 429, or a 503 with {@code Retry-After}, becomes a {@link RetryAfterException}: the job is
 * retried no earlier than Twilio asked, and a rate limit does not use up one of its retries.
 */
class TwilioHttpClient extends NetworkHttpClient {

  /** Twilio rarely says how long to wait after a 429; its guidance is to back off for a while. */
  static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(30);

  private final String baseUrl;

  TwilioHttpClient(String baseUrl, Duration connectTimeout, Duration readTimeout) {
    super(HttpClientBuilder.create()
        .useSystemProperties()
        .disableAutomaticRetries()
        .setMaxConnPerRoute(20)
        .setMaxConnTotal(50)
        .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout((int) readTimeout.toMillis()).build())
        .setDefaultRequestConfig(RequestConfig.custom()
            .setConnectTimeout((int) connectTimeout.toMillis())
            .setConnectionRequestTimeout((int) connectTimeout.toMillis())
            .setSocketTimeout((int) readTimeout.toMillis())
            .build()));
    this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.replaceAll("/+$", "");
  }

  /** One client per account; it is thread-safe and pools its connections. */
  static TwilioRestClient restClient(TwilioProperties twilio) {
    TwilioRestClient.Builder builder = twilio.usesApiKey()
        ? new TwilioRestClient.Builder(twilio.apiKey(), twilio.apiSecret()).accountSid(twilio.accountSid())
        : new TwilioRestClient.Builder(twilio.accountSid(), twilio.authToken());
    return builder
        .httpClient(new TwilioHttpClient(twilio.apiBaseUrl(), twilio.connectTimeout(), twilio.readTimeout()))
        .build();
  }

  @Override
  protected boolean shouldRetry(Response response, int[] retryCodes) {
    return false;
  }

  @Override
  public Response makeRequest(Request request) {
    Response response = super.makeRequest(baseUrl == null ? request : rebased(request));
    int status = response.getStatusCode();
    Optional<Duration> retryAfter = retryAfter(response.getHeaders());
    if (status == 429 || (status == 503 && retryAfter.isPresent())) {
      Duration wait = retryAfter.orElse(DEFAULT_RATE_LIMIT_WAIT);
      throw new RetryAfterException("Twilio answered " + status + " to " + request.getMethod() + " "
          + pathOf(request.getUrl()) + " and asked to wait " + wait.toSeconds() + " s"
          + (retryAfter.isPresent() ? " (Retry-After)" : "") + "; the job is retried after that: "
          + response.getContent(), wait, status == 429, null);
    }
    return response;
  }

  private Request rebased(Request original) {
    Request copy = new Request(original.getMethod(), baseUrl + pathOf(original.getUrl()));
    copyAll(original.getQueryParams(), copy::addQueryParam);
    copyAll(original.getPostParams(), copy::addPostParam);
    copyAll(original.getHeaderParams(), copy::addHeaderParam);
    copy.setContentType(original.getContentType());
    copy.setBody(original.getBody());
    copy.setUserAgentExtensions(original.getUserAgentExtensions());
    if (original.getAuthStrategy() != null) {
      copy.setAuth(original.getAuthStrategy());
    } else if (original.getUsername() != null) {
      copy.setAuth(original.getUsername(), original.getPassword());
    }
    return copy;
  }

  private static void copyAll(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
    params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
  }

  private static String pathOf(String url) {
    try {
      return new URL(url).getPath();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Twilio request URL " + url, e);
    }
  }

  /** {@code Retry-After} in seconds or as an HTTP date. */
  static Optional<Duration> retryAfter(Header[] headers) {
    if (headers == null) {
      return Optional.empty();
    }
    return Arrays.stream(headers)
        .filter(h -> "Retry-After".equalsIgnoreCase(h.getName()))
        .map(Header::getValue)
        .findFirst()
        .flatMap(TwilioHttpClient::parseRetryAfter);
  }

  private static Optional<Duration> parseRetryAfter(String value) {
    String trimmed = value.trim();
    if (trimmed.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
    }
    try {
      Duration until = Duration.between(ZonedDateTime.now(),
          ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME));
      return Optional.of(until.isNegative() ? Duration.ZERO : until);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
