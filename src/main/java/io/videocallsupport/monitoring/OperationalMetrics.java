package io.videocallsupport.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What operations watch, as Micrometer gauges (scraped at {@code /actuator/prometheus}):
 *
 * <ul>
 *   <li>{@code vcs.sessions} by {@code state}: sessions in each state now;</li>
 *   <li>{@code vcs.outbox.messages} by {@code channel} and {@code status}: e.g. SMS that failed;</li>
 *   <li>{@code vcs.inbox.events} by {@code source} and {@code status}: pending and unmatched
 *       webhooks and callbacks;</li>
 *   <li>{@code vcs.incidents.open} and {@code vcs.jobs.failed}: what waits for someone in Cockpit.</li>
 * </ul>
 *
 * <p>The counts come from the database, refreshed every {@code vcs.monitoring.refresh} (30 s) in
 * the background, so that a scrape never waits for a query. Counters of what happens (messages
 * delivered, inbox events handled) are kept where it happens.
 */
@Component
public class OperationalMetrics {

  private final JdbcClient jdbc;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final MultiGauge sessions;
  private final MultiGauge outbox;
  private final MultiGauge inbox;
  private final AtomicLong openIncidents = new AtomicLong();
  private final AtomicLong failedJobs = new AtomicLong();

  OperationalMetrics(MeterRegistry registry, JdbcClient jdbc, RuntimeService runtime, ManagementService management) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.management = management;
    this.sessions = MultiGauge.builder("vcs.sessions").description("Video sessions by state").register(registry);
    this.outbox = MultiGauge.builder("vcs.outbox.messages").description("Outbox messages by channel and status")
        .register(registry);
    this.inbox = MultiGauge.builder("vcs.inbox.events").description("Inbound events by source and status")
        .register(registry);
    Gauge.builder("vcs.incidents.open", openIncidents, AtomicLong::get)
        .description("Open Camunda incidents (failed jobs, visible in Cockpit)").register(registry);
    Gauge.builder("vcs.jobs.failed", failedJobs, AtomicLong::get)
        .description("Jobs with no retries left").register(registry);
  }

  /** Reads the counts now; runs on a schedule, and at start-up so the first scrape has numbers. */
  @Scheduled(initialDelay = 0, fixedDelayString = "${vcs.monitoring.refresh:PT30S}")
  public void refresh() {
    sessions.register(rows("SELECT state AS a, NULL AS b, COUNT(*) AS n FROM video_session GROUP BY state",
        "state", null), true);
    outbox.register(rows("SELECT channel AS a, status AS b, COUNT(*) AS n FROM outbox_message GROUP BY channel, status",
        "channel", "status"), true);
    inbox.register(rows("SELECT source AS a, status AS b, COUNT(*) AS n FROM inbox_event GROUP BY source, status",
        "source", "status"), true);
    openIncidents.set(runtime.createIncidentQuery().count());
    failedJobs.set(management.createJobQuery().noRetriesLeft().count());
  }

  /** One gauge row per group: tagged with the first column (and the second), valued with the count. */
  private List<MultiGauge.Row<?>> rows(String sql, String firstTag, String secondTag) {
    RowMapper<MultiGauge.Row<?>> row = (rs, i) -> {
      Tags tags = Tags.of(firstTag, rs.getString("a"));
      if (secondTag != null) {
        tags = tags.and(secondTag, rs.getString("b"));
      }
      return MultiGauge.Row.of(tags, rs.getLong("n"));
    };
    return jdbc.sql(sql).query(row).list();
  }
}
