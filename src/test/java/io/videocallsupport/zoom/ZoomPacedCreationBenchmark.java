package io.videocallsupport.zoom;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.videocallsupport.bench.BenchmarkAgent;
import io.videocallsupport.bench.BenchmarkApplication;
import io.videocallsupport.bench.BenchmarkReportAccess;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.session.VideoSupportSession;
import io.videocallsupport.support.Sessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.management.JobDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Many meetings at once while Zoom rate-limits: {@code bench.meetings} sessions (default 200) are
 * prepared with meeting creation held back, then released together. WireMock on 127.0.0.1 stands in
 * for Zoom and allows {@code bench.zoom.limit} creations per second (default 10: half of Zoom Pro's
 * "Medium" limit of 20, which all apps on an account share); the others get 429 with
 * {@code Retry-After: 1}. The job executor runs the
 * creations as in production: a 429 makes the job wait as long as Zoom says without using up a
 * retry, and the retry first looks for a meeting created by an earlier attempt. Measures meetings
 * per second, 429s and the wait per meeting; checks that every session got exactly one meeting and
 * that no job became an incident.
 *
 * <p>Run: {@code mvn -B -Pbench test -Dtest=ZoomPacedCreationBenchmark} (bench/README.md).
 */
@BenchmarkApplication
// Every 429 fails a job on purpose: count them and the incidents instead of logging each stack trace.
@TestPropertySource(properties = {"logging.level.org.camunda.bpm.engine.jobexecutor=error",
    "logging.level.org.camunda.bpm.engine.context=off"})
class ZoomPacedCreationBenchmark {

  private static final int MEETINGS = Integer.getInteger("bench.meetings", 200);
  private static final int LIMIT_PER_SECOND = Integer.getInteger("bench.zoom.limit", 10);
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
  /** Zoom allows 100 meeting creations per host user and day: spread them so that no host comes near. */
  private static final int HOSTS = Math.max(1, (MEETINGS + 59) / 60);
  private static final int AGENT_THREADS = 8;
  private static final Duration LIMIT = Duration.ofMinutes(10);

  static final FakeZoomMeetings FAKE = new FakeZoomMeetings(LIMIT_PER_SECOND, RETRY_AFTER);
  static final WireMockServer ZOOM = new WireMockServer(WireMockConfiguration.options()
      .bindAddress("127.0.0.1").dynamicPort().extensions(FAKE));

