package io.videocallsupport.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.support.StaffBrowser;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff's session search and session page through HTTP, as a browser uses them. Its sessions are
 * requested in May 2004, so no other test's sessions fall into the searched days.
 */
@H2SpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSearchPageTest {

  private static final String DAYS = "from=2004-05-01&to=2004-05-31";

  @LocalServerPort int port;
  @Autowired SessionRepository sessionRecords;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private final String tag = UUID.randomUUID().toString().substring(0, 6);
  private UUID annasFinished;
  private UUID tomsOpen;
  private UUID unassigned;
  private UUID annasInvited;

  @BeforeAll
  void sessionsOfMay2004() {
    annasFinished = session("SRCH-" + tag + "-1", "Erika <b>Muster</b>", "anna", SessionState.COMPLETED, "RESOLVED",
        "2004-05-03T09:00:00Z");
    tomsOpen = session("SRCH-" + tag + "-2", "Jo 100%_Doe", "tom", SessionState.INVITED, null, "2004-05-10T09:00:00Z");
    unassigned = session("SRCH-" + tag + "-3", null, null, SessionState.REQUESTED, null, "2004-05-20T09:00:00Z");
    annasInvited = session("SRCH-" + tag + "-4", "Kim Lee", "anna", SessionState.INVITED, null, "2004-05-21T09:00:00Z");
  }

  @Test
  void aManagerFindsFinishedSessionsByEveryFilterAndOpensTheTimeline() throws Exception {
    StaffBrowser maria = new StaffBrowser(port);
    assertThat(maria.get("/sessions").statusCode()).as("login first").isEqualTo(302);
    maria.login("maria");

    String all = maria.get("/sessions?" + DAYS + "&ticket=srch-" + tag).body();
    assertThat(all).contains("4 sessions, newest first", "Completed", "Customer invited", "(erased)",
        "(no agent yet)", "Resolved");
    assertThat(all).as("customer text is shown as text").contains("Erika &lt;b&gt;Muster&lt;/b&gt;")
        .doesNotContain("<b>Muster</b>");
    assertThat(all.indexOf(tag + "-3")).as("newest first").isLessThan(all.indexOf(tag + "-1"));

    assertThat(maria.get("/sessions?" + DAYS + "&ticket=" + tag + "&state=COMPLETED").body())
        .contains("1 sessions", tag + "-1").doesNotContain(tag + "-2");
    assertThat(maria.get("/sessions?" + DAYS + "&ticket=" + tag + "&agent=TOM").body())
        .as("the agent filter ignores case").contains(tag + "-2").doesNotContain(tag + "-1");
    assertThat(maria.get("/sessions?" + DAYS + "&ticket=" + tag + "&customer=erika").body())
        .contains(tag + "-1").doesNotContain(tag + "-2");
    assertThat(maria.get("/sessions?" + DAYS + "&ticket=" + tag + "&customer=100%25_").body())
        .as("wildcards in the search are plain characters").contains(tag + "-2").doesNotContain(tag + "-1");
    assertThat(maria.get("/sessions?from=2004-05-04&to=2004-05-10&ticket=" + tag).body())
        .as("'to' is inclusive").contains(tag + "-2").doesNotContain(tag + "-1").doesNotContain(tag + "-3");

    HttpResponse<String> page = maria.get("/sessions/" + annasFinished);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Session of ticket SRCH-" + tag + "-1", "Timeline", "Completed", "anna");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");

    HttpResponse<String> german = maria.get("/sessions?" + DAYS + "&ticket=" + tag, "de");
    assertThat(german.body()).contains("Video-Sitzungen", "Abgeschlossen", "Abmelden");
  }

  @Test
  void anAgentFindsOwnAndUnassignedSessionsOnly() throws Exception {
    StaffBrowser anna = new StaffBrowser(port);
    anna.login("anna");
    String found = anna.get("/sessions?" + DAYS + "&ticket=" + tag).body();
    assertThat(found).contains(tag + "-1", tag + "-3").doesNotContain(tag + "-2");
    assertThat(found).as("agents get no analytics link").doesNotContain("href=\"/analytics\"");
    assertThat(anna.get("/sessions/" + unassigned).statusCode()).isEqualTo(200);
    assertThat(anna.get("/sessions/" + tomsOpen).statusCode()).as("tom's session").isEqualTo(403);
    assertThat(anna.get("/sessions/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
  }

  @Test
  void badFiltersAreClearErrorsAndLogoutEndsTheLogin() throws Exception {
    StaffBrowser tom = new StaffBrowser(port);
    tom.login("tom");
    HttpResponse<String> bad = tom.get("/sessions?from=someday");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("role=\"alert\"", "must be a date");
    assertThat(tom.get("/sessions?state=LOST").statusCode()).isEqualTo(400);
    assertThat(tom.get("/sessions?ticket=" + "x".repeat(101)).statusCode()).isEqualTo(400);

    HttpResponse<String> logout = tom.post("/sessions", "/room/logout", "");
    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(tom.get("/sessions").statusCode()).as("logged out").isEqualTo(302);
  }

  @Test
  void theAgentGetsAFreshJoinLinkToReadOutAndManagersDoNot() throws Exception {
    StaffBrowser anna = new StaffBrowser(port);
    anna.login("anna");
    String page = anna.get("/sessions/" + annasInvited).body();
    assertThat(page).contains("id=\"show-join-link\"");
    assertThat(anna.get("/sessions/" + annasFinished).body()).as("no link once the session is over")
        .doesNotContain("show-join-link");

    HttpResponse<String> shown = anna.post("/sessions/" + annasInvited, "/sessions/" + annasInvited + "/join-link", "");
    assertThat(shown.statusCode()).isEqualTo(200);
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("value=\"https?://[^/\"]+(/join/[A-Za-z0-9_-]{43})\"")
        .matcher(shown.body());
    assertThat(link.find()).as(shown.body()).isTrue();
    assertThat(new StaffBrowser(port).get(link.group(1)).statusCode()).as("the customer's browser opens it")
        .isEqualTo(302);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'JOIN_LINK_SHOWN' AND actor = 'anna' "
        + "AND subject_id = :id").param("id", annasInvited.toString()).query(Integer.class).single())
        .as("who asked is on record").isEqualTo(1);

    StaffBrowser maria = new StaffBrowser(port);
    maria.login("maria");
    assertThat(maria.get("/sessions/" + annasInvited).body()).as("managers only watch").doesNotContain("show-join-link");
    assertThat(maria.post("/sessions/" + annasInvited, "/sessions/" + annasInvited + "/join-link", "").statusCode())
        .isEqualTo(403);
    StaffBrowser other = new StaffBrowser(port);
    other.login("anna");
    assertThat(other.post("/sessions/" + annasInvited, "/sessions/" + tomsOpen + "/join-link", "").statusCode())
        .as("another agent's session").isEqualTo(403);
  }

  private UUID session(String ticket, String customer, String agent, SessionState state, String outcome,
                       String requested) {
    UUID id = UUID.randomUUID();
    OffsetDateTime created = OffsetDateTime.parse(requested);
    sessionRecords.insert(new VideoSession(id, ticket, null, state, customer, null, null, "UTC", "en", "DE", null,
        "SETUP_CONFIGURATION", agent, "manual", null, null, null, null, 10, null, null, null, null, null, null, null,
        null, outcome, created, created));
    return id;
  }
}
