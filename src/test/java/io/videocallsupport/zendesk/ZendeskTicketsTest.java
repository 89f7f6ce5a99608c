package io.videocallsupport.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.videocallsupport.helpdesk.HelpDeskProperties;
import io.videocallsupport.helpdesk.HelpDeskUnavailableException;
import io.videocallsupport.helpdesk.TicketFacts;
import io.videocallsupport.helpdesk.TicketStatus;
import io.videocallsupport.session.SessionValues.CustomerTier;
import io.videocallsupport.system.RetryAfterException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Zendesk adapter against WireMock answering as Zendesk's API reference shows. */
public class ZendeskTicketsTest {

  static final WireMockServer ZENDESK = new WireMockServer(WireMockConfiguration.options().dynamicPort());
  static final HelpDeskProperties HELP_DESK = new HelpDeskProperties("zendesk", null, null, null, null, null, null,
      null);

  ZendeskTickets zendesk;

  @BeforeAll
  static void start() {
    ZENDESK.start();
  }

  @AfterAll
  static void stop() {
    ZENDESK.stop();
  }

  @BeforeEach
  void adapter() {
    ZENDESK.resetAll();
    zendesk = new ZendeskTickets(new ZendeskProperties(ZENDESK.baseUrl(), "oauth-access-token", "secret", null, 0,
        Duration.ofSeconds(2), Duration.ofMillis(1500), null), HELP_DESK, Clock.systemUTC());
  }

