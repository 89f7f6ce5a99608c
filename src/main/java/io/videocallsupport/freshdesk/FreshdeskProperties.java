package io.videocallsupport.freshdesk;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Freshdesk settings ({@code FRESHDESK_*} environment variables; see docs/helpdesk.md).
 *
 * @param url               the account, {@code https://<domain>.freshdesk.com}
 * @param apiKey            an agent's API key (sent as Basic {@code key:X})
 * @param webhookSecret     the shared secret the automation rule sends in {@code X-Webhook-Secret}
 * @param requestsPerMinute our own ceiling under the plan's API rate limit
 * @param statuses          Freshdesk status number for each outcome status (2 open, 3 pending, 4 resolved, 5
 *                          closed); absent: unchanged
 */
@ConfigurationProperties("vcs.helpdesk.freshdesk")
public record FreshdeskProperties(
    String url,
    String apiKey,
    String webhookSecret,
    int requestsPerMinute,
    Duration connectTimeout,
    Duration readTimeout,
    Map<String, Integer> statuses) {

  public FreshdeskProperties {
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
    statuses = statuses == null ? Map.of("RESOLVED", 4, "FOLLOW_UP_NEEDED", 2, "NOT_RESOLVED", 2)
        : Map.copyOf(statuses);
  }
}
