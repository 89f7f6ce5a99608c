package io.videocallsupport.zoom;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * One Server-to-Server OAuth token shared by every caller, fetched when first needed and again
 * one minute before it expires, or at once after Zoom said it is invalid.
 */
@Component
@ConditionalOnProperty(name = "vcs.video.platform", havingValue = ZoomVideoPlatform.NAME)
class ZoomAccessTokens {

  private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(1);

  private final ZoomOAuthClient oauth;
  private final ZoomProperties properties;
  private final Clock clock;
  private String token;
  private Instant refreshAt = Instant.MIN;

  ZoomAccessTokens(ZoomOAuthClient oauth, ZoomProperties properties, Clock clock) {
    this.oauth = oauth;
    this.properties = properties;
    this.clock = clock;
  }

  synchronized String current() {
    if (token == null || !clock.instant().isBefore(refreshAt)) {
      String credentials = properties.clientId() + ":" + properties.clientSecret();
      ZoomDtos.AccessToken fresh = oauth.accountCredentialsToken(
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)),
          "account_credentials", properties.accountId());
      token = fresh.accessToken();
      refreshAt = clock.instant().plusSeconds(fresh.expiresIn()).minus(REFRESH_BEFORE_EXPIRY);
    }
    return token;
  }

  /** Drops the token Zoom refused, unless another caller replaced it already. */
  synchronized void invalidate(String refused) {
    if (refused != null && refused.equals(token)) {
      token = null;
    }
  }
}
