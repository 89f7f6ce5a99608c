package io.videocallsupport.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.videocallsupport.session.VideoSupportSession.Elements.ASK_RECORDING_CONSENT;
import static io.videocallsupport.session.VideoSupportSession.Elements.CONDUCT_VIDEO_CALL;
import static io.videocallsupport.session.VideoSupportSession.Elements.CREATE_MEETING;
import static io.videocallsupport.session.VideoSupportSession.Elements.OFFER_VIDEO_CALL;
import static io.videocallsupport.session.VideoSupportSession.Elements.PREPARE_SESSION;
import static io.videocallsupport.session.VideoSupportSession.Elements.RECORD_CALL_OUTCOME;
import static io.videocallsupport.session.VideoSupportSession.Elements.WAIT_FOR_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.videocallsupport.call.Meeting;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.helpdesk.TicketNote;
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
import io.videocallsupport.support.FakeTransports;
import io.videocallsupport.support.FakeTwilio;
import io.videocallsupport.support.FakeTwilioVideo;
import io.videocallsupport.support.MessagingTransportsTest;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.SentMessages;
import io.videocallsupport.support.Sessions;
import io.videocallsupport.support.TwilioSignatures;
import io.videocallsupport.lifecycle.TestDates;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A session on Twilio Video, against WireMock standing in for Twilio's Video REST API
 * ({@link FakeTwilioVideo}) and room callbacks signed as Twilio signs them: from room creation to
 * the deletion of the room's recordings.
 */
@MessagingTransportsTest
class TwilioVideoIntegrationTest {

  /** The configured public URL (application-test.yaml): Twilio signs the URL it was given. */
  private static final String CALLBACK_URL = "http://localhost:8080/webhooks/twilio/video";
  private static final Pattern JOIN_TOKEN = Pattern.compile("/join/([A-Za-z0-9_-]{43})");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired SessionRepository sessions;
  @Autowired Outbox outbox;
  @Autowired SentMessages sent;
  @Autowired Inbox inbox;
  @Autowired InboxWorker inboxWorker;
  @Autowired RecordingRepository recordings;
  @Autowired HelpDesk helpDesk;
  @Autowired TwilioVideoPlatform platform;
  @Autowired ObjectMapper json;