  @Test
  void privateCommentIsATicketUpdateWithPublicFalseAndABearerToken() {
    ZENDESK.stubFor(put("/api/v2/tickets/35436").willReturn(okJson("""
        {"ticket": {"id": 35436, "status": "open", "subject": "Router offline"},
         "audit": {"id": 9912, "ticket_id": 35436, "events": [
           {"id": 1274, "type": "Comment", "body": "Video call offered", "public": false, "author_id": 5}]}}""")));

    assertThat(zendesk.addPrivateNote("35436", "Video call offered")).isEqualTo("1274");

    ZENDESK.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/35436"))
        .withHeader("Authorization", equalTo("Bearer oauth-access-token"))
        .withRequestBody(equalToJson("""
            {"ticket": {"comment": {"body": "Video call offered", "public": false}}}""")));
  }

  @Test
  void rateLimitWaitsAsZendeskAsks() {
    ZENDESK.stubFor(put("/api/v2/tickets/1").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "93")
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"APIRateLimitExceeded\"}")));

    assertThatThrownBy(() -> zendesk.addPrivateNote("1", "x"))
        .isInstanceOfSatisfying(RetryAfterException.class, e -> {
          assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(93));
          assertThat(e.rateLimited()).isTrue();
        });
  }

  @Test
  void serverErrorsTimeoutsAndMalformedAnswersAreUnavailable() {
    ZENDESK.stubFor(put("/api/v2/tickets/2").willReturn(aResponse().withStatus(502).withBody("Bad gateway")));
    ZENDESK.stubFor(put("/api/v2/tickets/3").willReturn(okJson("{}").withFixedDelay(4_000)));
    ZENDESK.stubFor(put("/api/v2/tickets/4").willReturn(okJson("{\"ticket\": {\"id\": 4")));
    ZENDESK.stubFor(put("/api/v2/tickets/5").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    ZENDESK.stubFor(put("/api/v2/tickets/6").willReturn(okJson("{\"error\": \"unexpected\"}")));

    for (String ticket : new String[] {"2", "3", "4", "5", "6"}) {
      assertThatThrownBy(() -> zendesk.addPrivateNote(ticket, "x")).as("ticket %s", ticket)
          .isInstanceOf(HelpDeskUnavailableException.class);
    }
  }

  @Test
  void aMarkerIsFoundOnAnyPageOfComments() {
    ZENDESK.stubFor(get(urlPathEqualTo("/api/v2/tickets/7/comments")).withQueryParam("page[size]", equalTo("100"))
        .withQueryParam("page[after]", absent()).willReturn(okJson("""
            {"comments": [{"id": 1, "type": "Comment", "body": "My router is offline", "public": true,
                           "created_at": "2026-12-01T09:00:00Z"}],
             "meta": {"has_more": true, "after_cursor": "xxx", "before_cursor": "yyy"},
             "links": {"next": "https://example.zendesk.com/api/v2/tickets/7/comments.json?page[after]=xxx&page[size]=100",
                       "prev": null}}""")));
    ZENDESK.stubFor(get(urlPathEqualTo("/api/v2/tickets/7/comments")).withQueryParam("page[after]", equalTo("xxx"))
        .willReturn(okJson("""
            {"comments": [{"id": 2, "type": "Comment", "body": "Joined\\n\\n— video call [vcs s-1 joined]",
                           "plain_body": "Joined — video call [vcs s-1 joined]", "public": false,
                           "created_at": "2026-12-01T09:10:00Z"}],
             "meta": {"has_more": false, "after_cursor": null, "before_cursor": "zzz"},
             "links": {"next": null, "prev": null}}""")));

    assertThat(zendesk.hasNoteContaining("7", "[vcs s-1 joined]")).isTrue();
    assertThat(zendesk.hasNoteContaining("7", "[vcs s-1 consent:1]")).isFalse();
  }

  @Test
  void statusAndTagFollowTheMapping() {
    ZENDESK.stubFor(put("/api/v2/tickets/8").willReturn(okJson("{\"ticket\": {\"id\": 8, \"status\": \"solved\"}}")));
    ZENDESK.stubFor(put("/api/v2/tickets/8/tags").willReturn(okJson("{\"tags\": [\"router\", \"video-call\"]}")));

    assertThat(zendesk.statusFor(TicketStatus.RESOLVED)).contains("solved");
    assertThat(zendesk.statusFor(TicketStatus.OPEN)).as("fallback and no-show: unchanged").isEmpty();
    zendesk.setStatus("8", "solved");
    zendesk.addTag("8", "video-call");

    ZENDESK.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/8"))
        .withRequestBody(equalToJson("{\"ticket\": {\"status\": \"solved\"}}")));
    ZENDESK.verify(putRequestedFor(urlEqualTo("/api/v2/tickets/8/tags"))
        .withRequestBody(equalToJson("{\"tags\": [\"video-call\"]}")));
  }

  @Test
  void ticketFactsComeFromTheTicketItsSideloadedRequesterAndOrganisation() {
    stubTicket(ZENDESK, "35436");

    TicketFacts facts = zendesk.ticket("35436");

    assertThat(facts.subject()).isEqualTo("Router keeps dropping the connection");
    assertThat(facts.requesterName()).isEqualTo("Jo Customer");
    assertThat(facts.requesterEmail()).isEqualTo("jo@example.com");
    assertThat(facts.requesterPhone()).isEqualTo("+4915112345678");
    assertThat(facts.timeZone()).isEqualTo("Europe/Berlin");
    assertThat(facts.locale()).isEqualTo("de");
    assertThat(facts.organisation()).isEqualTo("Acme GmbH");
    assertThat(HELP_DESK.tierOf(facts)).contains(CustomerTier.ENTERPRISE);
    assertThat(HELP_DESK.declinedVideoBefore(facts)).isFalse();
    assertThat(facts.publicReplies()).isEqualTo(2);
    assertThat(facts.messages()).isEqualTo(4);
    assertThat(facts.lastMessageAt()).isEqualTo(OffsetDateTime.parse("2026-12-01T11:30:00Z"));
  }

  /** A ticket as "Show Ticket" answers with {@code include=users,organizations}, and its comments. */
  public static void stubTicket(WireMockServer zendesk, String ticketId) {
    zendesk.stubFor(get(urlPathEqualTo("/api/v2/tickets/" + ticketId))
        .withQueryParam("include", equalTo("users,organizations")).willReturn(okJson("""
            {"ticket": {"id": %s, "subject": "Router keeps dropping the connection", "status": "open",
                        "requester_id": 20978392, "submitter_id": 20978392, "organization_id": 509974,
                        "tags": ["router", "wifi"], "via": {"channel": "web"},
                        "created_at": "2026-12-01T09:00:00Z", "updated_at": "2026-12-01T11:30:00Z"},
             "users": [{"id": 20978392, "name": "Jo Customer", "email": "jo@example.com", "phone": "+4915112345678",
                        "time_zone": "Berlin", "iana_time_zone": "Europe/Berlin", "locale": "de", "locale_id": 8,
                        "organization_id": 509974, "role": "end-user", "tags": []}],
             "organizations": [{"id": 509974, "name": "Acme GmbH", "tags": ["customer"],
                                "organization_fields": {"tier": "enterprise", "region": "emea"}}]}
            """.formatted(ticketId))));
    zendesk.stubFor(get(urlPathEqualTo("/api/v2/tickets/" + ticketId + "/comments")).willReturn(okJson("""
        {"comments": [
          {"id": 1, "type": "Comment", "author_id": 20978392, "body": "My router drops", "public": true,
           "created_at": "2026-12-01T09:00:00Z"},
          {"id": 2, "type": "Comment", "author_id": 5, "body": "Please restart it", "public": true,
           "created_at": "2026-12-01T10:00:00Z"},
          {"id": 3, "type": "Comment", "author_id": 5, "body": "internal: check firmware", "public": false,
           "created_at": "2026-12-01T10:05:00Z"},
          {"id": 4, "type": "Comment", "author_id": 20978392, "body": "Still drops", "public": true,
           "created_at": "2026-12-01T11:30:00Z"}],
         "meta": {"has_more": false, "after_cursor": null, "before_cursor": null},
         "links": {"next": null, "prev": null}}""")));
  }
}
