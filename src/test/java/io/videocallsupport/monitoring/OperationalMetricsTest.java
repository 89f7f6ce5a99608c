package io.videocallsupport.monitoring;

import static io.videocallsupport.session.VideoSupportSession.Elements.OFFER_VIDEO_CALL;
import static io.videocallsupport.session.VideoSupportSession.Elements.PREPARE_SESSION;
import static io.videocallsupport.session.VideoSupportSession.Elements.WAIT_FOR_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.videocallsupport.inbox.Inbox;
import io.videocallsupport.inbox.InboxWorker;
import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.Sessions;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** The gauges and counters operations watch, and who may scrape them. */
@H2SpringTest
class OperationalMetricsTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MeterRegistry registry;
  @Autowired OperationalMetrics metrics;
  @Autowired Inbox inbox;
  @Autowired InboxWorker inboxWorker;

  @Test
  void sessionsMessagesAndInboxEventsAreCountedAndGauged() {
    double invitations = counter("vcs.messages.delivered", "purpose", "INVITATION", "result", "stored");
    double waiting = counter("vcs.inbox.handled", "source", "twilio-sms", "outcome", "not_yet");

    ProcessDriver driver = new ProcessDriver(engine);
    String pid = Sessions.startAsAgent(engine, Sessions.startForm("M-" + UUID.randomUUID().toString().substring(0, 8)));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "callMode", "VIDEO", "meetingLink", "https://meet.example.com/m-1", "agentDevicesChecked", true, "callNowOutsideHours", true));
    driver.task(pid, WAIT_FOR_CUSTOMER);
    assertThat(counter("vcs.messages.delivered", "purpose", "INVITATION", "result", "stored"))
        .as("the invitation by email and by SMS, kept in the outbox").isEqualTo(invitations + 2);

    inbox.accept("twilio-sms", "SM-unknown-" + UUID.randomUUID() + ":delivered", "delivered",
        "{\"MessageSid\": \"SM-unknown\", \"MessageStatus\": \"delivered\"}");
    inboxWorker.processDue();
    assertThat(counter("vcs.inbox.handled", "source", "twilio-sms", "outcome", "not_yet")).isEqualTo(waiting + 1);

    metrics.refresh();
    assertThat(gauge("vcs.sessions", "state", "INVITED")).isGreaterThanOrEqualTo(1);
    assertThat(gauge("vcs.outbox.messages", "channel", "SMS", "status", "STORED")).isGreaterThanOrEqualTo(1);
    assertThat(gauge("vcs.inbox.events", "source", "twilio-sms", "status", "PENDING")).isGreaterThanOrEqualTo(1);
    assertThat(registry.get("vcs.incidents.open").gauge().value()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void prometheusScrapesWithAManagerOrAdminLoginOnly() {
    metrics.refresh();
    RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
        .build();

    var scrape = http.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("maria", "demo"))
        .retrieve().toEntity(String.class);
    assertThat(scrape.getStatusCode().value()).isEqualTo(200);
    assertThat(scrape.getBody()).contains("vcs_sessions{").contains("vcs_incidents_open")
        .contains("vcs_jobs_failed");
    assertThat(http.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("anna", "demo"))
        .retrieve().toBodilessEntity().getStatusCode().value()).as("agents do not read metrics").isEqualTo(403);
    assertThat(http.get().uri("/actuator/prometheus").retrieve().toBodilessEntity().getStatusCode().value())
        .isEqualTo(401);
    var health = http.get().uri("/actuator/health").retrieve().toEntity(String.class);
    assertThat(health.getStatusCode().value()).as("probes need no login: " + health.getBody()).isEqualTo(200);
  }

  /** The sum over every counter with these tags (and any others). */
  private double counter(String name, String... tags) {
    return Search.in(registry).name(name).tags(tags).counters().stream().mapToDouble(Counter::count).sum();
  }

  private double gauge(String name, String... tags) {
    return registry.get(name).tags(tags).gauge().value();
  }
}
