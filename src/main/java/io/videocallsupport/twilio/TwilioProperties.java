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
 * @param video      Twilio Video rooms ({@code VIDEO_PLATFORM=twilio})
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
    @DefaultValue("15s") Duration readTimeout,
    @DefaultValue Video video) {

  /**
   * Twilio Video settings.
   *
   * @param emptyRoomTimeout  how long a room stays open after the last participant left, so that a
   *                          dropped call can be rejoined (Twilio allows 1 to 60 minutes)
   * @param unusedRoomTimeout how long a room created for a call that starts now waits for its first
   *                          participant (1 to 60 minutes); a later visit opens a new room
   * @param tokenTtl          how long an access token lets its holder connect
   * @param mediaRegion       where the media is routed, e.g. "de1"; empty: Twilio's default
   * @param jsUrl             the twilio-video.js script the call page loads
   */
  public record Video(
      @DefaultValue("10m") Duration emptyRoomTimeout,
      @DefaultValue("60m") Duration unusedRoomTimeout,
      @DefaultValue("4h") Duration tokenTtl,
      String mediaRegion,
      @DefaultValue(DEFAULT_VIDEO_JS) String jsUrl) {

    public static final String DEFAULT_VIDEO_JS = "https://sdk.twilio.com/js/video/releases/2.32.1/twilio-video.min.js";

    int emptyRoomTimeoutMinutes() {
      return roomMinutes(emptyRoomTimeout, "TWILIO_VIDEO_EMPTY_ROOM_TIMEOUT");
    }

    int unusedRoomTimeoutMinutes() {
      return roomMinutes(unusedRoomTimeout, "TWILIO_VIDEO_UNUSED_ROOM_TIMEOUT");
    }

    private static int roomMinutes(Duration timeout, String variable) {
      long minutes = timeout.toMinutes();
      if (minutes < 1 || minutes > 60) {
        throw new IllegalStateException(variable + " must be between 1 and 60 minutes, not " + timeout);
      }
      return (int) minutes;
    }
  }

  boolean usesApiKey() {
    return hasText(apiKey) && hasText(apiSecret);
  }

  static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }

  /** Fails start-up with a message that names the missing variable. */
  void requireForSms() {
    String feature = "SMS_TRANSPORT=twilio";
    require(accountSid, feature, "TWILIO_ACCOUNT_SID");
    require(authToken, feature, "TWILIO_AUTH_TOKEN (also needed with an API key: Twilio signs status callbacks with it)");
    if (!hasText(fromNumber) && !hasText(messagingServiceSid)) {
      throw new IllegalStateException(feature + " needs TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID");
    }
    if (hasText(apiKey) != hasText(apiSecret)) {
      throw new IllegalStateException("TWILIO_API_KEY and TWILIO_API_SECRET go together");
    }
  }

  /**
   * Video needs an API key: access tokens for the browsers are signed with its secret, never with
   * the auth token; the auth token still verifies the status callbacks.
   */
  void requireForVideo() {
    String feature = "VIDEO_PLATFORM=twilio";
    require(accountSid, feature, "TWILIO_ACCOUNT_SID");
    require(authToken, feature, "TWILIO_AUTH_TOKEN (Twilio signs the room callbacks with it)");
    require(apiKey, feature, "TWILIO_API_KEY (access tokens are signed with an API key)");
    require(apiSecret, feature, "TWILIO_API_SECRET");
    video.emptyRoomTimeoutMinutes();
    video.unusedRoomTimeoutMinutes();
  }

  private static void require(String value, String feature, String variable) {
    if (!hasText(value)) {
      throw new IllegalStateException(feature + " needs " + variable);
    }
  }
}
