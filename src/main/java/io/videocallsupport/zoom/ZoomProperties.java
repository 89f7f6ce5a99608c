package io.videocallsupport.zoom;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Zoom settings, from {@code ZOOM_*} environment variables (see README, "Zoom").
 *
 * @param accountId            Server-to-Server OAuth app: account id
 * @param clientId             Server-to-Server OAuth app: client id
 * @param clientSecret         Server-to-Server OAuth app: client secret
 * @param webhookSecret        the app's event subscription secret token (signs webhooks)
 * @param apiUrl               Zoom's REST API, {@code https://api.zoom.us/v2}
 * @param oauthUrl             Zoom's OAuth host, {@code https://zoom.us}
 * @param hostUsers            Zoom users (ids or emails) meetings are spread over
 * @param staffEmailDomains    participants with these email domains are agents or specialists, not the customer
 * @param trustedDownloadHosts hosts recordings and transcripts may be downloaded from (and their subdomains)
 * @param webhookMaxAge        older webhook timestamps are refused (replay protection)
 */
@ConfigurationProperties("vcs.zoom")
public record ZoomProperties(
    String accountId,
    String clientId,
    String clientSecret,
    String webhookSecret,
    String apiUrl,
    String oauthUrl,
    List<String> hostUsers,
    List<String> staffEmailDomains,
    List<String> trustedDownloadHosts,
    Duration webhookMaxAge) {

  public ZoomProperties {
    apiUrl = apiUrl == null ? "https://api.zoom.us/v2" : apiUrl;
    oauthUrl = oauthUrl == null ? "https://zoom.us" : oauthUrl;
    hostUsers = hostUsers == null || hostUsers.isEmpty() ? List.of("me") : List.copyOf(hostUsers);
    staffEmailDomains = staffEmailDomains == null ? List.of() : List.copyOf(staffEmailDomains);
    trustedDownloadHosts = trustedDownloadHosts == null || trustedDownloadHosts.isEmpty()
        ? List.of("zoom.us") : List.copyOf(trustedDownloadHosts);
    webhookMaxAge = webhookMaxAge == null ? Duration.ofMinutes(5) : webhookMaxAge;
  }
}
