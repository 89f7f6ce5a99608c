package io.videocallsupport.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.videocallsupport.inbox.Inbox;
import io.videocallsupport.inbox.InboxEvent;
import io.videocallsupport.inbox.InboxWorker;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.messaging.OutboxMessage;
import io.videocallsupport.retention.Recording;
import io.videocallsupport.retention.RecordingRepository;
import io.videocallsupport.retention.RecordingRetention;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.RawHttp;
import io.videocallsupport.support.SentMessages;
import io.videocallsupport.support.Sessions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The lifecycle on Zoom, against WireMock standing in for Zoom's OAuth and REST API, and webhooks
 * signed as Zoom signs them. Payloads follow Zoom's API reference and event docs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, SentMessages.class})
class ZoomIntegrationTest {

  static final String SECRET = "zoom-webhook-secret-for-tests";
  static final WireMockServer ZOOM = new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    ZOOM.start();
  }

  @DynamicPropertySource
  static void zoom(DynamicPropertyRegistry properties) {
    // A database of its own: the H2 test context's in-memory database lives in the same JVM.
    properties.add("spring.datasource.url", () -> "jdbc:h2:mem:video-call-support-zoom;DB_CLOSE_DELAY=-1");
    properties.add("vcs.video.platform", () -> "zoom");
    properties.add("vcs.zoom.api-url", () -> ZOOM.baseUrl() + "/v2");
    properties.add("vcs.zoom.oauth-url", ZOOM::baseUrl);
    properties.add("vcs.zoom.account-id", () -> "acc-123");
    properties.add("vcs.zoom.client-id", () -> "client-123");
    properties.add("vcs.zoom.client-secret", () -> "client-secret");
    properties.add("vcs.zoom.webhook-secret", () -> SECRET);
    properties.add("vcs.zoom.staff-email-domains", () -> "support.example.com");
    properties.add("vcs.zoom.trusted-download-hosts", () -> "localhost");
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired SessionRepository sessions;
  @Autowired Outbox outbox;
  @Autowired Inbox inbox;
  @Autowired InboxWorker inboxWorker;
  @Autowired RecordingRepository recordings;
  @Autowired ZoomTranscripts transcripts;
  @Autowired Clock clock;

  ProcessDriver driver;
  final HttpClient http = HttpClient.newHttpClient();
  long meetingId;

  @BeforeEach
  void zoomAnswers() {
    driver = new ProcessDriver(engine);
    ZOOM.resetAll();
    meetingId = 80_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    ZOOM.stubFor(post(urlPathEqualTo("/oauth/token"))
        .withQueryParam("grant_type", equalTo("account_credentials"))
        .withQueryParam("account_id", equalTo("acc-123"))
        .withBasicAuth("client-123", "client-secret")
        .willReturn(okJson("""
            {"access_token": "token-1", "token_type": "bearer", "expires_in": 3599,
             "scope": "meeting:write:admin recording:read:admin", "api_url": "https://api.zoom.us"}""")));
    ZOOM.stubFor(post(urlPathEqualTo("/v2/users/me/meetings")).willReturn(jsonStatus(201, meetingJson(null))));
    ZOOM.stubFor(get(urlPathEqualTo("/v2/users/me/meetings"))
        .willReturn(okJson("{\"page_size\": 300, \"total_records\": 0, \"next_page_token\": \"\", \"meetings\": []}")));
    ZOOM.stubFor(patch(urlPathEqualTo("/v2/live_meetings/" + meetingId + "/events")).willReturn(aResponse().withStatus(202)));
    ZOOM.stubFor(put(urlPathEqualTo("/v2/meetings/" + meetingId + "/status")).willReturn(aResponse().withStatus(204)));
    ZOOM.stubFor(delete(urlPathEqualTo("/v2/meetings/" + meetingId + "/recordings")).willReturn(aResponse().withStatus(204)));
  }

  @Test
  void aSessionRunsOnZoomFromMeetingToRecordingDeletion() throws Exception {
    String pid = startAndPrepare();
    VideoSession session = sessionOf(pid);

    ZOOM.verify(postRequestedFor(urlPathEqualTo("/v2/users/me/meetings"))
        .withHeader("Authorization", equalTo("Bearer token-1"))
        .withRequestBody(matchingJsonPath("$.settings.waiting_room", equalTo("true")))
        .withRequestBody(matchingJsonPath("$.settings.join_before_host", equalTo("false")))
        .withRequestBody(matchingJsonPath("$.settings.auto_recording", equalTo("none")))
        .withRequestBody(matchingJsonPath("$.type", equalTo("2")))
        .withRequestBody(matchingJsonPath("$.agenda", equalTo("vcs-session:" + session.id() + ":now"))));
    assertThat(session.meetingId()).isEqualTo(String.valueOf(meetingId));
    assertThat(engine.getRuntimeService().getVariable(pid, "agentJoinUrl")).asString().contains("/s/" + meetingId);
    assertThat(messages(session, MessagePurpose.INVITATION)).allSatisfy(m -> assertThat(m.bodyText())
        .contains("/join/").doesNotContain("/s/" + meetingId));
    assertThat(session.customerJoinUrl()).as("behind the join page")
        .startsWith("https://us05web.zoom.us/j/" + meetingId);

    assertThat(webhook(participantEvent("meeting.participant_joined", 1_000, "guest-1", ""))).isEqualTo(200);
    assertThat(webhook(participantEvent("meeting.participant_joined", 1_000, "guest-1", ""))).isEqualTo(200);
    assertThat(inbox.bySource("zoom")).hasSize(1);
    deliverInbox();
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", true, "sensitiveDataOnScreen", false));
    ZOOM.verify(patchRequestedFor(urlPathEqualTo("/v2/live_meetings/" + meetingId + "/events"))
        .withRequestBody(equalToJson("{\"method\": \"recording.start\"}")));

    webhook(meetingEvent("meeting.ended", 5_000));
    deliverInbox();
    driver.complete(pid, RECORD_CALL_OUTCOME, Map.of("callOutcome", "RESOLVED"));
    ZOOM.verify(putRequestedFor(urlPathEqualTo("/v2/meetings/" + meetingId + "/status"))
        .withRequestBody(equalToJson("{\"action\": \"end\"}")));

    ZOOM.stubFor(get(urlPathEqualTo("/v2/meetings/" + meetingId + "/recordings")).willReturn(okJson(recordingsJson())));
    ZOOM.stubFor(get(urlPathEqualTo("/rec/download/transcript.vtt")).withHeader("Authorization", equalTo("Bearer token-1"))
        .willReturn(ok("WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nAnna Agent: Please open the router page.\n\n"
            + "2\n00:00:05.000 --> 00:00:07.000\nJo Doe: It shows error 651.\n")));
    webhook(meetingEvent("recording.transcript_completed", 6_000));
    deliverInbox();
    assertThat(engine.getRuntimeService().getVariable(pid, "transcriptDraft"))
        .isEqualTo("Anna Agent: Please open the router page.\nJo Doe: It shows error 651.");

    webhook(meetingEvent("recording.completed", 7_000));
    webhook(meetingEvent("recording.completed", 7_000));
    deliverInbox();
    Recording recording = recordings.findBySession(session.id()).get(0);
    assertThat(recording.consentOnRecord()).isTrue();
    assertThat(recordings.findBySession(session.id())).as("a redelivered recording changes nothing").hasSize(1);
    driver.fireTimer(recording.processInstanceId(), RecordingRetention.Elements.RETENTION_PERIOD_OVER);
    ZOOM.verify(deleteRequestedFor(urlPathEqualTo("/v2/meetings/" + meetingId + "/recordings"))
        .withQueryParam("action", equalTo("delete")));
    assertThat(recordings.findById(recording.id()).orElseThrow().state()).isEqualTo(Recording.RecordingState.DELETED);
  }

  @Test
  void webhooksWithoutAValidRecentSignatureAreRefusedAndChangeNothing() throws Exception {
    int before = inbox.bySource("zoom").size();
    String body = meetingEvent("meeting.ended", 1_000);
    long now = clock.instant().getEpochSecond();

    assertThat(send(body, "v0=" + "0".repeat(64), String.valueOf(now)).statusCode()).isEqualTo(401);
    assertThat(send(body, null, null).statusCode()).isEqualTo(401);
    String stale = String.valueOf(now - 600);
    assertThat(send(body, signatures().sign(stale, body), stale).statusCode()).isEqualTo(401);
    assertThat(inbox.bySource("zoom")).hasSize(before);
  }

  @Test
  void signedWebhooksWithOverlongOrMalformedFieldsAreRefusedAndStoreNothing() throws Exception {
    int before = inbox.bySource("zoom").size();
    String event = meetingEvent("meeting.ended", 1_000);

    assertRefused(event.replace("\"uuid-" + meetingId + "==\"", "\"" + "u".repeat(400) + "\""),
        "payload.object.uuid is longer than 64 characters");
    assertRefused(participantEvent("meeting.participant_joined", 1_000, "guest-1", "")
        .replace("\"user_name\": \"guest-1\"", "\"user_name\": \"" + "n".repeat(400) + "\""),
        "payload.object.participant.user_name is longer than 128 characters");
    assertRefused(event.replace("\"event\": \"meeting.ended\"", "\"event\": \"" + "e".repeat(400) + "\""),
        "event is longer than 64 characters");
    assertRefused(event.replace("\"event_ts\": 1000", "\"event_ts\": \"yesterday\""), "event_ts is not a time");
    assertRefused(event.replace("\"event_ts\": 1000, ", ""), "event_ts is not a time");
    assertRefused(event.replace("\"host_id\": \"host-zoom-1\"", "\"host_id\": {\"nested\": true}"),
        "payload.object.host_id is not a text");
    assertRefused(event.replace("\"uuid-" + meetingId + "==\"", "\"uuid\\nwith a line break\""),
        "payload.object.uuid has characters that do not belong in it");
    assertRefused("[1, 2, 3]", "body is not a JSON object");
    assertRefused("{\"event\": \"endpoint.url_validation\", \"payload\": {}}", "payload.plainToken is missing");

    assertThat(inbox.bySource("zoom")).hasSize(before);
  }

  @Test
  void webhookBodiesOverTheLimitAreRefusedWith413() throws Exception {
    int before = inbox.bySource("zoom").size();
    String now = String.valueOf(clock.instant().getEpochSecond());
    String padded = meetingEvent("meeting.ended", 1_000).replace("\"topic\": \"Video support\"",
        "\"topic\": \"" + "t".repeat(6_000_000) + "\"");
    Map<String, String> headers = Map.of("Content-Type", "application/json",
        "x-zm-signature", signatures().sign(now, padded), "x-zm-request-timestamp", now);
    RawHttp raw = RawHttp.to(port);

    // A signed 6 MB event: refused on its Content-Length, before a byte of it is read.
    assertThat(raw.announce("/webhooks/zoom", headers, padded.length()).status()).isEqualTo(413);
    // The same without an announced length, 300 KB of it: counted while read, refused past 256 KB.
    String chunked = padded.substring(0, 300_000);
    assertThat(raw.chunked("/webhooks/zoom", headers, chunked.getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(413);

    assertThat(inbox.bySource("zoom")).hasSize(before);
  }

  private void assertRefused(String body, String reason) throws Exception {
    String now = String.valueOf(clock.instant().getEpochSecond());
    HttpResponse<String> response = send(body, signatures().sign(now, body), now);
    assertThat(response.statusCode()).as(reason).isEqualTo(400);
    assertThat(response.body()).contains(reason);
  }

  @Test
  void theEndpointAnswersZoomsUrlValidation() throws Exception {
    String body = "{\"payload\": {\"plainToken\": \"qgg8vlvZRS6UYooatFL8Aw\"}, \"event_ts\": 1654503849680, "
        + "\"event\": \"endpoint.url_validation\"}";
    String now = String.valueOf(clock.instant().getEpochSecond());
    HttpResponse<String> response = send(body, signatures().sign(now, body), now);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"")
        .contains("\"encryptedToken\":\"" + signatures().encryptedToken("qgg8vlvZRS6UYooatFL8Aw") + "\"");
  }

  @Test
  void aCustomerWhoJoinsBeforeTheProcessWaitsIsStillSeen() throws Exception {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket()));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    java.time.LocalDateTime slot = java.time.LocalDateTime.of(
        io.videocallsupport.lifecycle.TestDates.nextBusinessDay(), java.time.LocalTime.of(11, 0));
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "SCHEDULED", "scheduledStart", slot.toString(),
        "expectedDurationMinutes", 15, "callMode", "VIDEO", "agentDevicesChecked", true, "callNowOutsideHours", true));
    ZOOM.verify(postRequestedFor(urlPathEqualTo("/v2/users/me/meetings"))
        .withRequestBody(matchingJsonPath("$.start_time", equalTo(slot + ":00")))
        .withRequestBody(matchingJsonPath("$.timezone", equalTo("Europe/Berlin"))));

    webhook(participantEvent("meeting.participant_joined", 2_000, "early-guest", ""));
    deliverInbox();
    assertThat(inbox.bySource("zoom")).filteredOn(e -> e.status() == InboxEvent.InboxStatus.PENDING).hasSize(1);

    driver.fireTimer(pid, REMINDER_DUE);
    driver.fireTimer(pid, CALL_START_TIME);
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
      inboxWorker.processDue();
      return engine.getTaskService().createTaskQuery().processInstanceId(pid)
          .taskDefinitionKey(ASK_RECORDING_CONSENT).count() == 1;
    });
  }

  @Test
  void duplicateAndOutOfOrderEventsChangeNothingTwice() throws Exception {
    String pid = startAndPrepare();
    webhook(participantEvent("meeting.participant_joined", 1_000, "guest-7", ""));
    webhook(participantEvent("meeting.participant_joined", 1_000, "agent-1", "anna@support.example.com"));
    deliverInbox();
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", false, "sensitiveDataOnScreen", false));

    // The customer rejoined at 4000 after a short drop at 3000, but Zoom delivers the join first.
    webhook(participantEvent("meeting.participant_joined", 4_000, "guest-7", ""));
    webhook(participantEvent("meeting.participant_left", 3_000, "guest-7", ""));
    webhook(participantEvent("meeting.participant_left", 3_000, "guest-7", ""));
    deliverInbox();

    driver.task(pid, CONDUCT_VIDEO_CALL);
    assertThat(engine.getRuntimeService().getVariable(pid, "callDropRetries")).isEqualTo(0);
    assertThat(inbox.bySource("zoom")).extracting(InboxEvent::status)
        .doesNotContain(InboxEvent.InboxStatus.PENDING, InboxEvent.InboxStatus.FAILED);

    webhook(participantEvent("meeting.participant_left", 9_000, "guest-7", ""));
    deliverInbox();
    assertThat(engine.getRuntimeService().getVariable(pid, "callDropRetries")).as("a real drop").isEqualTo(1);
  }

  @Test
  void anInvalidTokenIsRefreshedOnceAndTheCallRepeated() {
    ZOOM.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("token").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"access_token\": \"token-old\", \"token_type\": \"bearer\", \"expires_in\": 3599}"))
        .willSetStateTo("refreshed"));
    ZOOM.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("token").whenScenarioStateIs("refreshed")
        .willReturn(okJson("{\"access_token\": \"token-new\", \"token_type\": \"bearer\", \"expires_in\": 3599}")));
    ZOOM.stubFor(post(urlPathEqualTo("/v2/users/me/meetings")).withHeader("Authorization", equalTo("Bearer token-old"))
        .willReturn(jsonStatus(401, "{\"code\": 124, \"message\": \"Invalid access token.\"}")));
    ZOOM.stubFor(post(urlPathEqualTo("/v2/users/me/meetings")).withHeader("Authorization", equalTo("Bearer token-new"))
        .willReturn(jsonStatus(201, meetingJson(null))));
    tokens.invalidate(tokens.current());

    String pid = startAndPrepare();

    assertThat(sessionOf(pid).meetingId()).isEqualTo(String.valueOf(meetingId));
    ZOOM.verify(2, postRequestedFor(urlPathEqualTo("/v2/users/me/meetings")));
    assertThat(tokens.current()).isEqualTo("token-new");
  }

  @Autowired ZoomAccessTokens tokens;

  @Test
  void aShortRateLimitIsRetriedWhenZoomSaysNotAfterTheOutageBackoff() {
    ZOOM.stubFor(post(urlPathEqualTo("/v2/users/me/meetings"))
        .willReturn(jsonStatus(429, "{\"code\": 429, \"message\": \"You have exceeded the rate limit.\"}")
            .withHeader("Retry-After", "2").withHeader("X-RateLimit-Type", "Light")));
    Instant before = Instant.now();
    String pid = prepareWithFailingMeetingCreation();

    Instant due = createMeetingJob(pid).getDuedate().toInstant();
    assertThat(due).as("2 s and a little spread; the retry cycle would say 10 s")
        .isAfterOrEqualTo(before.plusSeconds(2)).isBefore(Instant.now().plusMillis(2_500));
  }

  @Test
  void aRateLimitWaitsAsLongAsZoomSaysWithoutUsingUpRetries() {
    ZOOM.stubFor(post(urlPathEqualTo("/v2/users/me/meetings"))
        .willReturn(jsonStatus(429, "{\"code\": 429, \"message\": \"You have exceeded the rate limit.\"}")
            .withHeader("Retry-After", "120").withHeader("X-RateLimit-Type", "Light")));
    String pid = prepareWithFailingMeetingCreation();

    Job job = createMeetingJob(pid);
    assertThat(job.getRetries()).isEqualTo(5);
    assertThat(job.getDuedate().toInstant()).isAfter(Instant.now().plusSeconds(110));
    assertThat(job.getExceptionMessage()).contains("rate limit").contains("120 s");

    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).isInstanceOf(Exception.class);
    assertThat(createMeetingJob(pid).getRetries()).as("a second 429 uses up no retry either").isEqualTo(5);
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(pid).count()).isZero();
  }

  @Test
  void aServerErrorIsRetriedWithoutCreatingASecondMeeting() {
    ZOOM.stubFor(post(urlPathEqualTo("/v2/users/me/meetings")).inScenario("create").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(jsonStatus(503, "{\"code\": 503, \"message\": \"Service unavailable\"}")).willSetStateTo("up"));
    ZOOM.stubFor(post(urlPathEqualTo("/v2/users/me/meetings")).inScenario("create").whenScenarioStateIs("up")
        .willReturn(jsonStatus(201, meetingJson(null))));
    String pid = prepareWithFailingMeetingCreation();
    assertThat(createMeetingJob(pid).getExceptionMessage()).contains("Zoom answered HTTP 503");

    retryCreateMeeting(pid);

    ZOOM.verify(2, postRequestedFor(urlPathEqualTo("/v2/users/me/meetings")));
    assertThat(sessionOf(pid).meetingId()).isEqualTo(String.valueOf(meetingId));
  }

  @Test
  void aMeetingCreatedWhoseAnswerWasLostIsFoundInsteadOfCreatedAgain() {
    ZOOM.stubFor(post(urlPathEqualTo("/v2/users/me/meetings"))
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    String pid = prepareWithFailingMeetingCreation();
    String agenda = "vcs-session:" + sessionOf(pid).id() + ":now";
    ZOOM.stubFor(get(urlPathEqualTo("/v2/users/me/meetings")).withQueryParam("type", equalTo("scheduled"))
        .willReturn(okJson("{\"page_size\": 300, \"meetings\": [" + meetingJson(agenda) + "]}")));

    retryCreateMeeting(pid);

    ZOOM.verify(1, postRequestedFor(urlPathEqualTo("/v2/users/me/meetings")));
    assertThat(sessionOf(pid).meetingId()).isEqualTo(String.valueOf(meetingId));
  }

  @Test
  void anEventForAnUnknownMeetingIsKeptAndReported() throws Exception {
    meetingId = 1L;
    webhook(meetingEvent("meeting.ended", 42));
    deliverInbox();

    HttpResponse<String> report = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/api/inbox?status=UNMATCHED"))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("tom:demo".getBytes()))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.body()).contains("meeting.ended").contains("No session has zoom meeting 1");
  }

  @Test
  void aDailyLimitWaitsUntilTheDateZoomNames() {
    String tomorrow = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusHours(20));
    ZOOM.stubFor(post(urlPathEqualTo("/v2/users/me/meetings"))
        .willReturn(jsonStatus(429, "{\"code\": 429, \"message\": \"You have reached the maximum daily rate limit\"}")
            .withHeader("Retry-After", tomorrow).withHeader("X-RateLimit-Type", "Daily-limit")));
    String pid = prepareWithFailingMeetingCreation();

    Job job = createMeetingJob(pid);
    assertThat(job.getDuedate().toInstant()).isAfter(Instant.now().plus(Duration.ofHours(19)));
    assertThat(job.getExceptionMessage()).contains("Daily-limit");
  }

  @Test
  void aMeetingTheCustomerNeverJoinedIsCancelled() {
    ZOOM.stubFor(delete(urlPathEqualTo("/v2/meetings/" + meetingId)).willReturn(aResponse().withStatus(204)));
    String pid = startAndPrepare();
    driver.complete(pid, WAIT_FOR_CUSTOMER, Map.of("customerPresence", "NO_SHOW"));
    driver.complete(pid, WAIT_FOR_CUSTOMER,
        Map.of("customerPresence", "NO_SHOW"));
    driver.complete(pid, HANDLE_NO_SHOW, Map.of("noShowDecision", "CLOSE"));

    ZOOM.verify(deleteRequestedFor(urlPathEqualTo("/v2/meetings/" + meetingId)));
    ZOOM.verify(0, putRequestedFor(urlPathEqualTo("/v2/meetings/" + meetingId + "/status")));
  }

  @Test
  void aTranscriptOnAForeignHostIsRefused() {
    assertThatThrownBy(() -> transcripts.download("https://files.evil.example.com/transcript.vtt"))
        .hasMessageContaining("not a Zoom host");
    assertThatThrownBy(() -> transcripts.download("https://zoom.us.evil.example.com/t.vtt"))
        .hasMessageContaining("not a Zoom host");
    assertThat(ZOOM.getAllServeEvents()).noneMatch(e -> e.getRequest().getUrl().contains("transcript"));
  }

  // --- helpers

  private String startAndPrepare() {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket()));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "callMode", "VIDEO", "agentDevicesChecked", true, "callNowOutsideHours", true));
    return pid;
  }

  /** Completes the preparation and runs the meeting creation once, which fails. */
  private String prepareWithFailingMeetingCreation() {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket()));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    var task = driver.task(pid, PREPARE_SESSION);
    engine.getFormService().submitTaskForm(task.getId(), Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "callMode", "VIDEO", "agentDevicesChecked", true, "callNowOutsideHours", true));
    Job job = createMeetingJob(pid);
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId())).isInstanceOf(Exception.class);
    return pid;
  }

  private void retryCreateMeeting(String pid) {
    engine.getManagementService().executeJob(createMeetingJob(pid).getId());
    driver.runDueJobs();
  }

  private Job createMeetingJob(String pid) {
    return engine.getManagementService().createJobQuery().processInstanceId(pid).activityId(CREATE_MEETING)
        .singleResult();
  }

  private void deliverInbox() {
    inboxWorker.processDue();
    driver.runDueJobs();
  }

  private int webhook(String body) throws Exception {
    String now = String.valueOf(clock.instant().getEpochSecond());
    return send(body, signatures().sign(now, body), now).statusCode();
  }

  private HttpResponse<String> send(String body, String signature, String timestamp) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/zoom"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      request.header("x-zm-signature", signature).header("x-zm-request-timestamp", timestamp);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private ZoomWebhookSignatures signatures() {
    return new ZoomWebhookSignatures(SECRET, Duration.ofMinutes(5), clock);
  }

  private String meetingEvent(String event, long eventTs) {
    String files = event.startsWith("recording") ? ", \"recording_files\": [{\"id\": \"f-1\", \"meeting_id\": \"uuid-"
        + meetingId + "\", \"file_type\": \"MP4\", \"status\": \"completed\", \"download_url\": \"" + ZOOM.baseUrl()
        + "/rec/download/video.mp4\"}]" : "";
    return "{\"event\": \"" + event + "\", \"event_ts\": " + eventTs + ", \"payload\": {\"account_id\": \"acc-123\", "
        + "\"object\": {\"id\": \"" + meetingId + "\", \"uuid\": \"uuid-" + meetingId + "==\", \"host_id\": \"host-zoom-1\", "
        + "\"topic\": \"Video support\", \"type\": 2, \"duration\": 10, \"timezone\": \"UTC\"" + files + "}}"
        + (event.startsWith("recording") ? ", \"download_token\": \"dl-token\"" : "") + "}";
  }

  private String participantEvent(String event, long eventTs, String userId, String email) {
    String accountUser = email.isEmpty() ? "" : "\"participant_user_id\": \"zoom-user-" + userId + "\", ";
    return "{\"event\": \"" + event + "\", \"event_ts\": " + eventTs + ", \"payload\": {\"account_id\": \"acc-123\", "
        + "\"object\": {\"id\": \"" + meetingId + "\", \"uuid\": \"uuid-" + meetingId + "==\", \"host_id\": \"host-zoom-1\", "
        + "\"topic\": \"Video support\", \"type\": 2, \"duration\": 10, \"participant\": {" + accountUser
        + "\"user_id\": \"" + userId + "\", \"user_name\": \"" + userId + "\", \"id\": \"\", \"email\": \"" + email
        + "\", \"participant_uuid\": \"p-" + userId + "\", \"join_time\": \"2026-11-25T10:00:00Z\"}}}}";
  }

  private String meetingJson(String agenda) {
    return "{\"id\": " + meetingId + ", \"uuid\": \"uuid-" + meetingId + "==\", \"host_id\": \"host-zoom-1\", "
        + "\"host_email\": \"support@example.com\", \"topic\": \"Video support: Router setup\", \"type\": 2, "
        + "\"status\": \"waiting\", \"start_time\": \"2026-11-25T10:00:00Z\", \"duration\": 10, \"timezone\": \"UTC\", "
        + (agenda == null ? "" : "\"agenda\": \"" + agenda + "\", ")
        + "\"created_at\": \"2026-11-25T09:59:00Z\", \"start_url\": \"https://us05web.zoom.us/s/" + meetingId
        + "?zak=host-secret\", \"join_url\": \"https://us05web.zoom.us/j/" + meetingId + "?pwd=abc\", "
        + "\"password\": \"abc\", \"settings\": {\"waiting_room\": true, \"join_before_host\": false, "
        + "\"auto_recording\": \"none\"}}";
  }

  private String recordingsJson() {
    return "{\"uuid\": \"uuid-" + meetingId + "==\", \"id\": " + meetingId + ", \"host_id\": \"host-zoom-1\", "
        + "\"topic\": \"Video support\", \"recording_count\": 2, \"recording_files\": ["
        + "{\"id\": \"f-1\", \"meeting_id\": \"uuid-" + meetingId + "==\", \"file_type\": \"MP4\", \"file_extension\": "
        + "\"MP4\", \"status\": \"completed\", \"recording_type\": \"shared_screen_with_speaker_view\", "
        + "\"download_url\": \"" + ZOOM.baseUrl() + "/rec/download/video.mp4\"},"
        + "{\"id\": \"f-2\", \"meeting_id\": \"uuid-" + meetingId + "==\", \"file_type\": \"TRANSCRIPT\", "
        + "\"file_extension\": \"VTT\", \"status\": \"completed\", \"recording_type\": \"audio_transcript\", "
        + "\"download_url\": \"" + ZOOM.baseUrl() + "/rec/download/transcript.vtt\"}]}";
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder jsonStatus(int status, String json) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json);
  }

  private VideoSession sessionOf(String pid) {
    return sessions.findById(UUID.fromString((String) engine.getRuntimeService().getVariable(pid, "sessionId")))
        .orElseThrow();
  }

  private List<OutboxMessage> messages(VideoSession session, MessagePurpose purpose) {
    return outbox.forSession(session.id()).stream().filter(m -> m.purpose() == purpose).toList();
  }

  private static String ticket() {
    return "Z-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
