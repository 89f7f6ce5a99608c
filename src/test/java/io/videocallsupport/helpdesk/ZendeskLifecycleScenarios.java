package io.videocallsupport.helpdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.videocallsupport.csat.Surveys;
import io.videocallsupport.helpdesk.TicketUpdate.Kind;
import io.videocallsupport.helpdesk.TicketUpdate.State;
import io.videocallsupport.inbox.Inbox;
import io.videocallsupport.inbox.InboxWorker;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.SentMessages;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.zendesk.ZendeskTicketsTest;
import io.videocallsupport.zendesk.ZendeskWebhookSignatures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.videocallsupport.system.RetryAfterException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * A session from a signed Zendesk webhook to the private notes, the tag and the status on a stub
 * ticket shaped as Zendesk's API reference shows. In the middle, Zendesk stores the summary but its
 * answer times out: the retry finds the note by its marker and does not write it again.
 */
abstract class ZendeskLifecycleScenarios {

  static final String SIGNING_SECRET = "dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==";
  static final WireMockServer ZENDESK = new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    ZENDESK.start();
  }

  @DynamicPropertySource
  static void zendesk(DynamicPropertyRegistry properties) {
    properties.add("vcs.helpdesk.adapter", () -> "zendesk");
    properties.add("vcs.helpdesk.zendesk.url", ZENDESK::baseUrl);
    properties.add("vcs.helpdesk.zendesk.oauth-token", () -> "oauth-access-token");
    properties.add("vcs.helpdesk.zendesk.webhook-signing-secret", () -> SIGNING_SECRET);
    // generous for a loaded test machine; the summary's answer below comes later still
    properties.add("vcs.helpdesk.zendesk.read-timeout", () -> "3s");
    properties.add("vcs.helpdesk.context-timeout", () -> "10s");
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired SentMessages sentMessages;
  @Autowired InboxWorker inboxWorker;
  @Autowired Inbox inbox;
  @Autowired SessionRepository sessions;
  @Autowired TicketUpdateLog updates;
  @Autowired Outbox outbox;
  @Autowired Surveys surveys;
  @Autowired HelpDesk helpDesk;
  @Autowired PlatformTransactionManager transactionManager;

  ProcessDriver driver;
  TransactionTemplate transactions;
  RestClient http;
  ZendeskWebhookSignatures signatures = new ZendeskWebhookSignatures(SIGNING_SECRET, Duration.ofMinutes(10),
      Clock.systemUTC());

  @BeforeEach
  void setUp() {
    driver = new ProcessDriver(engine);
    transactions = new TransactionTemplate(transactionManager);
    http = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(status -> true, (request, response) -> { })
        .build();
    ZENDESK.resetAll();
    ZENDESK.stubFor(put(urlPathMatching("/api/v2/tickets/\\d+")).willReturn(okJson("""
        {"ticket": {"id": 1, "status": "open"},
         "audit": {"id": 7001, "events": [{"id": 7002, "type": "Comment", "public": false}]}}""")));
    ZENDESK.stubFor(put(urlPathMatching("/api/v2/tickets/\\d+/tags")).willReturn(okJson("{\"tags\": [\"video-call\"]}")));
  }

  @Test
  void signedWebhookStartsTheSessionAndEveryStepReachesTheTicketOnce() {
    String ticket = String.valueOf(30000 + (System.nanoTime() % 10000));
    ZendeskTicketsTest.stubTicket(ZENDESK, ticket);
    String body = """
        {"ticket_id": "%s", "subject": "Router keeps dropping the connection",
         "requester_name": "Jo Customer", "requester_email": "jo@example.com", "requester_phone": "+4915112345678",
         "organization": "Acme GmbH", "tags": "router wifi", "customer_asked_for_video": true}""".formatted(ticket);

    assertThat(post(body, "bad-signature", now(), "inv-1").getStatusCode().value()).isEqualTo(401);
    assertThat(post("{\"subject\": \"no id\"}", null, now(), "inv-0").getStatusCode().value())
        .as("a signed body without ticket_id").isEqualTo(400);
    assertThat(post(body, null, now(), "inv-1").getStatusCode().value()).isEqualTo(202);
    assertThat(post(body, null, now(), "inv-1").getStatusCode().value()).as("a redelivery").isEqualTo(202);
    assertThat(inbox.bySource("zendesk")).filteredOn(e -> e.dedupeKey().startsWith("start:" + ticket + ":"))
        .hasSize(1);

    inboxWorker.processDue();
    VideoSession session = sessions.findByTicket(ticket).get(0);
    assertThat(session.customerName()).isEqualTo("Jo Customer");
    assertThat(session.customerEmail()).isEqualTo("jo@example.com");
    assertThat(session.customerTimeZone()).isEqualTo("Europe/Berlin");
    assertThat(session.customerLocale()).isEqualTo("de");
    String pid = session.processInstanceId();
    assertThat(engine.getRuntimeService().getVariables(pid))
        .containsEntry("customerTier", "ENTERPRISE")
        .containsEntry("textExchangeCount", 2)
        .containsEntry("declinedVideoBefore", false);
    driver.runDueJobs();
    assertThat(engine.getTaskService().getVariablesLocal(driver.task(pid, OFFER_VIDEO_CALL).getId()))
        .as("the customer context on the agent's task")
        .containsEntry("contextTier", "ENTERPRISE")
        .containsEntry("contextOrganisation", "Acme GmbH")
        .containsEntry("contextTicketActivity", "4 messages, 2 public replies, latest 2026-12-01 11:30 UTC")
        .containsEntry("contextEarlierSessions", "none");

    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "customerPreparation", "Your router", "callMode", "VIDEO", "meetingLink", "https://meet.example.com/r-1",
        "agentDevicesChecked", true, "callNowOutsideHours", true));
    driver.complete(pid, WAIT_FOR_CUSTOMER, Map.of("customerPresence", "JOINED"));
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", true, "sensitiveDataOnScreen", false));
    driver.complete(pid, CONDUCT_VIDEO_CALL, Map.of("callAction", "END_CALL", "callOutcome", "RESOLVED"));

    // Zendesk stores the summary, but its answer comes after our read timeout; from then on the
    // comment is on the ticket, with the marker of the session's "summary" event.
    ZENDESK.stubFor(put(urlPathEqualTo("/api/v2/tickets/" + ticket)).atPriority(1)
        .withRequestBody(containing("Video call summary"))
        .willReturn(okJson("{\"ticket\": {\"id\": 1}, \"audit\": {\"id\": 1, \"events\": []}}").withFixedDelay(6_000)));
    ZENDESK.stubFor(get(urlPathEqualTo("/api/v2/tickets/" + ticket + "/comments")).atPriority(1)
        .withQueryParam("page[size]", equalTo("100")).willReturn(okJson("""
            {"comments": [{"id": 7003, "type": "Comment", "public": false, "created_at": "2026-12-01T12:00:00Z",
                           "body": "Video call summary (outcome: RESOLVED)\\n…\\n\\n— anna [vcs %s/summary]"}],
             "meta": {"has_more": false, "after_cursor": null, "before_cursor": null},
             "links": {"next": null, "prev": null}}""".formatted(session.id()))));
    TaskCompletion.completeAndRunJobsTolerantly(engine, driver.task(pid, WRITE_SUMMARY).getId(),
        Map.of("callSummary", "Reset the router to factory settings", "stepsTaken", "Factory reset",
            "usefulLinks", "", "followUpActions", "None"));

    List<Job> failed = engine.getManagementService().createJobQuery().processDefinitionKey("helpdesk-delivery")
        .withException().list().stream()
        .filter(job -> ticket.equals(engine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
        .toList();
    assertThat(failed).as("one delivery job failed on the timeout").hasSize(1);
    TicketUpdate summary = updates.forTicket(ticket).stream()
        .filter(u -> u.kind() == Kind.NOTE && u.body().startsWith("Video call summary")).findFirst().orElseThrow();
    assertThat(summary.attempts()).isEqualTo(1);
    assertThat(summary.state()).as("found on the ticket by the next delivery of the ticket (the status)")
        .isEqualTo(State.DELIVERED);

    // Cockpit's retry (or the job executor after a restart) runs the failed job again: nothing is left to write.
    for (Job job : failed) {
      engine.getManagementService().executeJob(job.getId());
    }
    driver.runDueJobs();

    String token = surveyToken(session);
    assertThat(surveys.answer(token, new Surveys.Answer(4, "Quick & helpful <b>thanks</b>", false)))
        .isEqualTo(Surveys.AnswerResult.ACCEPTED);
    driver.runDueJobs();

    assertThat(updates.forTicket(ticket)).allSatisfy(u -> assertThat(u.state()).isEqualTo(State.DELIVERED));
    List<String> written = commentsWritten(ticket);
    assertThat(written).as("every note once, in the order recorded").containsExactlyElementsOf(
        updates.forTicket(ticket).stream().filter(u -> u.kind() == Kind.NOTE).map(TicketUpdate::noteText).toList());
    assertThat(written.stream().filter(c -> c.startsWith("Video call summary")).count()).isOne();
    assertThat(String.join("\n", written))
        .contains("Video call offered")
        .contains("Invitation sent by email and SMS: call now")
        .contains("The customer joined the video call")
        .contains("Recording consent: yes (notice version")
        .contains("Call ended: outcome RESOLVED")
        .contains("CSAT: 4 of 5. Comment: Quick & helpful <b>thanks</b>");
    assertThat(ZENDESK.findAll(putRequestedFor(urlPathEqualTo("/api/v2/tickets/" + ticket))
        .withRequestBody(matchingJsonPath("$.ticket.status", equalTo("solved"))))).hasSize(1);
    ZENDESK.verify(1, putRequestedFor(urlPathEqualTo("/api/v2/tickets/" + ticket + "/tags"))
        .withRequestBody(equalToJson("{\"tags\": [\"video-call\"]}")));
    ZENDESK.verify(putRequestedFor(urlPathEqualTo("/api/v2/tickets/" + ticket))
        .withHeader("Authorization", equalTo("Bearer oauth-access-token")));
    assertThat(ZENDESK.findAll(putRequestedFor(urlPathEqualTo("/api/v2/tickets/" + ticket))))
        .as("notes are private").allSatisfy(r -> assertThat(r.getBodyAsString()).doesNotContain("\"public\":true"));
  }

  @Test
  void anOutageEndsAsAnIncidentThatARetryClearsAndARateLimitWaitsWithoutSpendingRetries() {
    String ticket = String.valueOf(40000 + (System.nanoTime() % 10000));
    ZENDESK.stubFor(put(urlPathEqualTo("/api/v2/tickets/" + ticket)).atPriority(1)
        .willReturn(aResponse().withStatus(500).withBody("{\"error\": \"InternalError\"}")));
    // what the ticket shows whenever an attempt's outcome is checked: none of them stored the note
    ZENDESK.stubFor(get(urlPathEqualTo("/api/v2/tickets/" + ticket + "/comments")).willReturn(okJson("""
        {"comments": [], "meta": {"has_more": false}, "links": {"next": null}}""")));
    transactions.executeWithoutResult(status -> helpDesk.addNote(ticket, null, "outage", "test", "Written late"));
    ManagementService management = engine.getManagementService();
    String delivery = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("helpdesk-delivery")
        .processInstanceBusinessKey(ticket).singleResult().getId();
    Job job = management.createJobQuery().processInstanceId(delivery).singleResult();

    // the first failure and the five retries of the cycle (10 s, 1 min, 5 min, 15 min, 1 h)
    for (int attempt = 0; attempt < 6; attempt++) {
      String id = job.getId();
      assertThatThrownBy(() -> management.executeJob(id)).isInstanceOf(HelpDeskUnavailableException.class);
      job = management.createJobQuery().jobId(id).singleResult();
    }
    assertThat(job.getRetries()).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(job.getProcessInstanceId())
        .count()).as("a Cockpit incident").isOne();
    assertThat(updates.forTicket(ticket)).singleElement().satisfies(u -> {
      assertThat(u.state()).isEqualTo(State.PENDING);
      assertThat(u.lastError()).contains("answered 500");
    });

    // Zendesk is back but limits us: the job waits as asked and keeps its retry.
    ZENDESK.stubFor(put(urlPathEqualTo("/api/v2/tickets/" + ticket)).atPriority(1)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
    management.setJobRetries(job.getId(), 1);
    String id = job.getId();
    assertThatThrownBy(() -> management.executeJob(id)).isInstanceOf(RetryAfterException.class);
    job = management.createJobQuery().jobId(id).singleResult();
    assertThat(job.getRetries()).as("a rate limit spends no retry").isOne();
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(job.getProcessInstanceId())
        .count()).as("a rate limit on the last retry is no incident").isZero();
    assertThat(job.getDuedate().toInstant()).isAfter(Instant.now().plusSeconds(110));

    // Cockpit's retry once Zendesk answers: the note is written once, the incident is gone.
    ZENDESK.stubFor(put(urlPathEqualTo("/api/v2/tickets/" + ticket)).atPriority(1).willReturn(okJson("""
        {"ticket": {"id": 1}, "audit": {"id": 5, "events": [{"id": 6, "type": "Comment", "public": false}]}}""")));
    management.executeJob(id);
    assertThat(updates.forTicket(ticket)).singleElement().satisfies(u -> {
      assertThat(u.state()).isEqualTo(State.DELIVERED);
      assertThat(u.remoteId()).isEqualTo("6");
    });
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(job.getProcessInstanceId())
        .count()).isZero();
    assertThat(commentsWritten(ticket)).as("six outage answers, one rate limit, one stored").hasSize(8);
  }

  private List<String> commentsWritten(String ticket) {
    return ZENDESK.findAll(putRequestedFor(urlPathEqualTo("/api/v2/tickets/" + ticket))
            .withRequestBody(matchingJsonPath("$.ticket.comment.body"))).stream()
        .map(LoggedRequest::getBodyAsString)
        .map(json -> {
          try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("ticket").path("comment")
                .path("body").asText();
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        })
        .toList();
  }

  private String surveyToken(VideoSession session) {
    // the outbox keeps no usable token: the link is in the message as the customer received it
    String text = sentMessages.text(outbox.forSession(session.id()).stream()
        .filter(m -> m.purpose() == MessagePurpose.SURVEY).findFirst().orElseThrow());
    Matcher matcher = Pattern.compile("/survey/([A-Za-z0-9_-]{40,})").matcher(text);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private ResponseEntity<String> post(String body, String signature, String timestamp, String invocationId) {
    return http.post().uri("/webhooks/zendesk").contentType(MediaType.APPLICATION_JSON)
        .header("X-Zendesk-Webhook-Signature", signature != null ? signature : signatures.sign(timestamp, body))
        .header("X-Zendesk-Webhook-Signature-Timestamp", timestamp)
        .header("X-Zendesk-Webhook-Invocation-Id", invocationId)
        .body(body).retrieve().toEntity(String.class);
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String quoted(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