  static {
    ZOOM.start();
    ZOOM.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson("""
        {"access_token": "bench-token", "token_type": "bearer", "expires_in": 3599,
         "scope": "meeting:write:admin", "api_url": "https://api.zoom.us"}""")));
    ZOOM.stubFor(any(urlPathMatching("/v2/.*")).willReturn(aResponse().withTransformers(FakeZoomMeetings.NAME)));
  }

  @DynamicPropertySource
  static void zoom(DynamicPropertyRegistry properties) {
    String url = "http://127.0.0.1:" + ZOOM.port();
    properties.add("vcs.video.platform", () -> "zoom");
    properties.add("vcs.zoom.api-url", () -> url + "/v2");
    properties.add("vcs.zoom.oauth-url", () -> url);
    properties.add("vcs.zoom.account-id", () -> "bench");
    properties.add("vcs.zoom.client-id", () -> "bench");
    properties.add("vcs.zoom.client-secret", () -> "bench");
    properties.add("vcs.zoom.webhook-secret", () -> "bench");
    properties.add("vcs.zoom.host-users", () -> IntStream.rangeClosed(1, HOSTS).mapToObj(i -> "host-" + i)
        .collect(Collectors.joining(",")));
  }

  @AfterAll
  static void stopZoom() {
    ZOOM.stop();
  }

  @Autowired ProcessEngine engine;
  @Autowired SessionRepository sessions;
  @Autowired JdbcClient jdbc;

  @Test
  void meetingsUnderZoomsRateLimit() throws Exception {
    ManagementService management = engine.getManagementService();
    List<String> warmUp = prepareSessions("ZW-", 10);
    awaitAtWaitForCustomer(warmUp);
    warmUp.forEach(pid -> engine.getRuntimeService().deleteProcessInstance(pid, "benchmark warm-up done", true));

    List<JobDefinition> createMeeting = management.createJobDefinitionQuery()
        .processDefinitionKey(VideoSupportSession.PROCESS_KEY).activityIdIn(CREATE_MEETING).list();
    createMeeting.forEach(definition -> management.suspendJobDefinitionById(definition.getId()));
    String tickets = "ZP" + UUID.randomUUID().toString().substring(0, 6) + "-";
    List<String> pids = prepareSessions(tickets, MEETINGS);
    awaitHeldBackCreations();

    FAKE.reset();
    long released = System.nanoTime();
    createMeeting.forEach(definition -> management.activateJobDefinitionById(definition.getId(), true));
    List<String> sessionIds = pids.stream()
        .map(pid -> (String) engine.getRuntimeService().getVariable(pid, "sessionId")).toList();
    awaitMeetings(tickets);
    double allMeetingsSeconds = (System.nanoTime() - released) / 1e9;
    awaitAtWaitForCustomer(pids);
    double allInvitedSeconds = (System.nanoTime() - released) / 1e9;

    for (String sessionId : sessionIds) {
      VideoSession session = sessions.findById(UUID.fromString(sessionId)).orElseThrow();
      assertThat(session.meetingId()).as("meeting of session %s", sessionId)
          .isEqualTo(String.valueOf(FAKE.meetingIdFor(agenda(sessionId))));
    }
    assertThat(FAKE.creationsByAgenda()).as("one meeting per session").hasSize(MEETINGS)
        .allSatisfy((agenda, creations) -> assertThat(creations.get()).as(agenda).isOne());
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();

    long[] waits = FAKE.createdAtNanos().stream().mapToLong(created -> created - released).toArray();
    long[] retryGaps = FAKE.waitsAfterRateLimit().stream().mapToLong(Long::longValue).toArray();
    double lastCreated = BenchmarkReportAccess.percentile(waits, 100) / 1000.0;
    int attempts = MEETINGS + FAKE.rateLimited();
    BenchmarkReportAccess.print("Zoom meeting creation under Zoom's rate limit (WireMock on 127.0.0.1, PostgreSQL 15)",
        String.format("meetings: %d released at once over %d host users; fake Zoom allows %d creations/s, then 429 "
            + "with Retry-After %d s; %d job executor threads", MEETINGS, HOSTS, LIMIT_PER_SECOND,
            RETRY_AFTER.toSeconds(), BenchmarkApplication.JOB_THREADS),
        String.format("rate: %.1f meetings/s (last created %.1f s after the release; the limit allows %d/s)",
            MEETINGS / lastCreated, lastCreated, LIMIT_PER_SECOND),
        String.format("429s: %d (%.0f%% of %d create calls, %.2f per meeting); lookups for an earlier attempt's "
            + "meeting: %d", FAKE.rateLimited(), 100.0 * FAKE.rateLimited() / attempts, attempts,
            (double) FAKE.rateLimited() / MEETINGS, FAKE.lookups()),
        retryGaps.length == 0 ? "no retry after a 429" : String.format("a retry after a 429 came p50 %.1f s, "
            + "min %.1f s, max %.1f s later (Zoom asked for %d s)", BenchmarkReportAccess.percentile(retryGaps, 50)
            / 1000, BenchmarkReportAccess.percentile(retryGaps, 0) / 1000,
            BenchmarkReportAccess.percentile(retryGaps, 100) / 1000, RETRY_AFTER.toSeconds()),
        String.format("wait for a meeting from the release: p50 %.0f ms, p95 %.0f ms, max %.0f ms",
            BenchmarkReportAccess.percentile(waits, 50), BenchmarkReportAccess.percentile(waits, 95),
            BenchmarkReportAccess.percentile(waits, 100)),
        String.format("all meetings stored %.1f s, all invitations sent %.1f s after the release; at most %d "
            + "meetings on one host", allMeetingsSeconds, allInvitedSeconds, FAKE.mostOnOneHost()),
        "every session has exactly one meeting (no duplicate creation), no incident");
  }

  /** Agents start sessions and complete "Offer video call" and "Prepare video session" from several threads. */
  private List<String> prepareSessions(String ticketPrefix, int count) throws Exception {
    ExecutorService agents = Executors.newFixedThreadPool(AGENT_THREADS);
    List<Future<String>> started = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      started.add(agents.submit(() -> {
        String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticketPrefix + UUID.randomUUID().toString()
            .substring(0, 8)));
        BenchmarkAgent.complete(engine, pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true), LIMIT);
        BenchmarkAgent.complete(engine, pid, PREPARE_SESSION, Map.of("callTiming", "NOW",
            "expectedDurationMinutes", 10, "callMode", "VIDEO", "agentDevicesChecked", true, "callNowOutsideHours", true), LIMIT);
        return pid;
      }));
    }
    List<String> pids = new ArrayList<>();
    for (Future<String> pid : started) {
      pids.add(pid.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
    }
    agents.shutdown();
    return pids;
  }

  private void awaitHeldBackCreations() throws InterruptedException {
    await("creations held back", () -> engine.getManagementService().createJobQuery().activityId(CREATE_MEETING)
        .suspended().count() >= MEETINGS);
  }

  private void awaitMeetings(String ticketPrefix) throws InterruptedException {
    await("meetings stored", () -> jdbc.sql("SELECT COUNT(*) FROM video_session WHERE ticket_id LIKE :prefix "
        + "AND meeting_id IS NOT NULL").param("prefix", ticketPrefix + "%").query(Integer.class).single() == MEETINGS);
  }

  private void awaitAtWaitForCustomer(List<String> pids) throws InterruptedException {
    await("invitations sent", () -> engine.getTaskService().createTaskQuery().processInstanceIdIn(
        pids.toArray(String[]::new)).taskDefinitionKey(WAIT_FOR_CUSTOMER).count() == pids.size());
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Not " + what + " after " + LIMIT);
      }
      Thread.sleep(50);
    }
  }

  private static String agenda(String sessionId) {
    return "vcs-session:" + sessionId + ":now";
  }
}
