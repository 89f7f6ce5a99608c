package io.videocallsupport.session;

import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.messaging.Channel;
import io.videocallsupport.messaging.LinkTokens;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.messaging.OutboxMessage;
import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.SentMessages;
import io.videocallsupport.support.Sessions;
import io.videocallsupport.token.AccessTokens;
import io.videocallsupport.token.TokenPurpose;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The customer's messages as staff see and re-send them: links without their tokens (staff cannot
 * act as the customer), a re-send with a fresh token, bounded per session and refused once the
 * session is finished.
 */
@H2SpringTest
class SessionMessagesTest {

  private static final Pattern TOKEN = Pattern.compile("/join/([A-Za-z0-9_-]{43})");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired SessionRepository sessions;
  @Autowired Outbox outbox;
  @Autowired SentMessages sent;
  @Autowired AccessTokens tokens;
  @Autowired ObjectMapper json;
  @Value("${vcs.messages.resend.max-per-window:5}") int maxResends;

  RestClient http;
  ProcessDriver driver;

  @BeforeEach
  void client() {
    // the JDK's client: Apache's would wait out a 429's Retry-After and ask again
    http = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory()).baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
        .build();
    driver = new ProcessDriver(engine);
  }

  @Test
  void staffSeeTheLinksRedactedAndNoStoredMessageOpensThePage() throws Exception {
    VideoSession session = invitedSession();

    JsonNode view = json.readTree(get("tom", "/api/sessions/" + session.id()).getBody());
    JsonNode invitation = view.get("messages").get(0);
    assertThat(invitation.get("purpose").asText()).isEqualTo("INVITATION");
    assertThat(invitation.get("text").asText()).contains("/join/" + LinkTokens.REDACTED)
        .doesNotContainPattern(TOKEN.pattern()).doesNotContain("vcs-link");

    for (OutboxMessage stored : outbox.forSession(session.id())) {
      assertThat(stored.bodyText() + stored.bodyHtml()).doesNotContain(joinToken(sent.text(stored)));
      Matcher inStore = TOKEN.matcher(stored.bodyText());
      while (inStore.find()) {
        assertThat(tokens.check(inStore.group(1), TokenPurpose.JOIN).usable())
            .as("what the outbox stores opens nothing").isFalse();
      }
      assertThat(tokens.check(joinToken(sent.text(stored)), TokenPurpose.JOIN).usable())
          .as("what the customer got opens the join page").isTrue();
    }
  }

  @Test
  void aResendCarriesAFreshTokenAndIsBoundedPerSession() throws Exception {
    VideoSession session = invitedSession();
    OutboxMessage email = invitationEmail(session);
    String firstToken = joinToken(sent.text(email));

    ResponseEntity<String> resent = resend("anna", session, email);
    assertThat(resent.getStatusCode().value()).isEqualTo(201);
    OutboxMessage again = outbox.find(UUID.fromString(json.readTree(resent.getBody()).get("id").asText()))
        .orElseThrow();
    String secondToken = joinToken(sent.text(again));
    assertThat(secondToken).isNotEqualTo(firstToken);
    assertThat(tokens.check(secondToken, TokenPurpose.JOIN).usable()).isTrue();
    assertThat(json.readTree(resent.getBody()).get("text").asText()).doesNotContain(secondToken);

    for (int i = 1; i < maxResends; i++) {
      assertThat(resend("anna", session, email).getStatusCode().value()).isEqualTo(201);
    }
    ResponseEntity<String> tooMany = resend("anna", session, email);
    assertThat(tooMany.getStatusCode().value()).isEqualTo(429);
    assertThat(Long.parseLong(tooMany.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 3601L);
    assertThat(tooMany.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(outbox.forSession(session.id())).filteredOn(m -> m.idempotencyKey().contains(":resend:"))
        .hasSize(maxResends);
    assertThat(resend("tom", session, email).getStatusCode().value()).as("the bound is per session, not per user")
        .isEqualTo(429);
  }

  @Test
  void aFinishedSessionsMessagesAreNotSentAgain() {
    VideoSession session = invitedSession();
    String pid = session.processInstanceId();
    driver.complete(pid, WAIT_FOR_CUSTOMER, Map.of("customerPresence", "JOINED"));
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", false, "sensitiveDataOnScreen", false));
    driver.complete(pid, CONDUCT_VIDEO_CALL, Map.of("callAction", "END_CALL", "callOutcome", "RESOLVED"));
    driver.complete(pid, WRITE_SUMMARY, Map.of("callSummary", "Router reset", "stepsTaken", "Reset",
        "usefulLinks", "", "followUpActions", "None"));
    assertThat(sessions.findById(session.id()).orElseThrow().state()).isEqualTo(SessionState.COMPLETED);
    long before = outbox.forSession(session.id()).size();

    ResponseEntity<String> refused = resend("tom", session, invitationEmail(session));

    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody()).contains("finished");
    assertThat(outbox.forSession(session.id())).hasSize((int) before);
  }

  private VideoSession invitedSession() {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm("T-" + UUID.randomUUID().toString().substring(0, 8)));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "customerPreparation", "Your router", "callMode", "VIDEO", "meetingLink", "https://meet.example.com/m",
        "agentDevicesChecked", true, "callNowOutsideHours", true));
    UUID id = UUID.fromString((String) engine.getRuntimeService().getVariable(pid, "sessionId"));
    return sessions.findById(id).orElseThrow();
  }

  private OutboxMessage invitationEmail(VideoSession session) {
    return outbox.forSession(session.id()).stream()
        .filter(m -> m.purpose() == MessagePurpose.INVITATION && m.channel() == Channel.EMAIL)
        .findFirst().orElseThrow();
  }

  private ResponseEntity<String> resend(String user, VideoSession session, OutboxMessage message) {
    return http.post().uri("/api/sessions/" + session.id() + "/messages/" + message.id() + "/resend")
        .headers(h -> h.setBasicAuth(user, "demo")).retrieve().toEntity(String.class);
  }

  private ResponseEntity<String> get(String user, String path) {
    return http.get().uri(path).headers(h -> h.setBasicAuth(user, "demo")).retrieve().toEntity(String.class);
  }

  private static String joinToken(String text) {
    Matcher matcher = TOKEN.matcher(text);
    assertThat(matcher.find()).as("a join link in %s", text).isTrue();
    return matcher.group(1);
  }
}
