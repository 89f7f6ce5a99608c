package io.videocallsupport.zoom;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zoom's webhook signature: {@code x-zm-signature = "v0=" + hex(HMAC-SHA256(secret, "v0:" +
 * x-zm-request-timestamp + ":" + raw body))}, and the URL validation answer
 * {@code encryptedToken = hex(HMAC-SHA256(secret, plainToken))}.
 */
final class ZoomWebhookSignatures {

  private final String secret;
  private final Duration maxAge;
  private final Clock clock;

  ZoomWebhookSignatures(String secret, Duration maxAge, Clock clock) {
    this.secret = secret;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /** True when the request was signed with our secret and is recent. */
  boolean isValid(String signature, String timestamp, String rawBody) {
    if (secret == null || secret.isBlank() || signature == null || timestamp == null || rawBody == null) {
      return false;
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    // Zoom sends seconds; accept milliseconds too rather than fail on a format change.
    Instant sent = seconds > 100_000_000_000L ? Instant.ofEpochMilli(seconds) : Instant.ofEpochSecond(seconds);
    if (Duration.between(sent, clock.instant()).abs().compareTo(maxAge) > 0) {
      return false;
    }
    String expected = "v0=" + hmac("v0:" + timestamp.trim() + ":" + rawBody);
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
  }

  String encryptedToken(String plainToken) {
    return hmac(plainToken);
  }

  String sign(String timestamp, String rawBody) {
    return "v0=" + hmac("v0:" + timestamp + ":" + rawBody);
  }

  private String hmac(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
