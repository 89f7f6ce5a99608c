package io.videocallsupport.twilio;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Twilio account, from the {@code TWILIO_*} environment variables (see application.yaml).
 * Authenticate with the account SID and auth token, or with an API key and secret; the auth token
 * is needed in any case, because Twilio signs its callbacks with it.
 *
 * @param apiBaseUrl where the REST API is reached; empty for Twilio itself. Tests point it at a
 *                   fake on loopback.
 */
@ConfigurationProperties("vcs.twilio")
public record TwilioProperties(
    String accountSid,
    String authToken,
    String apiKey,
    String apiSecret,
    String fromNumber,
    String messagingServiceSid,
    String apiBaseUrl,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("15s") Duration readTimeout) {

  boolean usesApiKey() {
    return hasText(apiKey) && hasText(apiSecret);
  }

  static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }

  /** Fails start-up with a message that names the missing variable. */
  void requireForSms() {
    require(accountSid, "TWILIO_ACCOUNT_SID");
    require(authToken, "TWILIO_AUTH_TOKEN (also needed with an API key: Twilio signs status callbacks with it)");
    if (!hasText(fromNumber) && !hasText(messagingServiceSid)) {
      throw new IllegalStateException("SMS_TRANSPORT=twilio needs TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID");
    }
    if (hasText(apiKey) != hasText(apiSecret)) {
      throw new IllegalStateException("TWILIO_API_KEY and TWILIO_API_SECRET go together");
    }
  }

  private static void require(String value, String variable) {
    if (!hasText(value)) {
      throw new IllegalStateException("SMS_TRANSPORT=twilio needs " + variable);
    }
  }
}
