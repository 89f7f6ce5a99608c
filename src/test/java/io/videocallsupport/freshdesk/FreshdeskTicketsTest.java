package io.videocallsupport.freshdesk;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.videocallsupport.helpdesk.HelpDeskProperties;
import io.videocallsupport.helpdesk.HelpDeskUnavailableException;
import io.videocallsupport.helpdesk.TicketFacts;
import io.videocallsupport.helpdesk.TicketStatus;
import io.videocallsupport.session.SessionValues.CustomerTier;
import io.videocallsupport.system.RetryAfterException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Freshdesk adapter against WireMock answering as Freshdesk's API v2 reference shows. */
class FreshdeskTicketsTest {

  static final WireMockServer FRESHDESK = new WireMockServer(WireMockConfiguration.options().dynamicPort());
  static final HelpDeskProperties HELP_DESK = new HelpDeskProperties("freshdesk", null, null, null, null, null, null,
      null);
  static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("fd-api-key:X".getBytes(StandardCharsets.UTF_8));

  FreshdeskTickets freshdesk;

  @BeforeAll
  static void start() {
    FRESHDESK.start();
  }

  @AfterAll
  static void stop() {
    FRESHDESK.stop();
  }

  @BeforeEach
  void adapter() {
    FRESHDESK.resetAll();
    freshdesk = new FreshdeskTickets(new FreshdeskProperties(FRESHDESK.baseUrl(), "fd-api-key", "secret", 0,
        Duration.ofSeconds(2), Duration.ofMillis(1500), null), HELP_DESK, Clock.systemUTC());
  }

  @Test
  void privateNoteIsEscapedHtmlWithPrivateTrueAndTheApiKeyAsBasicUser() {
    FRESHDESK.stubFor(post("/api/v2/tickets/20/notes").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("""
            {"id": 5000312543, "body": "<div>CSAT 2</div>", "body_text": "CSAT 2", "incoming": false,
             "private": true, "user_id": 43, "support_email": null, "ticket_id": 20, "to_emails": [],
             "created_at": "2026-12-01T12:00:00Z", "updated_at": "2026-12-01T12:00:00Z", "attachments": []}""")));

    assertThat(freshdesk.addPrivateNote("20", "CSAT 2\n<script>alert(1)</script>")).isEqualTo("5000312543");

