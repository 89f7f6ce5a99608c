package io.videocallsupport.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.H2SpringTest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** {@code /api/analytics} and {@code /api/analytics.csv} over HTTP; its sessions are requested in May 2002. */
@H2SpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiTest {

  private static final String RANGE = "from=2002-05-06&to=2002-05-13";

  @LocalServerPort int port;
  @Autowired SessionRepository sessionRecords;
  @Autowired SessionService sessions;
  @Autowired HelpDesk helpDesk;
  @Autowired ObjectMapper json;

  RestClient http;

  /** Two sessions of an agent whose id needs quoting in CSV, one of them a resolved call of 12 minutes. */
  @BeforeAll
  void sessionsOfMay2002() {
    UUID call = session("2002-05-06T09:00:00Z", "o\"neil, jr", "2002-05-06T09:05:00Z", "2002-05-06T09:17:00Z",
        "RESOLVED");
    sessions.recordOffered(call, "AUTO_OFFER");
    sessions.recordOfferAnswer(call, true);
    UUID declined = session("2002-05-08T09:00:00Z", "o\"neil, jr", null, null, null);
    sessions.recordOffered(declined, "ON_REQUEST");
    sessions.recordOfferAnswer(declined, false);
    sessions.changeState(declined, SessionState.DECLINED);
  }

  @BeforeEach
  void client() {
    http = RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
        .build();
  }

  @Test
  void managersTeamLeadsAndAdminsReadTheReportAgentsDoNot() throws Exception {
    for (String user : new String[] {"maria", "tom", "admin"}) {
      assertThat(get(user, "/api/analytics?" + RANGE).getStatusCode().value()).as(user).isEqualTo(200);
      assertThat(get(user, "/api/analytics.csv?" + RANGE).getStatusCode().value()).as(user).isEqualTo(200);
    }
    assertThat(get("anna", "/api/analytics?" + RANGE).getStatusCode().value()).isEqualTo(403);
    assertThat(get("anna", "/api/analytics.csv?" + RANGE).getStatusCode().value()).isEqualTo(403);
    assertThat(get(null, "/api/analytics?" + RANGE).getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void reportAsJsonWithNullRatesWhereThereIsNoData() throws Exception {
    ResponseEntity<String> response = get("maria", "/api/analytics?" + RANGE + "&period=week");
    JsonNode report = json.readTree(response.getBody());

    assertThat(report.get("period").asText()).isEqualTo("WEEK");
    assertThat(report.get("timeZone").asText()).isEqualTo("UTC");
    assertThat(report.at("/targets/csatAbove").asDouble()).isEqualTo(4.7);
    assertThat(report.at("/total/funnel/requested").asInt()).isEqualTo(2);
    assertThat(report.at("/total/acceptanceRate").asDouble()).isEqualTo(0.5);
    assertThat(report.at("/total/averageCallMinutes").asDouble()).isEqualTo(12.0);
    assertThat(report.at("/total/firstContactResolution").asDouble()).isEqualTo(1.0);
    assertThat(report.at("/total/targets/firstContactResolution").asText()).isEqualTo("MET");
    assertThat(report.at("/total/csatAverage").isNull()).as("present and null").isTrue();
    assertThat(report.at("/total/targets/csat").asText()).isEqualTo("NO_DATA");
    assertThat(report.get("periods")).hasSize(1);
    assertThat(report.at("/periods/0/label").asText()).isEqualTo("2002-W19");
    assertThat(report.at("/agents/0/agent").asText()).isEqualTo("o\"neil, jr");
  }

  @Test
  void badParametersAreClear400s() throws Exception {
    assertBadRequest("/api/analytics?from=2002-13-01", "from", "must be a date");
    assertBadRequest("/api/analytics?from=2002-05-13&to=2002-05-06", "to", "must be after 'from'");
    assertBadRequest("/api/analytics?from=2000-01-01&to=2002-05-06", "to", "longer than 366 days");
    assertBadRequest("/api/analytics?" + RANGE + "&period=HOUR", "period", "DAY, WEEK or MONTH");
    assertBadRequest("/api/analytics.csv?from=yesterday", "from", "must be a date");
  }

  @Test
  void csvHasOneRowPerPeriodAndPerAgentWhenAskedWithQuotedFields() {
    ResponseEntity<String> days = get("maria", "/api/analytics.csv?" + RANGE);
    assertThat(days.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
    assertThat(days.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .isEqualTo("attachment; filename=\"analytics-2002-05-06-2002-05-13.csv\"");
    String[] lines = days.getBody().split("\r\n", -1);
    assertThat(lines).hasSize(1 + 7 + 1);
    assertThat(lines[0]).startsWith("period,period_start,period_end_exclusive,agent,requested,offered,invited,")
        .contains(",acceptance_rate,").endsWith(",eligible_chose_video_share");
    assertThat(lines[1]).startsWith("2002-05-06,2002-05-06,2002-05-07,,1,1,0,1,0,1,0,1,1,1.0,1,12.0,12.0,1.0,0,0.0,,0,");
    assertThat(lines[2]).as("a day without sessions: zero counts, empty rates")
        .startsWith("2002-05-07,2002-05-07,2002-05-08,,0,0,0,0,0,0,0,0,0,,0,,,,0,,,0,");
    assertThat(lines[8]).isEmpty();

    String[] perAgent = get("tom", "/api/analytics.csv?" + RANGE + "&period=WEEK&byAgent=true").getBody()
        .split("\r\n");
    assertThat(perAgent).hasSize(2);
    assertThat(perAgent[1]).startsWith("2002-W19,2002-05-06,2002-05-13,\"o\"\"neil, jr\",2,2,");
  }

  @Test
  void csvFieldsFollowRfc4180() {
    assertThat(AnalyticsCsv.field(null)).isEmpty();
    assertThat(AnalyticsCsv.field("plain")).isEqualTo("plain");
    assertThat(AnalyticsCsv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(AnalyticsCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(AnalyticsCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
  }

  private void assertBadRequest(String path, String field, String message) throws Exception {
    ResponseEntity<String> response = get("maria", path);
    assertThat(response.getStatusCode().value()).as(path).isEqualTo(400);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("detail").asText()).contains(message);
    assertThat(body.at("/errors/0/field").asText()).isEqualTo(field);
  }

  private ResponseEntity<String> get(String user, String path) {
    var request = http.get().uri(path);
    if (user != null) {
      request.header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }
    return request.retrieve().toEntity(String.class);
  }

  private UUID session(String createdAt, String agent, String joinedAt, String endedAt, String outcome) {
    UUID id = UUID.randomUUID();
    String ticket = "API-" + id.toString().substring(0, 8);
    OffsetDateTime created = OffsetDateTime.parse(createdAt);
    helpDesk.openTicket(ticket, null);
    sessionRecords.insert(new VideoSession(id, ticket, null, SessionState.COMPLETED, "Jo Doe", null, null, "UTC",
        "en", "DE", null, "SETUP_CONFIGURATION", agent, "manual", null, null, null, null, 10, null,
        joinedAt == null ? null : OffsetDateTime.parse(joinedAt), endedAt == null ? null : OffsetDateTime.parse(endedAt),
        null, null, null, null, null, outcome, created, created));
    return id;
  }
}