  final FakeTwilio twilio = FakeTransports.twilio();
  final FakeTwilioVideo video = twilio.video();
  final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    driver = new ProcessDriver(engine);
  }

  @Test
  void aSessionRunsOnTwilioVideoFromRoomCreationToRecordingDeletion() throws Exception {
    String pid = startAndPrepare("NOW");
    VideoSession session = sessionOf(pid);
    String name = "vcs-" + session.id();

    assertThat(session.meetingId()).isEqualTo(name);
    assertThat(session.customerJoinUrl()).isEqualTo("http://localhost:8080/video");
    assertThat(session.hostJoinUrl()).isEqualTo("http://localhost:8080/video/host/" + name);
    Map<String, String> created = single(roomCreations(name));
    assertThat(created).containsEntry("Type", "group").containsEntry("MaxParticipants", "6")
        .containsEntry("RecordParticipantsOnConnect", "false")
        .containsEntry("StatusCallback", CALLBACK_URL).containsEntry("StatusCallbackMethod", "POST")
        .containsEntry("EmptyRoomTimeout", "10").containsEntry("UnusedRoomTimeout", "60");
    assertThat(json.readTree(created.get("RecordingRules")))
        .isEqualTo(json.readTree("{\"rules\": [{\"type\": \"exclude\", \"all\": true}]}"));
    String roomSid = single(video.roomsNamed(name)).path("sid").asText();
    assertThat(video.recordsEveryone(roomSid)).isFalse();
    assertThat(messages(session, MessagePurpose.INVITATION)).allSatisfy(m -> assertThat(m.bodyText())
        .contains("/join/").doesNotContain("/video"));

    // The customer's browser gets an access token for this room only, under the customer's identity.
    JsonNode token = jwtClaims(customerToken(joinToken(session)));
    assertThat(token.path("iss").asText()).isEqualTo(FakeTwilio.API_KEY);
    assertThat(token.path("sub").asText()).isEqualTo(FakeTwilio.ACCOUNT_SID);
    assertThat(token.path("grants").path("identity").asText()).isEqualTo("customer:" + session.id());
    assertThat(token.path("grants").path("video").path("room").asText()).isEqualTo(name);
    assertThat(token.path("exp").asLong()).as("valid for the configured 4 hours")
        .isCloseTo(java.time.Instant.now().getEpochSecond() + 4 * 3600, org.assertj.core.api.Assertions.within(120L));

    assertThat(callback(video.callback(roomSid, "room-created", null))).isEqualTo(204);
    assertThat(callback(video.callback(roomSid, "participant-connected", "agent:anna"))).isEqualTo(204);
    Map<String, String> joined = video.callback(roomSid, "participant-connected", "customer:" + session.id());
    assertThat(callback(joined)).isEqualTo(204);
    assertThat(callback(joined)).as("Twilio repeats a callback").isEqualTo(204);
    deliverInbox();
    assertThat(inbox.bySource("twilio-video").stream().filter(e -> e.dedupeKey().startsWith(roomSid)))
        .hasSize(3);

    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", true, "sensitiveDataOnScreen", false));
    assertThat(video.recordsEveryone(roomSid)).as("recording follows consent").isTrue();
    video.recordTracks(roomSid, "agent:anna", "customer:" + session.id());
    video.composeRoom(roomSid);
    assertThat(video.keptRecordings(roomSid)).hasSize(4);

    // The host ends the call: Twilio completes the room and reports it.
    platform.endMeeting(new Meeting(TwilioVideoPlatform.NAME, name, null, null));
    assertThat(video.room(roomSid).orElseThrow().path("status").asText()).isEqualTo("completed");
    callback(video.callback(roomSid, "participant-disconnected", "customer:" + session.id()));
    callback(video.callback(roomSid, "participant-disconnected", "agent:anna"));
    callback(video.callback(roomSid, "room-ended", null));
    deliverInbox();
    driver.complete(pid, RECORD_CALL_OUTCOME, Map.of("callOutcome", "RESOLVED"));
    assertThat(engine.getRuntimeService().getVariable(pid, "callDropRetries"))
        .as("the disconnect came after the call ended: no drop").isEqualTo(0);

    Recording recording = single(recordings.findBySession(session.id()));
    assertThat(recording.platform()).isEqualTo("twilio");
    assertThat(recording.platformRecordingId()).isEqualTo(roomSid);
    assertThat(recording.consentOnRecord()).isTrue();
    driver.fireTimer(recording.processInstanceId(), RecordingRetention.Elements.RETENTION_PERIOD_OVER);

    assertThat(video.keptRecordings(roomSid)).isEmpty();
    assertThat(video.keptCompositions(roomSid)).isEmpty();
    twilio.server().verify(4, deleteRequestedFor(urlPathMatching("/v1/Recordings/RT[0-9a-f]{32}")));
    twilio.server().verify(1, deleteRequestedFor(urlPathMatching("/v1/Compositions/CJ[0-9a-f]{32}")));
    assertThat(recordings.findById(recording.id()).orElseThrow().state()).isEqualTo(Recording.RecordingState.DELETED);

    // Deleting again (a retried job) finds nothing left and deletes nothing twice.
    platform.deleteRecording(new io.videocallsupport.call.PlatformRecording("twilio", name, roomSid, null));
    twilio.server().verify(4, deleteRequestedFor(urlPathMatching("/v1/Recordings/RT[0-9a-f]{32}")));
  }

  @Test
  void theAgentsOfTheSessionGetHostTokensEndTheCallAndStopTheRecordingForSensitiveData() throws Exception {
    String pid = startAndPrepare("NOW");
    VideoSession session = sessionOf(pid);
    String name = session.meetingId();
    String roomSid = single(video.roomsNamed(name)).path("sid").asText();
    String tokenPath = "/video/host/" + name + "/token";

    HttpResponse<String> anonymous = page(tokenPath, null);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/room/login"));
    assertThat(page(tokenPath, login("maria")).statusCode()).as("managers watch, they do not host").isEqualTo(403);
    JsonNode lead = jwtClaims(json.readTree(page(tokenPath, login("tom")).body()).path("token").asText());
    assertThat(lead.path("grants").path("identity").asText()).isEqualTo("agent:tom");

    String anna = login("anna");
    HttpResponse<String> hostToken = page(tokenPath, anna);
    assertThat(hostToken.statusCode()).isEqualTo(200);
    JsonNode host = jwtClaims(json.readTree(hostToken.body()).path("token").asText());
    assertThat(host.path("grants").path("identity").asText()).isEqualTo("agent:anna");
    assertThat(host.path("grants").path("video").path("room").asText()).isEqualTo(name);
    assertThat(page("/video/host/vcs-" + UUID.randomUUID() + "/token", anna).statusCode())
        .as("no session has that room").isEqualTo(403);

    callback(video.callback(roomSid, "participant-connected", "customer:" + session.id()));
    deliverInbox();
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", true, "sensitiveDataOnScreen", false));
    assertThat(video.recordsEveryone(roomSid)).isTrue();

    assertThat(postAsHost("/video/host/" + name + "/sensitive-data", anna, false))
        .as("a POST without the CSRF token").isEqualTo(403);
    assertThat(video.recordsEveryone(roomSid)).isTrue();
    assertThat(postAsHost("/video/host/" + name + "/sensitive-data", anna, true)).isEqualTo(204);
    assertThat(video.recordsEveryone(roomSid)).isFalse();
    assertThat(engine.getRuntimeService().getVariable(pid, "recordingActive")).isEqualTo(false);
    assertThat(notes(session)).contains("anna marked sensitive data on screen in the Twilio room; recording stopped.");

    assertThat(postAsHost("/video/host/" + name + "/end", anna, true)).isEqualTo(204);
    assertThat(video.room(roomSid).orElseThrow().path("status").asText()).isEqualTo("completed");
    callback(video.callback(roomSid, "participant-disconnected", "customer:" + session.id()));
    callback(video.callback(roomSid, "room-ended", null));
    deliverInbox();
    driver.task(pid, RECORD_CALL_OUTCOME);
    assertThat(engine.getRuntimeService().getVariable(pid, "callDropRetries")).isEqualTo(0);
    assertThat(page(tokenPath, anna).statusCode()).as("the call is over").isEqualTo(410);
  }

  @Test
  void aCustomerWhoPressesLeaveHasNotDroppedButOneWhoComesBackAndLosesTheConnectionHas() throws Exception {
    String pid = startAndPrepare("NOW");
    VideoSession session = sessionOf(pid);
    String roomSid = single(video.roomsNamed(session.meetingId())).path("sid").asText();
    String customer = "customer:" + session.id();
    callback(video.callback(roomSid, "participant-connected", customer));
    deliverInbox();
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", false, "sensitiveDataOnScreen", false));

    String joinCookie = joinCookie(joinToken(session));
    HttpResponse<String> callPage = page("/video", joinCookie);
    assertThat(callPage.statusCode()).isEqualTo(200);
    String cookies = joinCookie + "; " + sessionCookie(callPage);
    String csrf = attribute(callPage.body(), "data-csrf-token");
    assertThat(attribute(callPage.body(), "data-leave-path")).isEqualTo("/video/leave");

    assertThat(postAsCustomer("/video/leave", cookies, null)).as("without the CSRF token").isEqualTo(403);
    assertThat(postAsCustomer("/video/leave", cookies, csrf)).isEqualTo(204);
    callback(video.callback(roomSid, "participant-disconnected", customer));
    deliverInbox();
    assertThat(engine.getRuntimeService().getVariable(pid, "callDropRetries")).as("a goodbye").isEqualTo(0);
    assertThat(notes(session)).contains("The customer left the call.");
    assertThat(messages(session, MessagePurpose.REJOIN_LINK)).isEmpty();

    // Back on the call page, a lost connection is a drop again.
    assertThat(page("/video", joinCookie).statusCode()).isEqualTo(200);
    callback(video.callback(roomSid, "participant-connected", customer));
    callback(video.callback(roomSid, "participant-disconnected", customer));
    deliverInbox();
    assertThat(engine.getRuntimeService().getVariable(pid, "callDropRetries")).isEqualTo(1);
  }

  @Test
  void callbacksWithoutTwiliosSignatureAreRefusedAndChangeNothing() throws Exception {
    String pid = startAndPrepare("NOW");
    VideoSession session = sessionOf(pid);
    String roomSid = single(video.roomsNamed(session.meetingId())).path("sid").asText();
    Map<String, String> joined = video.callback(roomSid, "participant-connected", "customer:" + session.id());
    int before = inbox.bySource("twilio-video").size();

    assertThat(post(joined, "bm90IGEgc2lnbmF0dXJl")).isEqualTo(403);
    assertThat(post(joined, null)).isEqualTo(403);
    assertThat(post(joined, TwilioSignatures.sign(FakeTwilio.AUTH_TOKEN, "http://localhost:8080/other", joined)))
        .as("signed for another URL").isEqualTo(403);
    assertThat(post(joined, TwilioSignatures.sign("another-accounts-token", CALLBACK_URL, joined))).isEqualTo(403);
    assertThat(inbox.bySource("twilio-video")).hasSize(before);
    deliverInbox();
    driver.task(pid, WAIT_FOR_CUSTOMER);
  }

  @Test
  void aDisconnectThatArrivesAfterTheReconnectIsNoDropButARealDropIs() throws Exception {
    String pid = startAndPrepare("NOW");
    VideoSession session = sessionOf(pid);
    String roomSid = single(video.roomsNamed(session.meetingId())).path("sid").asText();
    String customer = "customer:" + session.id();
    callback(video.callback(roomSid, "participant-connected", customer));
    deliverInbox();
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", false, "sensitiveDataOnScreen", false));
    assertThat(video.recordsEveryone(roomSid)).isFalse();

    // The customer's network blinked: Twilio numbers the disconnect before the reconnect, but the
    // reconnect is delivered first.
    Map<String, String> disconnected = video.callback(roomSid, "participant-disconnected", customer);
    Map<String, String> reconnected = video.callback(roomSid, "participant-connected", customer);
    callback(reconnected);
    callback(disconnected);
    deliverInbox();
    driver.task(pid, CONDUCT_VIDEO_CALL);
    assertThat(engine.getRuntimeService().getVariable(pid, "callDropRetries")).isEqualTo(0);
    assertThat(notes(session)).anyMatch(n -> n.contains("rejoined"));
    assertThat(inbox.bySource("twilio-video")).extracting(InboxEvent::status)
        .doesNotContain(InboxEvent.InboxStatus.PENDING, InboxEvent.InboxStatus.FAILED);

    callback(video.callback(roomSid, "participant-disconnected", customer));
    deliverInbox();
    assertThat(engine.getRuntimeService().getVariable(pid, "callDropRetries")).as("a real drop").isEqualTo(1);
    assertThat(messages(session, MessagePurpose.REJOIN_LINK)).isNotEmpty()
        .allSatisfy(m -> assertThat(m.bodyText()).contains("/join/"));
    driver.task(pid, CONDUCT_VIDEO_CALL);
  }

  @Test
  void aScheduledCallGetsItsRoomWhenSomeoneComesAndAClosedRoomReopensWithItsRecordingRule() throws Exception {
    String pid = startAndPrepare("SCHEDULED");
    VideoSession session = sessionOf(pid);
    String name = session.meetingId();
    assertThat(roomCreations(name)).as("a room would close unused long before the call").isEmpty();

    String first = platform.open(name);
    assertThat(platform.open(name)).as("the open room is reused").isEqualTo(first);
    assertThat(roomCreations(name)).hasSize(1);

    platform.startRecording(new Meeting(TwilioVideoPlatform.NAME, name, null, null));
    assertThat(video.recordsEveryone(first)).isTrue();
    video.closeRoom(first);

    String second = platform.open(name);
    assertThat(second).isNotEqualTo(first);
    assertThat(video.recordsEveryone(second)).as("the new room records like the one before").isTrue();
    platform.stopRecording(new Meeting(TwilioVideoPlatform.NAME, name, null, null));
    assertThat(video.recordsEveryone(second)).isFalse();
  }

  @Test
  void whenSomeoneElseOpenedTheRoomAMomentEarlierTheirRoomIsUsed() {
    String name = "vcs-" + UUID.randomUUID();
    // Between our look-up (nothing open yet) and our create, the other side's create went through.
    twilio.server().stubFor(get(urlPathEqualTo("/v1/Rooms/" + name)).atPriority(1)
        .inScenario("race " + name).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("looked up")
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody("{\"code\": 20404, \"message\": \"The requested resource was not found\", "
                + "\"more_info\": \"https://www.twilio.com/docs/errors/20404\", \"status\": 404}")));
    String theirs = platform.open(name);
    twilio.server().resetScenarios();

    assertThat(video.roomsNamed(name)).hasSize(1);
    assertThat(platform.open(name)).isEqualTo(theirs);
  }

  @Test
  void twilioDownWhileCreatingTheRoomIsRetriedAndCreatesOneRoom() {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket()));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    video.failNext(1);
    var task = driver.task(pid, PREPARE_SESSION);
    engine.getFormService().submitTaskForm(task.getId(), prepareForm("NOW", null));
    Job job = createMeetingJob(pid);
    assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
        .hasMessageContaining("Twilio answered 503").hasMessageContaining("retried");

    Job failed = createMeetingJob(pid);
    assertThat(failed.getRetries()).as("a retry used, more left").isPositive();
    engine.getManagementService().executeJob(failed.getId());
    driver.runDueJobs();

    VideoSession session = sessionOf(pid);
    assertThat(video.roomsNamed(session.meetingId())).hasSize(1);
    driver.task(pid, WAIT_FOR_CUSTOMER);
  }

  // --- helpers

  private String startAndPrepare(String timing) {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket()));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    String slot = timing.equals("NOW") ? null
        : LocalDateTime.of(TestDates.nextBusinessDay(), LocalTime.of(11, 0)).toString();
    driver.complete(pid, PREPARE_SESSION, prepareForm(timing, slot));
    return pid;
  }

  private static Map<String, Object> prepareForm(String timing, String slot) {
    Map<String, Object> form = new java.util.HashMap<>(Map.of("callTiming", timing, "expectedDurationMinutes", 10,
        "callMode", "VIDEO", "agentDevicesChecked", true, "callNowOutsideHours", true));
    if (slot != null) {
      form.put("scheduledStart", slot);
    }
    return form;
  }

  private Job createMeetingJob(String pid) {
    return engine.getManagementService().createJobQuery().processInstanceId(pid).activityId(CREATE_MEETING)
        .singleResult();
  }

  private List<Map<String, String>> roomCreations(String name) {
    return twilio.server().findAll(postRequestedFor(urlPathEqualTo("/v1/Rooms"))).stream()
        .map(r -> FakeTwilio.form(r.getBodyAsString()))
        .filter(f -> name.equals(f.get("UniqueName")))
        .toList();
  }

  private void deliverInbox() {
    inboxWorker.processDue();
    driver.runDueJobs();
  }

  private int callback(Map<String, String> fields) throws Exception {
    return post(fields, TwilioSignatures.sign(FakeTwilio.AUTH_TOKEN, CALLBACK_URL, fields));
  }

  private int post(Map<String, String> fields, String signature) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/twilio/video"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"))));
    if (signature != null) {
      request.header("X-Twilio-Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Logs a demo user in through the agent login form; returns the session cookie. */
  private String login(String user) throws Exception {
    HttpResponse<String> form = page("/room/login", null);
    String cookie = sessionCookie(form);
    HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/room/login"))
        .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
            + encode(csrf(form.body()))))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(loggedIn.statusCode()).isEqualTo(302);
    assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return sessionCookie(loggedIn);
  }

  private int postAsHost(String path, String cookie, boolean withCsrf) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody());
    if (withCsrf) {
      request.header("X-CSRF-TOKEN", csrf(page("/room/login", cookie).body()));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private HttpResponse<String> page(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow();
  }

  private static String csrf(String html) {
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(token.find()).as("the form's CSRF token").isTrue();
    return token.group(1);
  }

  /** Opens the join link as the customer's browser does; returns the link's cookie. */
  private String joinCookie(String joinToken) throws Exception {
    HttpResponse<Void> opened = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/join/"
        + joinToken)).GET().build(), HttpResponse.BodyHandlers.discarding());
    return opened.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
  }

  private int postAsCustomer(String path, String cookies, String csrf) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Cookie", cookies).POST(HttpRequest.BodyPublishers.noBody());
    if (csrf != null) {
      request.header("X-CSRF-TOKEN", csrf);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String attribute(String html, String name) {
    Matcher value = Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
    assertThat(value.find()).as(name).isTrue();
    return value.group(1);
  }

  /** Opens the join link as the customer's browser does and asks the call page for a token. */
  private String customerToken(String joinToken) throws Exception {
    String cookie = joinCookie(joinToken);
    HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/video/token")).header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(token.statusCode()).isEqualTo(200);
    assertThat(token.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    return json.readTree(token.body()).path("token").asText();
  }

  private JsonNode jwtClaims(String jwt) throws Exception {
    String[] parts = jwt.split("\\.");
    assertThat(parts).hasSize(3);
    assertThat(json.readTree(Base64.getUrlDecoder().decode(parts[0])).path("cty").asText()).isEqualTo("twilio-fpa;v=1");
    return json.readTree(Base64.getUrlDecoder().decode(parts[1]));
  }

  private String joinToken(VideoSession session) {
    Matcher link = JOIN_TOKEN.matcher(sent.text(messages(session, MessagePurpose.INVITATION).get(0)));
    assertThat(link.find()).isTrue();
    return link.group(1);
  }

  private VideoSession sessionOf(String pid) {
    return sessions.findById(UUID.fromString((String) engine.getRuntimeService().getVariable(pid, "sessionId")))
        .orElseThrow();
  }

  private List<OutboxMessage> messages(VideoSession session, MessagePurpose purpose) {
    return outbox.forSession(session.id()).stream().filter(m -> m.purpose() == purpose).toList();
  }

  private List<String> notes(VideoSession session) {
    return helpDesk.notes(session.ticketId()).stream().map(TicketNote::body).toList();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static <T> T single(List<T> items) {
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  private static String ticket() {
    return "TV-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
