package io.videocallsupport.zendesk;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Zendesk settings ({@code ZENDESK_*} environment variables; see docs/helpdesk.md).
 *
 * @param url                  the account, {@code https://<subdomain>.zendesk.com}
 * @param oauthToken           an OAuth access token with the scopes tickets:write, users:read, organizations:read
 *                             (API tokens are retired by Zendesk)
 * @param webhookSigningSecret the signing secret of the webhook that starts sessions
 * @param webhookMaxAge        older webhook timestamps are refused (replay protection)
 * @param requestsPerMinute    our own ceiling under the plan's API rate limit
 * @param statuses             Zendesk status for each outcome status (RESOLVED, FOLLOW_UP_NEEDED, ...); absent: unchanged
 */
@ConfigurationProperties("vcs.helpdesk.zendesk")
public record ZendeskProperties(
    String url,
    String oauthToken,
    String webhookSigningSecret,
    Duration webhookMaxAge,
    int requestsPerMinute,
    Duration connectTimeout,
    Duration readTimeout,
    Map<String, String> statuses) {

  public ZendeskProperties {
    webhookMaxAge = webhookMaxAge == null ? Duration.ofMinutes(10) : webhookMaxAge;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(15) : readTimeout;
    statuses = statuses == null ? Map.of("RESOLVED", "solved", "FOLLOW_UP_NEEDED", "open", "NOT_RESOLVED", "open")
        : Map.copyOf(statuses);
  }
}
