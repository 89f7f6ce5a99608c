package io.videocallsupport.bench;

import static io.videocallsupport.session.VideoSupportSession.Elements.*;

import io.videocallsupport.support.Sessions;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Full session lifecycles per second on PostgreSQL (embedded 15), with the job executor running
 * the asynchronous steps as in production and agents completing tasks from several threads.
 * Vendors are the embedded ones (manual link, outbox): nothing leaves the machine. Also reports the
 * application's start-up time, heap after the run and history bytes per session.
 *
 * <p>Run: {@code mvn -B -Pbench test -Dtest=SessionLifecycleBenchmark} (bench/README.md).
 */
@BenchmarkApplication
class SessionLifecycleBenchmark {

  private static final int SESSIONS = Integer.getInteger("bench.sessions", 200);
  private static final int AGENT_THREADS = Integer.getInteger("bench.agents", 8);
  private static final Duration LIMIT = Duration.ofMinutes(10);

  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;

  @Test
  void lifecyclesPerSecond() throws Exception {
    long startupMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    runSessions(20, AGENT_THREADS);
    long historyBefore = historyBytes();
    long started = System.nanoTime();
    long[] latencies = runSessions(SESSIONS, AGENT_THREADS);
    double seconds = (System.nanoTime() - started) / 1e9;
    long historyPerSession = (historyBytes() - historyBefore) / SESSIONS;
    System.gc();
    long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
    BenchmarkReport.print("Session lifecycle on PostgreSQL 15 (embedded), manual link + outbox",
        String.format("sessions: %d, agent threads: %d, job executor threads: %d", SESSIONS, AGENT_THREADS,
            BenchmarkApplication.JOB_THREADS),
        String.format("throughput: %.1f full lifecycles/s (%.1f s)", SESSIONS / seconds, seconds),
        String.format("lifecycle latency: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms",
            BenchmarkReport.percentileMillis(latencies, 50), BenchmarkReport.percentileMillis(latencies, 95),
            BenchmarkReport.percentileMillis(latencies, 99)),
        String.format("history: %d bytes per session (act_hi_* tables, level full)", historyPerSession),
        String.format("JVM up %.1f s when the context was ready; heap used after the run: %d MB",
            startupMillis / 1000.0, heapMb));
  }

  /** Runs sessions start to end; returns each session's wall time in nanoseconds. */
  private long[] runSessions(int count, int threads) throws Exception {
    ExecutorService agents = Executors.newFixedThreadPool(threads);
    List<Future<Long>> results = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      results.add(agents.submit(this::oneSession));
    }
    long[] latencies = new long[count];
    for (int i = 0; i < count; i++) {
      latencies[i] = results.get(i).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }
    agents.shutdown();
    return latencies;
  }

  private long oneSession() throws InterruptedException {
    long start = System.nanoTime();
    String pid = Sessions.startAsAgent(engine, Sessions.startForm("B-" + UUID.randomUUID()));
    complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10, "callMode", "VIDEO",
        "meetingLink", "https://meet.example.com/bench", "agentDevicesChecked", true, "callNowOutsideHours", true));
    complete(pid, WAIT_FOR_CUSTOMER, Map.of("customerPresence", "JOINED"));
    complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", false, "sensitiveDataOnScreen", false));
    complete(pid, CONDUCT_VIDEO_CALL, Map.of("callAction", "END_CALL", "callOutcome", "RESOLVED"));
    complete(pid, WRITE_SUMMARY, Map.of("callSummary", "Benchmark summary"));
    while (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).count() > 0) {
      Thread.sleep(20);
    }
    return System.nanoTime() - start;
  }

  private void complete(String pid, String taskKey, Map<String, Object> form) throws InterruptedException {
    BenchmarkAgent.complete(engine, pid, taskKey, form, LIMIT);
  }

  private long historyBytes() {
    return jdbc.sql("SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND c.relname LIKE 'act_hi_%'")
        .query(Long.class).single();
  }
}
