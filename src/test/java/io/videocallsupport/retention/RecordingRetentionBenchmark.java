package io.videocallsupport.retention;

import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.bench.BenchmarkAgent;
import io.videocallsupport.bench.BenchmarkApplication;
import io.videocallsupport.bench.BenchmarkReportAccess;
import io.videocallsupport.call.PlatformEventRouter;
import io.videocallsupport.call.VideoPlatform;
import io.videocallsupport.inbox.InboxHandler.Outcome;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.Sessions;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The day many recordings fall due: {@code bench.recordings} recordings (default 2000) with consent
 * are registered through the platform's "recording ready" path, each with a local copy, and wait at
 * their retention timer; then the engine's clock moves past the retention period and the job
 * executor deletes them all (timer, then "Delete recording everywhere" at priority 10). Measures
 * deletions per second and the time until all are gone, and the latency of live-session jobs
 * (priority 100: create the meeting, send the invitation) started while the backlog runs, against
 * the same steps on an idle engine. Built-in room platform; nothing leaves the machine.
 *
 * <p>Run: {@code mvn -B -Pbench test -Dtest=RecordingRetentionBenchmark} (bench/README.md).
 */
@BenchmarkApplication
@TestPropertySource(properties = {"vcs.video.platform=room", "vcs.recording.storage-dir=target/bench-recordings"})
class RecordingRetentionBenchmark {

  private static final int RECORDINGS = Integer.getInteger("bench.recordings", 2000);
  private static final int PROBES = Integer.getInteger("bench.probes", 5);
  private static final int REGISTERING_THREADS = 4;
  private static final int RECORDING_BYTES = 16 * 1024;
  private static final Duration LIMIT = Duration.ofMinutes(10);
  /** Longer than any retention period (vcs.recording.max-retention-days, 90): every timer is due. */
  private static final Duration PAST_RETENTION = Duration.ofDays(91);

  @Autowired ProcessEngine engine;
  @Autowired SessionRepository sessions;
  @Autowired PlatformEventRouter router;
  @Autowired VideoPlatform platform;
  @Autowired RecordingFiles files;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @Test
  void dueRecordingsAreDeleted() throws Exception {
    for (int i = 0; i < 3; i++) {
      sessionJobsLatency();
    }
    long[] idle = new long[PROBES];
    for (int i = 0; i < PROBES; i++) {
      idle[i] = sessionJobsLatency();
    }

    String batch = "rb" + UUID.randomUUID().toString().substring(0, 8);
    long registering = System.nanoTime();
    List<String> storageRefs = registerRecordings(batch);
    awaitAllWaitingForRetentionEnd();
    double registerSeconds = (System.nanoTime() - registering) / 1e9;

    ExecutorService agent = Executors.newSingleThreadExecutor();
    long due = System.nanoTime();
    ClockUtil.offset(PAST_RETENTION.toMillis());
    Future<long[]> duringBacklog = agent.submit(() -> probesDuringBacklog(batch));
    long firstDeleted = 0;
    long tenthDeleted = 0;
    long ninetiethDeleted = 0;
    long deadline = due + LIMIT.toNanos();
    int deleted;
    while ((deleted = deletedCount(batch)) < RECORDINGS) {
      long now = System.nanoTime();
      firstDeleted = deleted > 0 && firstDeleted == 0 ? now : firstDeleted;
      tenthDeleted = deleted >= RECORDINGS / 10 && tenthDeleted == 0 ? now : tenthDeleted;
      ninetiethDeleted = deleted >= RECORDINGS * 9 / 10 && ninetiethDeleted == 0 ? now : ninetiethDeleted;
      if (now > deadline) {
        throw new IllegalStateException("Only " + deleted + " of " + RECORDINGS + " recordings deleted after " + LIMIT);
      }
      Thread.sleep(50);
    }
    long allGone = System.nanoTime();
    double allGoneSeconds = (allGone - due) / 1e9;
    // a mark passed between two looks counts as passed when all were gone
    tenthDeleted = tenthDeleted == 0 ? allGone : tenthDeleted;
    ninetiethDeleted = ninetiethDeleted == 0 ? allGone : ninetiethDeleted;
    firstDeleted = firstDeleted == 0 ? allGone : firstDeleted;
    long[] busy = duringBacklog.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    agent.shutdown();

    assertThat(jdbc.sql("SELECT COUNT(*) FROM recording WHERE platform_recording_id LIKE :batch "
            + "AND deletion_reason = 'RETENTION_PERIOD_OVER'").param("batch", batch + "-%")
        .query(Integer.class).single()).as("every recording deleted after its retention period").isEqualTo(RECORDINGS);
    assertThat(storageRefs).as("no local copy left").allSatisfy(ref -> assertThat(files.file(ref)).isEmpty());
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).as("incidents").isZero();
    awaitRetentionProcessesEnded();

