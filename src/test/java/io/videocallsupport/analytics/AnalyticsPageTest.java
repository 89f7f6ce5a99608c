package io.videocallsupport.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.support.StaffBrowser;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The analytics page through HTTP, as a manager's browser uses it; its sessions are requested in June 2003. */
@H2SpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsPageTest {

  private static final String RANGE = "from=2003-06-02&to=2003-06-09";

  @LocalServerPort int port;
  @Autowired SessionRepository sessionRecords;
  @Autowired SessionService sessions;
  @Autowired HelpDesk helpDesk;

  @BeforeAll
  void sessionsOfJune2003() {
    UUID id = UUID.randomUUID();
    String ticket = "PAGE-" + id.toString().substring(0, 8);
    OffsetDateTime created = OffsetDateTime.parse("2003-06-03T09:00:00Z");
    helpDesk.openTicket(ticket, null);
    sessionRecords.insert(new VideoSession(id, ticket, null, SessionState.COMPLETED, "Jo Doe", null, null, "UTC",
        "en", "DE", null, "SETUP_CONFIGURATION", "page-agent", "manual", null, null, null, null, 10, null,
        created.plusMinutes(5), created.plusMinutes(17), true, created, null, null, null, "RESOLVED", created, created));
    sessions.recordOffered(id, "AUTO_OFFER");
    sessions.recordOfferAnswer(id, true);
  }

  @Test
  void aManagerLogsInFiltersAndDownloadsTheCsv() throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    HttpResponse<String> anonymous = browser.get("/analytics?" + RANGE);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/room/login");

    HttpResponse<String> loggedIn = browser.login("maria");
    assertThat(loggedIn.statusCode()).isEqualTo(302);
    assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).contains("/analytics");

    HttpResponse<String> page = browser.get("/analytics?" + RANGE + "&period=WEEK&agent=page-agent");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'").doesNotContain("script-src");
    String html = page.body();
    assertThat(html).contains("Video support analytics", "First-contact resolution", "Target met", "No data",
        "2003-W23", "page-agent", "<svg", "<table");
    assertThat(html).as("the filters keep their values")
        .contains("value=\"2003-06-02\"", "value=\"2003-06-09\"")
        .containsPattern("<option value=\"WEEK\" selected");
    assertThat(html).as("agents are picked by name from a list")
        .containsPattern("<option value=\"anna\">[^<]+ \\(anna\\)</option>")
        .contains("<option value=\"\">all agents</option>")
        .containsPattern("<option value=\"page-agent\"\\s+selected");
    assertThat(html).as("trend charts for the rates, CSAT and call length")
        .contains("id=\"chart-rates\"", "id=\"chart-csat\"", "id=\"chart-callMinutes\"",
            "Call length (average), 2003-W23: 12 min", "Call length (median)");
    assertThat(html).as("navigation and logout")
        .contains("href=\"/sessions\"", "href=\"/camunda/app/cockpit/\"", "Logged in as maria", "id=\"logout\"")
        .doesNotContain("href=\"/camunda/app/admin/\"");
    String csvLink = attribute(html, "csv-link");
    assertThat(csvLink).isEqualTo("/analytics/export.csv?from=2003-06-02&amp;to=2003-06-09&amp;period=WEEK"
        + "&amp;agent=page-agent");

    HttpResponse<String> csv = browser.get(csvLink.replace("&amp;", "&"));
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[1]).startsWith("2003-W23,2003-06-02,2003-06-09,page-agent,1,1,0,1,1,1,0,1,1,1.0,1,12.0,");
  }

  @Test
  void germanTextsAndClearErrors() throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    browser.login("tom");
    HttpResponse<String> german = browser.get("/analytics?" + RANGE, "de");
    assertThat(german.body()).contains("Auswertung Video-Support", "Ziel erreicht", "Je Agent");

    HttpResponse<String> bad = browser.get("/analytics?from=2003-06-09&to=2003-06-02");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(browser.get("/analytics?" + RANGE + "&agent=Page-Agent").body())
        .as("the agent filter ignores case, as Camunda's login does").contains("Call length (average), 2003-06-03: 12 min");
    assertThat(bad.body()).contains("role=\"alert\"", "must be after &#39;from&#39;");
    assertThat(browser.get("/analytics/export.csv?from=someday").statusCode()).isEqualTo(400);
  }

  @Test
  void agentsAreRefused() throws Exception {
    StaffBrowser browser = new StaffBrowser(port);
    browser.login("anna");
    assertThat(browser.get("/analytics?" + RANGE).statusCode()).isEqualTo(403);
    assertThat(browser.get("/analytics/export.csv?" + RANGE).statusCode()).isEqualTo(403);
  }

  private static String attribute(String html, String id) {
    Matcher matcher = Pattern.compile("href=\"([^\"]*)\" id=\"" + id + "\"").matcher(html);
    assertThat(matcher.find()).as("link %s", id).isTrue();
    return matcher.group(1);
  }
}
