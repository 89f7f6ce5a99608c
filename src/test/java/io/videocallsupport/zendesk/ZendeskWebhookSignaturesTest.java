package io.videocallsupport.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Zendesk's webhook signature, with the secrets and values of Zendesk's own documentation. */
class ZendeskWebhookSignaturesTest {

  static final Clock AT_EXAMPLE = Clock.fixed(Instant.parse("2021-07-25T10:00:30Z"), ZoneOffset.UTC);

  @Test
  void zendesksWorkedExampleIsValid() {
    // The example on Zendesk's "Verifying webhook authenticity" page of its event connectors.
    ZendeskWebhookSignatures signatures = new ZendeskWebhookSignatures(
        "HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=", Duration.ofMinutes(10), AT_EXAMPLE);

    assertThat(signatures.isValid("tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=", "2021-07-25T10:00:00Z",
        "{\"say\": \"hello\"}")).isTrue();
    assertThat(signatures.isValid("tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=", "2021-07-25T10:00:00Z",
        "{\"say\": \"hellO\"}")).as("another body").isFalse();
    assertThat(signatures.isValid("tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=", "2021-07-25T10:00:01Z",
        "{\"say\": \"hello\"}")).as("another timestamp").isFalse();
  }

  @Test
  void timestampThenBodySignedWithZendesksTestSecretIsValid() {
    // Zendesk signs "Test webhook" requests of an unsaved webhook with this published secret.
    String secret = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
    ZendeskWebhookSignatures signatures = new ZendeskWebhookSignatures(secret, Duration.ofMinutes(10), AT_EXAMPLE);
    String body = "{\"ticket_id\": \"35436\"}";
    String timestamp = "2021-07-25T10:00:00Z";
    // base64(HMAC-SHA256(secret, timestamp + body)), computed independently with openssl
    String expected = "HgtnKhdbbHIwJ0P3qF6qv01SZs/ovJPewR1bbu871+U=";

    assertThat(signatures.sign(timestamp, body)).isEqualTo(expected);
    assertThat(signatures.isValid(expected, timestamp, body)).isTrue();
    assertThat(signatures.isValid(expected, timestamp, body + " ")).isFalse();
  }

  @Test
  void staleMissingOrForeignSignaturesAreRefused() {
    ZendeskWebhookSignatures signatures = new ZendeskWebhookSignatures("s3cret", Duration.ofMinutes(10),
        Clock.fixed(Instant.parse("2021-07-25T10:20:00Z"), ZoneOffset.UTC));
    String body = "{\"ticket_id\": \"1\"}";
    String old = "2021-07-25T10:00:00Z";
    String recent = "2021-07-25T10:19:00Z";

    assertThat(signatures.isValid(signatures.sign(recent, body), recent, body)).isTrue();
    assertThat(signatures.isValid(signatures.sign(old, body), old, body)).as("older than 10 minutes").isFalse();
    assertThat(signatures.isValid(null, recent, body)).isFalse();
    assertThat(signatures.isValid(signatures.sign(recent, body), "yesterday", body)).isFalse();
    assertThat(new ZendeskWebhookSignatures("other", Duration.ofMinutes(10), Clock.systemUTC())
        .isValid(signatures.sign(recent, body), recent, body)).isFalse();
    assertThat(new ZendeskWebhookSignatures("", Duration.ofMinutes(10), Clock.systemUTC())
        .isValid("x", recent, body)).as("no secret configured").isFalse();
  }
}