    // never shorter than one look at the table (50 ms), for small runs that pass both marks at once
    double steadySeconds = Math.max(ninetiethDeleted - tenthDeleted, 50_000_000L) / 1e9;
    BenchmarkReportAccess.print("Recording retention: due recordings deleted on PostgreSQL 15 (embedded)",
        String.format("recordings: %d with consent and a %d KB local copy, built-in room platform, %d job executor "
            + "threads", RECORDINGS, RECORDING_BYTES / 1024, BenchmarkApplication.JOB_THREADS),
        String.format("registered (recording ready -> waiting at the retention timer): %.1f s, %.0f/s from %d "
            + "threads", registerSeconds, RECORDINGS / registerSeconds, REGISTERING_THREADS),
        String.format("all deleted %.1f s after they fell due: %.1f deletions/s overall, %.1f/s from 10%% to 90%%, "
            + "first after %.2f s", allGoneSeconds, RECORDINGS / allGoneSeconds,
            (RECORDINGS * 0.8) / steadySeconds, (firstDeleted - due) / 1e9),
        String.format("session jobs (create meeting + send invitation, priority 100), idle: p50 %.0f ms, max %.0f ms",
            BenchmarkReportAccess.percentile(idle, 50), BenchmarkReportAccess.percentile(idle, 100)),
        String.format("the same during the deletion backlog (%d sessions): p50 %.0f ms, max %.0f ms",
            busy.length, BenchmarkReportAccess.percentile(busy, 50), BenchmarkReportAccess.percentile(busy, 100)),
        "every recording deleted (reason RETENTION_PERIOD_OVER), no local copy left, no incident");
  }

  /**
   * Sessions whose calls ended with consent on record, each with a recording reported ready as the
   * room does after the upload: stored locally, then handed to retention by the platform event router.
   */
  private List<String> registerRecordings(String batch) throws Exception {
    OffsetDateTime ended = OffsetDateTime.now(ZoneOffset.UTC);
    ExecutorService threads = Executors.newFixedThreadPool(REGISTERING_THREADS);
    List<Future<String>> refs = new ArrayList<>();
    for (int i = 0; i < RECORDINGS; i++) {
      String key = batch + "-" + i;
      refs.add(threads.submit(() -> {
        sessions.insert(endedSessionWithConsent(key, ended));
        String ref = files.store(key, "webm", new ByteArrayInputStream(new byte[RECORDING_BYTES]), RECORDING_BYTES);
        Outcome outcome = router.recordingReady(platform.name(), "room-" + key, key, ref);
        if (!(outcome instanceof Outcome.Done)) {
          throw new IllegalStateException("Recording " + key + " not registered: " + outcome);
        }
        return ref;
      }));
    }
    List<String> storageRefs = new ArrayList<>();
    for (Future<String> ref : refs) {
      storageRefs.add(ref.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
    }
    threads.shutdown();
    return storageRefs;
  }

  /** The session's process ended long ago; only the application's record of it remains. */
  private VideoSession endedSessionWithConsent(String key, OffsetDateTime ended) {
    return new VideoSession(UUID.randomUUID(), "T-" + key, "ended-" + key, SessionState.COMPLETED, "Jo Doe",
        "jo@example.com", null, "Europe/Berlin", "en", "DE", null, "SETUP_CONFIGURATION", "anna", platform.name(),
        "room-" + key, null, null, null, 10, null, ended.minusMinutes(12), ended, true, ended.minusMinutes(11),
        "2026-1", "anna", 90, "RESOLVED", ended.minusMinutes(30), ended);
  }

  /** The ticket notes are written and every recording process waits for its retention to end. */
  private void awaitAllWaitingForRetentionEnd() throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (engine.getManagementService().createJobQuery().processDefinitionKey(RecordingRetention.PROCESS_KEY)
        .activityId(RecordingRetention.Elements.RETENTION_PERIOD_OVER).timers().count() < RECORDINGS
        || engine.getManagementService().createJobQuery().processDefinitionKey(RecordingRetention.PROCESS_KEY)
        .activityId(RecordingRetention.Elements.ATTACH_RECORDING_TO_TICKET).count() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Recordings not registered after " + LIMIT);
      }
      Thread.sleep(100);
    }
  }

  private void awaitRetentionProcessesEnded() throws InterruptedException {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(RecordingRetention.PROCESS_KEY).count() > 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Retention processes still running after " + LIMIT);
      }
      Thread.sleep(100);
    }
  }

  private int deletedCount(String batch) {
    return jdbc.sql("SELECT COUNT(*) FROM recording WHERE platform_recording_id LIKE :batch AND state = 'DELETED'")
        .param("batch", batch + "-%").query(Integer.class).single();
  }

  /** One live session after another while recordings are still being deleted, {@code bench.probes} at most. */
  private long[] probesDuringBacklog(String batch) throws InterruptedException {
    List<Long> latencies = new ArrayList<>();
    while (latencies.size() < PROBES && deletedCount(batch) < RECORDINGS * 3 / 4) {
      latencies.add(sessionJobsLatency());
      Thread.sleep(500);
    }
    return latencies.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * An agent prepares a session; measured from submitting "Prepare video session" until "Wait for
   * customer to join" is there, i.e. the meeting created and the invitation sent by two jobs of
   * priority 100. The session is then removed, so that it leaves no timers behind.
   */
  private long sessionJobsLatency() throws InterruptedException {
    String ticket = "RP-" + UUID.randomUUID().toString().substring(0, 8);
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket));
    BenchmarkAgent.complete(engine, pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true), LIMIT);
    Task prepare = BenchmarkAgent.awaitTask(engine, pid, PREPARE_SESSION, LIMIT);
    long start = System.nanoTime();
    engine.getFormService().submitTaskForm(prepare.getId(), Map.of("callTiming", "NOW",
        "expectedDurationMinutes", 10, "callMode", "VIDEO", "agentDevicesChecked", true, "callNowOutsideHours", true));
    BenchmarkAgent.awaitTask(engine, pid, WAIT_FOR_CUSTOMER, LIMIT);
    long latency = System.nanoTime() - start;
    engine.getRuntimeService().deleteProcessInstance(pid, "benchmark probe done", true);
    return latency;
  }
}
