package io.videocallsupport.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videocallsupport.messaging.Delivery;
import io.videocallsupport.messaging.FailureReason;
import io.videocallsupport.messaging.OutboxStatus;
import io.videocallsupport.messaging.PermanentDeliveryFailure;
import io.videocallsupport.messaging.SmsMessage;
import io.videocallsupport.support.FakeTwilio;
import io.videocallsupport.system.RetryAfterException;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Twilio adapter against a fake of Twilio's Messages API on loopback; no Spring. */
class TwilioSmsSenderTest {

  private static final URI CALLBACK = URI.create("https://support.example.com/webhooks/twilio/sms-status");
  private static final String TO = "+4915112345678";
  private static final String BODY = "Hi Jo, Example Support invites you to a video call: https://support.example.com/j/abc";

  private static FakeTwilio twilio;

  @BeforeAll
  static void start() {
    twilio = new FakeTwilio();
  }

  @AfterAll
  static void stop() {
    twilio.stop();
  }

  @BeforeEach
  void reset() {
    twilio.reset();
  }

  @Test
  void sendsFromTheNumberWithTheStatusCallbackAndRecordsTheSid() {
    Delivery delivery = sender(FakeTwilio.FROM, null).send(new SmsMessage(TO, BODY));

    assertThat(delivery.provider()).isEqualTo("twilio");
    assertThat(delivery.providerMessageId()).matches("SM[0-9a-f]{32}");
    assertThat(delivery.status()).isEqualTo(OutboxStatus.QUEUED);
    assertThat(twilio.createRequests(TO)).singleElement().satisfies(form -> assertThat(form)
        .containsEntry("To", TO)
        .containsEntry("From", FakeTwilio.FROM)
        .containsEntry("Body", BODY)
        .containsEntry("StatusCallback", CALLBACK.toString())
        .doesNotContainKey("MessagingServiceSid"));
    String auth = twilio.server().getAllServeEvents().get(0).getRequest().getHeader("Authorization");
    assertThat(auth).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
        (FakeTwilio.ACCOUNT_SID + ":" + FakeTwilio.AUTH_TOKEN).getBytes()));
  }

  @Test
  void sendsThroughAMessagingServiceWithAnApiKey() {
    TwilioProperties properties = new TwilioProperties(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN, "SK0123",
        "key-secret", null, "MG0123456789abcdef0123456789abcdef", twilio.baseUrl(), Duration.ofSeconds(2),
        Duration.ofSeconds(2), null);
    TwilioSmsSender sender = new TwilioSmsSender(TwilioHttpClient.restClient(properties), null,
        properties.messagingServiceSid(), CALLBACK);

    Delivery delivery = sender.send(new SmsMessage(TO, BODY));

    assertThat(delivery.status()).as("Twilio answers 'accepted' through a service").isEqualTo(OutboxStatus.QUEUED);
    assertThat(twilio.createRequests(TO)).singleElement().satisfies(form -> assertThat(form)
        .containsEntry("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef")
        .doesNotContainKey("From"));
    var request = twilio.server().getAllServeEvents().get(0).getRequest();
    assertThat(request.getUrl()).startsWith("/2010-04-01/Accounts/" + FakeTwilio.ACCOUNT_SID + "/Messages.json");
    assertThat(request.getHeader("Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("SK0123:key-secret".getBytes()));
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource({
      "21211, 'The ''To'' number +4915112345678 is not a valid phone number.', INVALID_NUMBER",
      "21614, '''To'' number is not a valid mobile number', NOT_MOBILE",
      "21408, 'Permission to send an SMS has not been enabled for the region indicated by the ''To'' number', REGION_NOT_ENABLED",
      "21610, 'Attempt to send to unsubscribed recipient', OPTED_OUT"})
  void refusalsThatSendingAgainCannotCureArePermanent(int code, String message, FailureReason reason) {
    twilio.refuse(TO, 400, code, message);

    assertThatThrownBy(() -> sender(FakeTwilio.FROM, null).send(new SmsMessage(TO, BODY)))
        .isInstanceOfSatisfying(PermanentDeliveryFailure.class, failure -> {
          assertThat(failure.reason()).isEqualTo(reason);
          assertThat(failure.provider()).isEqualTo("twilio");
          assertThat(failure.getMessage()).contains(String.valueOf(code));
        });
    assertThat(twilio.createRequests(TO)).hasSize(1);
  }

  @Test
  void aServerErrorIsRetriedByTheJobNeverByTheSdk() {
    twilio.failOnce(TO, 500);

    assertThatThrownBy(() -> sender(FakeTwilio.FROM, null).send(new SmsMessage(TO, BODY)))
        .isInstanceOf(TwilioUnavailableException.class)
        .hasMessageContaining("500")
        .hasMessageContaining("checks with Twilio before sending again");
    assertThat(twilio.createRequests(TO)).as("the SDK would have repeated the POST three times").hasSize(1);
    assertThat(twilio.created(TO)).isZero();
  }

  @Test
  void aConfigurationErrorIsNotPermanentButSaysWhatToCheck() {
    twilio.refuse(TO, 401, 20003, "Authenticate");

    assertThatThrownBy(() -> sender(FakeTwilio.FROM, null).send(new SmsMessage(TO, BODY)))
        .isInstanceOf(TwilioUnavailableException.class)
        .hasMessageContaining("20003")
        .hasMessageContaining("Check the Twilio settings");
  }

  @Test
  void aRateLimitAsksTheJobToWaitAsLongAsTwilioSays() {
    twilio.throttle(TO, 42);

    assertThatThrownBy(() -> sender(FakeTwilio.FROM, null).send(new SmsMessage(TO, BODY)))
        .isInstanceOfSatisfying(RetryAfterException.class, wait -> {
          assertThat(wait.retryAfter()).isEqualTo(Duration.ofSeconds(42));
          assertThat(wait.rateLimited()).isTrue();
          assertThat(wait.getMessage()).contains("429").contains("42 s");
        });
    assertThat(twilio.createRequests(TO)).hasSize(1);
  }

  @Test
  void aTimeoutIsRetriedByTheJob() {
    twilio.server().stubFor(post(urlPathEqualTo(FakeTwilio.MESSAGES)).atPriority(1)
        .willReturn(aResponse().withStatus(201).withFixedDelay(1500)));
    TwilioProperties properties = properties(Duration.ofMillis(300));

    assertThatThrownBy(() -> new TwilioSmsSender(TwilioHttpClient.restClient(properties), FakeTwilio.FROM,
        null, CALLBACK).send(new SmsMessage(TO, BODY)))
        .isInstanceOf(TwilioUnavailableException.class)
        .hasMessageContaining("could not be reached");
    assertThat(twilio.createRequests(TO)).hasSize(1);
  }

  @Test
  void aRetryTakesTheMessageTwilioCreatedDespiteTheFailureInsteadOfSendingASecond() {
    twilio.lists(TO, "SM00000000000000000000000000000042", BODY);

    Delivery delivery = sender(FakeTwilio.FROM, null)
        .sendAgain(new SmsMessage(TO, BODY), OffsetDateTime.now().minusMinutes(2));

    assertThat(delivery.providerMessageId()).isEqualTo("SM00000000000000000000000000000042");
    assertThat(delivery.status()).isEqualTo(OutboxStatus.SENT);
    assertThat(twilio.createRequests(TO)).isEmpty();
    assertThat(twilio.lookups(TO)).isOne();
  }

  @Test
  void aRetrySendsWhenTwilioHasNoSuchMessage() {
    twilio.lists(TO, "SM00000000000000000000000000000043", "another text to the same number");

    Delivery delivery = sender(FakeTwilio.FROM, null)
        .sendAgain(new SmsMessage(TO, BODY), OffsetDateTime.now().minusMinutes(2));

    assertThat(delivery.providerMessageId()).isNotEqualTo("SM00000000000000000000000000000043");
    assertThat(twilio.created(TO)).isOne();
  }

  private TwilioSmsSender sender(String from, String service) {
    return new TwilioSmsSender(TwilioHttpClient.restClient(properties(Duration.ofSeconds(3))), from, service,
        CALLBACK);
  }

  private static TwilioProperties properties(Duration readTimeout) {
    return new TwilioProperties(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN, null, null, FakeTwilio.FROM, null,
        twilio.baseUrl(), Duration.ofSeconds(2), readTimeout, null);
  }
}
