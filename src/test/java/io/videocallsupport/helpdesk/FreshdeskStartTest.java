package io.videocallsupport.helpdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.videocallsupport.inbox.InboxWorker;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.support.ProcessDriver;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * Freshdesk in the loop: an automation webhook starts sessions, notes go back private. When
 * Freshdesk's API is down and the webhook carries no email address, the session still starts and
 * the agent is asked to fix the contact details.
 */
@H2SpringTest
class FreshdeskStartTest {

  static final WireMockServer FRESHDESK = new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    FRESHDESK.start();
  }

  @DynamicPropertySource
  static void freshdesk(DynamicPropertyRegistry properties) {
    properties.add("spring.datasource.url", () -> "jdbc:h2:mem:video-call-support-freshdesk;DB_CLOSE_DELAY=-1");
    properties.add("vcs.helpdesk.adapter", () -> "freshdesk");
    properties.add("vcs.helpdesk.freshdesk.url", FRESHDESK::baseUrl);
    properties.add("vcs.helpdesk.freshdesk.api-key", () -> "fd-api-key");
    properties.add("vcs.helpdesk.freshdesk.webhook-secret", () -> "shared-secret");
    properties.add("vcs.helpdesk.freshdesk.read-timeout", () -> "3s");
    properties.add("vcs.helpdesk.context-timeout", () -> "10s");
  }

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired InboxWorker inboxWorker;
  @Autowired SessionRepository sessions;

  ProcessDriver driver;

  @BeforeEach
  void setUp() {
    driver = new ProcessDriver(engine);
    FRESHDESK.resetAll();
    FRESHDESK.stubFor(post(urlPathMatching("/api/v2/tickets/\\d+/notes")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("""
            {"id": 5001, "body": "note", "body_text": "note", "private": true, "incoming": false, "ticket_id": 1}""")));
    FRESHDESK.stubFor(put(urlPathMatching("/api/v2/tickets/\\d+")).willReturn(okJson("{\"id\": 1, \"status\": 2}")));
  }

  @Test
  void declinedOfferGoesBackAsPrivateNotes() {
    FRESHDESK.stubFor(get(urlPathEqualTo("/api/v2/tickets/501")).willReturn(okJson("""
        {"id": 501, "subject": "Camera setup", "status": 2, "requester_id": 80, "company_id": null,
         "tags": ["camera"], "created_at": "2026-12-01T08:00:00Z",
         "requester": {"id": 80, "name": "Sam Buyer", "email": "sam@example.com", "mobile": "+14155550101"}}""")));
    FRESHDESK.stubFor(get("/api/v2/contacts/80").willReturn(okJson("""
        {"id": 80, "name": "Sam Buyer", "email": "sam@example.com", "mobile": "+14155550101", "phone": null,
         "time_zone": "Pacific Time (US & Canada)", "language": "en", "tags": ["vip"]}""")));
    FRESHDESK.stubFor(get(urlPathEqualTo("/api/v2/tickets/501/conversations")).willReturn(okJson("[]")));

    assertThat(webhook("{\"ticket_id\": \"501\", \"subject\": \"Camera setup\"}").value()).isEqualTo(202);
    inboxWorker.processDue();
    VideoSession session = sessions.findByTicket("501").get(0);
    assertThat(session.customerTimeZone()).isEqualTo("America/Los_Angeles");
    assertThat(session.customerMobile()).isEqualTo("+14155550101");
    assertThat(engine.getRuntimeService().getVariables(session.processInstanceId()))
        .containsEntry("customerTier", "VIP");

    driver.complete(session.processInstanceId(), OFFER_VIDEO_CALL,
        Map.of("customerAcceptedVideo", false, "declineReason", "prefers <b>chat</b>"));

    FRESHDESK.verify(postRequestedFor(urlEqualTo("/api/v2/tickets/501/notes"))
        .withRequestBody(matchingJsonPath("$.private", equalTo("true")))
        .withRequestBody(matchingJsonPath("$.body", containing("Video call offered"))));
    FRESHDESK.verify(postRequestedFor(urlEqualTo("/api/v2/tickets/501/notes"))
        .withRequestBody(matchingJsonPath("$.body",
            containing("Customer declined the video call: prefers &lt;b&gt;chat&lt;/b&gt;"))));
    FRESHDESK.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/501"))
        .withRequestBody(equalToJson("{\"tags\": [\"camera\", \"video-call\"]}")));
  }

  @Test
  void freshdeskDownAndNoEmailStillStartsAndAsksTheAgentForTheAddress() {
    FRESHDESK.stubFor(get(urlPathMatching("/api/v2/tickets/502.*")).willReturn(aResponse().withStatus(503)));

    assertThat(webhook("""
        {"ticket_id": "502", "subject": "Printer", "requester_name": "Kim", "requester_email": "",
         "customer_asked_for_video": true}""").value()).isEqualTo(202);
    inboxWorker.processDue();

    VideoSession session = sessions.findByTicket("502").get(0);
    assertThat(session.customerName()).isEqualTo("Kim");
    assertThat(session.customerEmail()).isNull();
    String pid = session.processInstanceId();
    assertThat(engine.getTaskService().getVariablesLocal(driver.task(pid, OFFER_VIDEO_CALL).getId()))
        .containsEntry("contextOrganisation", CustomerContext.UNAVAILABLE);
    // Freshdesk stays down: its deliveries fail and wait for their retries, the session goes on.
    TaskCompletion.completeAndRunJobsTolerantly(engine, driver.task(pid, OFFER_VIDEO_CALL).getId(),
        Map.of("customerAcceptedVideo", true));
    TaskCompletion.completeAndRunJobsTolerantly(engine, driver.task(pid, PREPARE_SESSION).getId(),
        Map.of("callTiming", "NOW", "expectedDurationMinutes", 10, "customerPreparation", "The printer",
            "callMode", "VIDEO", "meetingLink", "https://meet.example.com/r-2", "agentDevicesChecked", true, "callNowOutsideHours", true));
    assertThat(driver.task(pid, FIX_CONTACT_DETAILS)).isNotNull();
    assertThat(engine.getManagementService().createJobQuery().processDefinitionKey("helpdesk-delivery")
        .withException().list()).isNotEmpty();
  }

  private org.springframework.http.HttpStatusCode webhook(String body) {
    return RestClient.create("http://localhost:" + port).post().uri("/webhooks/freshdesk")
        .contentType(MediaType.APPLICATION_JSON).header("X-Webhook-Secret", "shared-secret").body(body)
        .retrieve().toBodilessEntity().getStatusCode();
  }
}