    FRESHDESK.verify(postRequestedFor(urlEqualTo("/api/v2/tickets/20/notes"))
        .withHeader("Authorization", equalTo(BASIC))
        .withRequestBody(equalToJson("""
            {"body": "CSAT 2<br>&lt;script&gt;alert(1)&lt;/script&gt;", "private": true}""")));
  }

  @Test
  void rateLimitAndErrors() {
    FRESHDESK.stubFor(post("/api/v2/tickets/21/notes").willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "41").withHeader("X-Ratelimit-Total", "200")
        .withHeader("X-Ratelimit-Remaining", "0")));
    FRESHDESK.stubFor(post("/api/v2/tickets/22/notes").willReturn(aResponse().withStatus(500)));
    FRESHDESK.stubFor(post("/api/v2/tickets/23/notes").willReturn(okJson("[]")));
    FRESHDESK.stubFor(post("/api/v2/tickets/24/notes").willReturn(okJson("{}").withFixedDelay(4_000)));

    assertThatThrownBy(() -> freshdesk.addPrivateNote("21", "x"))
        .isInstanceOfSatisfying(RetryAfterException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(41)));
    for (String ticket : new String[] {"22", "23", "24"}) {
      assertThatThrownBy(() -> freshdesk.addPrivateNote(ticket, "x")).as("ticket %s", ticket)
          .isInstanceOf(HelpDeskUnavailableException.class);
    }
  }

  @Test
  void tagIsAddedToTheTicketsTagsAndStatusIsANumber() {
    FRESHDESK.stubFor(get(urlPathEqualTo("/api/v2/tickets/25")).willReturn(okJson("""
        {"id": 25, "subject": "Printer", "status": 2, "priority": 1, "tags": ["printer"], "requester_id": 7}""")));
    FRESHDESK.stubFor(put("/api/v2/tickets/25").willReturn(okJson("{\"id\": 25, \"status\": 4}")));

    freshdesk.addTag("25", "video-call");
    freshdesk.setStatus("25", freshdesk.statusFor(TicketStatus.RESOLVED).orElseThrow());

    FRESHDESK.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/25"))
        .withRequestBody(equalToJson("{\"tags\": [\"printer\", \"video-call\"]}")));
    FRESHDESK.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/25")).withRequestBody(equalToJson("{\"status\": 4}")));
    assertThat(freshdesk.statusFor(TicketStatus.OPEN)).isEmpty();
  }

  @Test
  void markerIsFoundInTheConversations() {
    FRESHDESK.stubFor(get(urlPathEqualTo("/api/v2/tickets/26/conversations")).willReturn(okJson("""
        [{"id": 1, "body": "<div>Please restart</div>", "body_text": "Please restart", "incoming": false,
          "private": false, "created_at": "2026-12-01T10:00:00Z"},
         {"id": 2, "body": "Joined<br><br>— video call [vcs s-2 joined]",
          "body_text": "Joined\\n\\n— video call [vcs s-2 joined]", "incoming": false, "private": true,
          "created_at": "2026-12-01T10:10:00Z"}]""")));

    assertThat(freshdesk.hasNoteContaining("26", "[vcs s-2 joined]")).isTrue();
    assertThat(freshdesk.hasNoteContaining("26", "[vcs s-2 offered]")).isFalse();
  }

  @Test
  void ticketFactsFromTicketContactAndCompany() {
    FRESHDESK.stubFor(get(urlPathEqualTo("/api/v2/tickets/27")).withQueryParam("include", equalTo("requester,company"))
        .willReturn(okJson("""
            {"id": 27, "subject": "Camera setup", "status": 2, "requester_id": 80, "company_id": 90,
             "tags": ["video-declined"], "created_at": "2026-12-01T08:00:00Z",
             "requester": {"id": 80, "name": "Sam Buyer", "email": "sam@example.com", "mobile": null, "phone": null},
             "company": {"id": 90, "name": "Globex"}}""")));
    FRESHDESK.stubFor(get("/api/v2/contacts/80").willReturn(okJson("""
        {"id": 80, "name": "Sam Buyer", "email": "sam@example.com", "phone": "+1 415 555 0100",
         "mobile": "+14155550101", "time_zone": "Pacific Time (US & Canada)", "language": "en",
         "company_id": 90, "tags": [], "custom_fields": {}}""")));
    FRESHDESK.stubFor(get("/api/v2/companies/90").willReturn(okJson("""
        {"id": 90, "name": "Globex", "custom_fields": {"tier": "VIP"}, "account_tier": "Premium"}""")));
    FRESHDESK.stubFor(get(urlPathEqualTo("/api/v2/tickets/27/conversations")).willReturn(okJson("""
        [{"id": 1, "body_text": "Which camera?", "private": false, "incoming": false,
          "created_at": "2026-12-01T09:00:00Z"},
         {"id": 2, "body_text": "Logitech", "private": false, "incoming": true, "created_at": "2026-12-01T09:30:00Z"},
         {"id": 3, "body_text": "note", "private": true, "incoming": false, "created_at": "2026-12-01T09:40:00Z"}]""")));

    TicketFacts facts = freshdesk.ticket("27");

    assertThat(facts.requesterPhone()).isEqualTo("+14155550101");
    assertThat(facts.timeZone()).isEqualTo("Pacific Time (US & Canada)");
    assertThat(facts.organisation()).isEqualTo("Globex");
    assertThat(HELP_DESK.tierOf(facts)).contains(CustomerTier.VIP);
    assertThat(HELP_DESK.declinedVideoBefore(facts)).isTrue();
    assertThat(facts.publicReplies()).isEqualTo(2);
    assertThat(facts.messages()).isEqualTo(4);
  }
}
