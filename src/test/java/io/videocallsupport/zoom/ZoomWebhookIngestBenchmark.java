package io.videocallsupport.zoom;

import io.videocallsupport.bench.BenchmarkReportAccess;
import io.videocallsupport.support.EmbeddedPostgresConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Webhook ingest under load: signed Zoom events posted from several threads to
 * {@code /webhooks/zoom} on 127.0.0.1 (verify, store in the inbox on PostgreSQL, answer).
 * Bounded: {@code bench.webhooks} requests (default 5000), 2 minutes at most.
 *
 * <p>Run: {@code mvn -B -Pbench test -Dtest=ZoomWebhookIngestBenchmark} (bench/README.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "vcs.video.platform=zoom", "vcs.zoom.account-id=bench", "vcs.zoom.client-id=bench",
    "vcs.zoom.client-secret=bench", "vcs.zoom.webhook-secret=" + ZoomWebhookIngestBenchmark.SECRET,
    "vcs.zoom.api-url=http://127.0.0.1:9/v2", "vcs.zoom.oauth-url=http://127.0.0.1:9", "logging.level.root=warn"})
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
@Tag("benchmark")
class ZoomWebhookIngestBenchmark {

  static final String SECRET = "bench-secret";
  private static final int REQUESTS = Integer.getInteger("bench.webhooks", 5000);
  private static final int THREADS = Integer.getInteger("bench.clients", 16);

  @LocalServerPort int port;
  @Autowired Clock clock;

  @Test
  void ingestRateAndLatency() throws Exception {
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(THREADS)).build();
    ZoomWebhookSignatures signatures = new ZoomWebhookSignatures(SECRET, Duration.ofMinutes(5), clock);
    URI uri = URI.create("http://127.0.0.1:" + port + "/webhooks/zoom");
    send(http, signatures, uri, 500, 0);
    AtomicInteger failures = new AtomicInteger();
    long start = System.nanoTime();
    long[] latencies = send(http, signatures, uri, REQUESTS, 1_000_000, failures);
    double seconds = (System.nanoTime() - start) / 1e9;
    BenchmarkReportAccess.print("Zoom webhook ingest (verify + inbox insert on PostgreSQL 15 + answer)",
        String.format("requests: %d from %d client threads on 127.0.0.1, failures: %d", REQUESTS, THREADS,
            failures.get()),
        String.format("rate: %.0f webhooks/s (%.1f s)", REQUESTS / seconds, seconds),
        String.format("latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
            BenchmarkReportAccess.percentile(latencies, 50), BenchmarkReportAccess.percentile(latencies, 95),
            BenchmarkReportAccess.percentile(latencies, 99), BenchmarkReportAccess.percentile(latencies, 100)));
  }

  private long[] send(HttpClient http, ZoomWebhookSignatures signatures, URI uri, int count, int offset)
      throws Exception {
    return send(http, signatures, uri, count, offset, new AtomicInteger());
  }

  private long[] send(HttpClient http, ZoomWebhookSignatures signatures, URI uri, int count, int offset,
                      AtomicInteger failures) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(THREADS);
    List<Future<Long>> results = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = offset + i;
      results.add(clients.submit(() -> {
        String body = "{\"event\": \"meeting.participant_joined\", \"event_ts\": " + (1_700_000_000_000L + n)
            + ", \"payload\": {\"account_id\": \"bench\", \"object\": {\"id\": \"" + (90_000_000_000L + n % 1000)
            + "\", \"uuid\": \"bench-" + n + "==\", \"host_id\": \"h\", \"topic\": \"t\", \"type\": 2, "
            + "\"participant\": {\"user_id\": \"u" + n + "\", \"user_name\": \"Guest\", \"id\": \"\", "
            + "\"join_time\": \"2026-11-25T10:00:00Z\"}}}}";
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        long t0 = System.nanoTime();
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("x-zm-signature", signatures.sign(timestamp, body))
            .header("x-zm-request-timestamp", timestamp)
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
          failures.incrementAndGet();
        }
        return System.nanoTime() - t0;
      }));
    }
    long[] latencies = new long[count];
    for (int i = 0; i < count; i++) {
      latencies[i] = results.get(i).get(2, TimeUnit.MINUTES);
    }
    clients.shutdown();
    return latencies;
  }
}
