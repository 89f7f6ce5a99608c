package io.videocallsupport.zendesk;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zendesk's webhook signature: {@code X-Zendesk-Webhook-Signature = base64(HMAC-SHA256(signing
 * secret, X-Zendesk-Webhook-Signature-Timestamp + raw body))}, the timestamp in ISO 8601 UTC.
 * The signing secret is used as text, as Zendesk's examples do (not base64-decoded).
 */
public final class ZendeskWebhookSignatures {

  private final String signingSecret;
  private final Duration maxAge;
  private final Clock clock;

  public ZendeskWebhookSignatures(String signingSecret, Duration maxAge, Clock clock) {
    this.signingSecret = signingSecret;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /** True when the request was signed with our secret and its timestamp is recent. */
  public boolean isValid(String signature, String timestamp, String rawBody) {
    if (signingSecret == null || signingSecret.isBlank() || signature == null || timestamp == null) {
      return false;
    }
    Instant sent;
    try {
      sent = Instant.parse(timestamp.trim());
    } catch (DateTimeParseException e) {
      return false;
    }
    if (Duration.between(sent, clock.instant()).abs().compareTo(maxAge) > 0) {
      return false;
    }
    byte[] given = signature.trim().getBytes(StandardCharsets.UTF_8);
    String body = rawBody == null ? "" : rawBody;
    // Zendesk's webhook pages show timestamp + body; its event connector page and worked example sign
    // body + timestamp. Both are accepted: no signed text of one order can be read in the other,
    // because a timestamp never starts or ends like a JSON body.
    return MessageDigest.isEqual(hmac(timestamp + body).getBytes(StandardCharsets.UTF_8), given)
        || MessageDigest.isEqual(hmac(body + timestamp).getBytes(StandardCharsets.UTF_8), given);
  }

  /** The signature Zendesk sends for this timestamp and body (a webhook without body signs the timestamp alone). */
  public String sign(String timestamp, String rawBody) {
    return hmac(timestamp + (rawBody == null ? "" : rawBody));
  }

  private String hmac(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
