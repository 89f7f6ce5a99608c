package io.videocallsupport.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.inbox.Inbox;
import io.videocallsupport.inbox.InboxEvent;
import io.videocallsupport.support.FakeTwilio;
import io.videocallsupport.support.MessagingTransportsTest;
import io.videocallsupport.support.RawHttp;
import io.videocallsupport.support.TwilioSignatures;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Twilio's callbacks (SMS status, Rooms status) with fields too long or not shaped as Twilio
 * documents them, and bodies too large: each is refused with 4xx, correctly signed or not, and the
 * inbox stays as it was.
 */
@MessagingTransportsTest
class TwilioCallbackInputTest {

  private static final String SMS_PATH = TwilioSms.STATUS_CALLBACK_PATH;
  private static final String VIDEO_PATH = TwilioVideoCallbackController.PATH;
  /** The configured public URL (application-test.yaml): Twilio signs the URL it was given. */
  private static final String PUBLIC_URL = "http://localhost:8080";
  private static final Map<String, String> FORM = Map.of("Content-Type", "application/x-www-form-urlencoded");

  @LocalServerPort int port;
  @Autowired Inbox inbox;
  @Autowired JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void smsStatusCallbacksWithOverlongOrMalformedFieldsAreRefusedAndStoreNothing() throws Exception {
    List<InboxEvent> before = inbox.bySource(TwilioSms.INBOX_SOURCE);

    assertRefused(post(SMS_PATH, sms(messageSid(), "x".repeat(5_000))), "MessageStatus is longer than 40 characters");
    assertRefused(post(SMS_PATH, sms("SM" + "a".repeat(398), "delivered")), "MessageSid is longer than 34 characters");
    assertRefused(post(SMS_PATH, sms("SM1234", "delivered")), "MessageSid has characters that do not belong in it");
    assertRefused(post(SMS_PATH, sms(messageSid(), "deli vered")), "MessageStatus has characters");
    Map<String, String> noStatus = sms(messageSid(), "sent");
    noStatus.remove("MessageStatus");
    assertRefused(post(SMS_PATH, noStatus), "MessageStatus is missing");

    assertThat(inbox.bySource(TwilioSms.INBOX_SOURCE)).hasSameSizeAs(before);
  }

  @Test
  void roomCallbacksWithOverlongOrMalformedFieldsAreRefusedAndStoreNothing() throws Exception {
    List<InboxEvent> before = inbox.bySource(TwilioVideoCallbackController.INBOX_SOURCE);

    Map<String, String> longName = room("participant-connected", "customer:" + UUID.randomUUID());
    longName.put("RoomName", "vcs-" + "n".repeat(5_000));
    assertRefused(post(VIDEO_PATH, longName), "RoomName is longer than 128 characters");
    assertRefused(post(VIDEO_PATH, room("participant-connected", "customer:" + "i".repeat(400))),
        "ParticipantIdentity is longer than 128 characters");
    assertRefused(post(VIDEO_PATH, room("x".repeat(400), null)), "StatusCallbackEvent is longer than 40 characters");
    Map<String, String> longSid = room("room-ended", null);
    longSid.put("RoomSid", "RM" + "0".repeat(398));
    assertRefused(post(VIDEO_PATH, longSid), "RoomSid is longer than 34 characters");
    Map<String, String> badSequence = room("room-ended", null);
    badSequence.put("SequenceNumber", "7 OR 1=1");
    assertRefused(post(VIDEO_PATH, badSequence), "SequenceNumber has characters that do not belong in it");

    assertThat(inbox.bySource(TwilioVideoCallbackController.INBOX_SOURCE)).hasSameSizeAs(before);
  }

  @Test
  void bodiesOverTheLimitAreRefusedWith413BeforeTheyAreRead() throws Exception {
    List<InboxEvent> smsBefore = inbox.bySource(TwilioSms.INBOX_SOURCE);
    List<InboxEvent> roomsBefore = inbox.bySource(TwilioVideoCallbackController.INBOX_SOURCE);
    RawHttp raw = RawHttp.to(port);

    // A 6 MB body: refused on its Content-Length, before a byte of it is read.
    RawHttp.Answer announced = raw.announce(VIDEO_PATH, FORM, 6_000_000);
    assertThat(announced.status()).isEqualTo(413);
    assertThat(announced.body()).contains("request body too large").contains("262144");
    assertThat(raw.announce(SMS_PATH, FORM, 6_000_000).status()).isEqualTo(413);

    // Chunked, so no length is announced: counted while read, refused past 256 KB, even correctly signed.
    Map<String, String> padded = sms(messageSid(), "delivered");
    padded.put("Padding", "x".repeat(300_000));
    Map<String, String> headers = new LinkedHashMap<>(FORM);
    headers.put("X-Twilio-Signature", TwilioSignatures.sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL + SMS_PATH, padded));
    assertThat(raw.chunked(SMS_PATH, headers, form(padded).getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(413);

    assertThat(inbox.bySource(TwilioSms.INBOX_SOURCE)).hasSameSizeAs(smsBefore);
    assertThat(inbox.bySource(TwilioVideoCallbackController.INBOX_SOURCE)).hasSameSizeAs(roomsBefore);
  }

  @Test
  void aSignedCallbackSentInChunksIsReadFromTheBoundedBody() throws Exception {
    String sid = messageSid();
    Map<String, String> fields = sms(sid, "delivered");
    Map<String, String> headers = new LinkedHashMap<>(FORM);
    headers.put("X-Twilio-Signature", TwilioSignatures.sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL + SMS_PATH, fields));
    try {
      assertThat(RawHttp.to(port).chunked(SMS_PATH, headers, form(fields).getBytes(StandardCharsets.UTF_8)).status())
          .isEqualTo(204);
      assertThat(inbox.bySource(TwilioSms.INBOX_SOURCE)).filteredOn(e -> e.dedupeKey().equals(sid + ":delivered"))
          .singleElement().satisfies(e -> assertThat(e.payload()).contains("\"MessageSid\":\"" + sid + "\""));
    } finally {
      // no outbox message has this SID: keep the shared inbox free of an event that would wait for one
      jdbc.sql("DELETE FROM inbox_event WHERE source = :source AND dedupe_key = :key")
          .param("source", TwilioSms.INBOX_SOURCE).param("key", sid + ":delivered").update();
    }
  }

  @Test
  void aMalformedFormBodyIsRefused() throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + SMS_PATH))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("MessageSid=%zz&MessageStatus=sent")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("form body is malformed");
  }

  private static void assertRefused(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).as(reason).isEqualTo(400);
    assertThat(response.body()).contains(reason);
  }

  /** Posts the fields signed as Twilio signs them. */
  private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", TwilioSignatures.sign(FakeTwilio.AUTH_TOKEN, PUBLIC_URL + path, fields))
        .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> sms(String sid, String status) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("AccountSid", FakeTwilio.ACCOUNT_SID);
    fields.put("MessageSid", sid);
    fields.put("MessageStatus", status);
    fields.put("To", "+491701234567");
    return fields;
  }

  private static Map<String, String> room(String event, String identity) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("AccountSid", FakeTwilio.ACCOUNT_SID);
    fields.put("StatusCallbackEvent", event);
    fields.put("RoomSid", "RM" + hex());
    fields.put("RoomName", "vcs-" + UUID.randomUUID());
    fields.put("SequenceNumber", "1");
    fields.put("Timestamp", "2026-11-25T10:00:00.000Z");
    if (identity != null) {
      fields.put("ParticipantIdentity", identity);
    }
    return fields;
  }

  private static String messageSid() {
    return "SM" + hex();
  }

  private static String hex() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
