package io.videocallsupport.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.videocallsupport.call.PlatformEventRouter;
import io.videocallsupport.call.PlatformEvents;
import io.videocallsupport.retention.Recording;
import io.videocallsupport.retention.RecordingRepository;
import io.videocallsupport.retention.RecordingRetention;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.Sessions;
import io.videocallsupport.transcript.Transcripts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Texts longer than a process variable holds (4,000 characters), on Zoom faked by WireMock: a
 * 1 MB transcript goes through "End meeting and record outcome" into the application's table, the
 * agent's form gets an excerpt, and the transcript goes with the recording; a summary one character
 * too long is refused with a message Tasklist shows, not a 500. Runs on H2 and on PostgreSQL.
 */
abstract class LongTextScenarios {

  static final WireMockServer ZOOM = new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    ZOOM.start();
  }

  @DynamicPropertySource
  static void zoom(DynamicPropertyRegistry properties) {
    properties.add("spring.datasource.url", () -> "jdbc:h2:mem:video-call-support-long-texts;DB_CLOSE_DELAY=-1");
    properties.add("vcs.video.platform", () -> "zoom");
    properties.add("vcs.zoom.api-url", () -> ZOOM.baseUrl() + "/v2");
    properties.add("vcs.zoom.oauth-url", ZOOM::baseUrl);
    properties.add("vcs.zoom.account-id", () -> "acc-123");
    properties.add("vcs.zoom.client-id", () -> "client-123");
    properties.add("vcs.zoom.client-secret", () -> "client-secret");
    properties.add("vcs.zoom.webhook-secret", () -> "zoom-webhook-secret-for-tests");
    properties.add("vcs.zoom.trusted-download-hosts", () -> "localhost");
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired PlatformEventRouter router;
  @Autowired Transcripts transcripts;
  @Autowired RecordingRepository recordings;

  final HttpClient http = HttpClient.newHttpClient();
  ProcessDriver driver;
  long meetingId;

  @BeforeEach
  void zoomAnswers() {
    driver = new ProcessDriver(engine);
    ZOOM.resetAll();
    meetingId = 81_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    ZOOM.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson(
        "{\"access_token\": \"token-1\", \"token_type\": \"bearer\", \"expires_in\": 3599}")));
    ZOOM.stubFor(post(urlPathEqualTo("/v2/users/me/meetings")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"id\": " + meetingId + ", \"uuid\": \"uuid-"
            + meetingId + "==\", \"topic\": \"Video support\", \"type\": 2, \"start_url\": \"https://us05web.zoom.us/s/"
            + meetingId + "?zak=host-secret\", \"join_url\": \"https://us05web.zoom.us/j/" + meetingId + "?pwd=abc\"}")));
    ZOOM.stubFor(get(urlPathEqualTo("/v2/users/me/meetings")).willReturn(okJson("{\"meetings\": []}")));
    ZOOM.stubFor(patch(urlPathEqualTo("/v2/live_meetings/" + meetingId + "/events")).willReturn(aResponse().withStatus(202)));
    ZOOM.stubFor(put(urlPathEqualTo("/v2/meetings/" + meetingId + "/status")).willReturn(aResponse().withStatus(204)));
    ZOOM.stubFor(delete(urlPathEqualTo("/v2/meetings/" + meetingId + "/recordings")).willReturn(aResponse().withStatus(204)));
    ZOOM.stubFor(get(urlPathEqualTo("/v2/meetings/" + meetingId + "/recordings")).willReturn(okJson(
        "{\"uuid\": \"uuid-" + meetingId + "==\", \"id\": " + meetingId + ", \"recording_files\": ["
            + "{\"id\": \"f-1\", \"file_type\": \"MP4\", \"status\": \"completed\", \"download_url\": \""
            + ZOOM.baseUrl() + "/rec/download/video.mp4\"},"
            + "{\"id\": \"f-2\", \"file_type\": \"TRANSCRIPT\", \"file_extension\": \"VTT\", \"status\": \"completed\", "
            + "\"download_url\": \"" + ZOOM.baseUrl() + "/rec/download/transcript.vtt\"}]}")));
  }

  @Test
  void aOneMegabyteTranscriptGoesThroughTheEndOfTheCallAndWithTheRecording() throws Exception {
    List<String> lines = new ArrayList<>();
    String vtt = webVtt(1024 * 1024, lines);
    ZOOM.stubFor(get(urlPathEqualTo("/rec/download/transcript.vtt")).withHeader("Authorization", equalTo("Bearer token-1"))
        .willReturn(aResponse().withHeader("Content-Type", "text/vtt").withBody(vtt)));
    String pid = throughTheCall();

    driver.complete(pid, RECORD_CALL_OUTCOME, Map.of("callOutcome", "RESOLVED"));

    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pid).withException().count())
        .as("failed jobs").isZero();
    driver.task(pid, WRITE_SUMMARY);
    UUID session = sessionId(pid);
    Transcripts.Transcript stored = transcripts.find(session).orElseThrow();
    assertThat(stored.content()).as("stored whole").isEqualTo(String.join("\n", lines));
    assertThat(stored.content().length()).isGreaterThan(500_000);
    assertThat(stored.truncated()).isFalse();
    String excerpt = (String) engine.getRuntimeService().getVariable(pid, "transcriptDraft");
    assertThat(excerpt.length()).isLessThanOrEqualTo(4000);
    assertThat(excerpt).startsWith(lines.get(0) + "\n" + lines.get(1))
        .contains(String.format(java.util.Locale.ROOT, "of %,d characters", stored.content().length()))
        .endsWith("/api/sessions/" + session + "/transcript]");

    HttpResponse<String> whole = getAs("/api/sessions/" + session + "/transcript", "anna");
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(whole.body()).isEqualTo(stored.content());
    assertThat(getAs("/api/sessions/" + session + "/transcript", "maria").statusCode())
        .as("managers read figures, not recording content").isEqualTo(403);

    String platformRecordingId = "uuid-" + meetingId + "==/f-1";
    router.recordingReady("zoom", String.valueOf(meetingId), platformRecordingId, null);
    driver.runDueJobs();
    Recording recording = recordings.findByPlatformId("zoom", platformRecordingId).orElseThrow();
    driver.fireTimer(recording.processInstanceId(), RecordingRetention.Elements.RETENTION_PERIOD_OVER);
    assertThat(recordings.findById(recording.id()).orElseThrow().state()).isEqualTo(Recording.RecordingState.DELETED);
    assertThat(transcripts.find(session)).as("the transcript goes with the recording").isEmpty();
    assertThat(engine.getRuntimeService().getVariable(pid, "transcriptDraft")).isNull();
    assertThat(getAs("/api/sessions/" + session + "/transcript", "anna").statusCode()).isEqualTo(404);
  }

  @Test
  void aSummaryLongerThanAVariableHoldsIsRefusedWithAMessageNotA500() throws Exception {
    ZOOM.stubFor(get(urlPathEqualTo("/rec/download/transcript.vtt"))
        .willReturn(aResponse().withBody("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAnna Agent: Hello.\n")));
    String pid = throughTheCall();
    driver.complete(pid, RECORD_CALL_OUTCOME, Map.of("callOutcome", "RESOLVED"));
    assertThat(engine.getRuntimeService().getVariable(pid, "transcriptDraft"))
        .as("a short transcript is shown whole").isEqualTo("Anna Agent: Hello.");
    Task summary = driver.task(pid, WRITE_SUMMARY);

    HttpResponse<String> tooLong = submit(summary, "a".repeat(4001));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("'callSummary' has 4,001 characters").contains("at most 4,000");
    driver.task(pid, WRITE_SUMMARY);

    assertThat(submit(summary, "b".repeat(4000)).statusCode()).isEqualTo(204);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pid)
        .variableName("callSummary").singleResult().getValue()).isEqualTo("b".repeat(4000));
  }

  // --- helpers

  /** Starts a session on Zoom and runs it to "Record call outcome": joined, recording consented, ended. */
  private String throughTheCall() {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm("LT-" + UUID.randomUUID().toString().substring(0, 8)));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "callMode", "VIDEO", "agentDevicesChecked", true, "callNowOutsideHours", true));
    router.deliver("zoom", String.valueOf(meetingId), PlatformEvents.CUSTOMER_JOINED, Map.of());
    driver.runDueJobs();
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", true, "sensitiveDataOnScreen", false));
    router.deliver("zoom", String.valueOf(meetingId), PlatformEvents.CALL_ENDED, Map.of());
    driver.runDueJobs();
    return pid;
  }

  /** A WebVTT file of at least {@code bytes}, as Zoom writes them; {@code lines} gets the spoken lines. */
  private static String webVtt(int bytes, List<String> lines) {
    StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
    for (int cue = 1; vtt.length() < bytes; cue++) {
      String line = (cue % 2 == 0 ? "Jo Doe" : "Anna Agent") + ": step " + cue
          + " – the router's page shows <b>error 651</b> & the light blinks.";
      lines.add(line);
      int second = cue * 3;
      vtt.append(cue).append('\n').append(timestamp(second)).append(" --> ").append(timestamp(second + 2)).append('\n')
          .append(line).append("\n\n");
    }
    return vtt.toString();
  }

  private static String timestamp(int second) {
    return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d.000", second / 3600, second / 60 % 60, second % 60);
  }

  private UUID sessionId(String pid) {
    return UUID.fromString((String) engine.getRuntimeService().getVariable(pid, "sessionId"));
  }

  /** Submits "Write call summary" as Tasklist does, as the agent. */
  private HttpResponse<String> submit(Task task, String summary) throws Exception {
    String body = "{\"variables\": {\"callSummary\": {\"value\": \"" + summary + "\"}, "
        + "\"stepsTaken\": {\"value\": \"Reset the router.\"}}}";
    return http.send(HttpRequest.newBuilder(uri("/engine-rest/task/" + task.getId() + "/submit-form"))
            .header("Authorization", basic("anna")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> getAs(String path, String user) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }
}
