package io.videocallsupport.web;

import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.csat.CsatSurvey;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.helpdesk.TicketNote;
import io.videocallsupport.inbox.InboxWorker;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.messaging.OutboxMessage;
import io.videocallsupport.privacy.PrivacyRequest;
import io.videocallsupport.retention.Recordings;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.SentMessages;
import io.videocallsupport.support.Sessions;
import io.videocallsupport.token.AccessTokens;
import io.videocallsupport.token.TokenPurpose;
import java.net.HttpCookie;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The customer pages over HTTP, as a browser without JavaScript uses them: links swapped for
 * cookies, friendly pages for bad links, the survey answered once, privacy requests, the download
 * of a kept recording, and the join page's choices reaching the agent.
 */
@H2SpringTest
@ExtendWith(OutputCaptureExtension.class)
class CustomerPagesTest {

  private static final String MEETING_LINK = "https://meet.example.com/room-7";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired SessionRepository sessions;
  @Autowired Outbox outbox;
  @Autowired SentMessages customerGot;
  @Autowired AccessTokens tokens;
  @Autowired HelpDesk helpDesk;
  @Autowired InboxWorker inbox;
  @Autowired Recordings recordings;
  @Autowired org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext web;
  @Value("${vcs.recording.storage-dir}") Path storageDir;

  ProcessDriver driver;
  PageClient browser;

  @BeforeEach
  void setUp() {
    driver = new ProcessDriver(engine);
    browser = new PageClient(port);
  }

  @Test
  void surveyLinkBecomesACookieAndIsAnsweredOnceThenRefusedWithAFriendlyPage() throws Exception {
    VideoSession session = sessionAfterCall("de");
    String link = PageClient.linkPath(customerGot.text(message(session, MessagePurpose.SURVEY)), "survey");

    HttpResponse<String> opened = browser.get(link);
    assertThat(opened.statusCode()).isEqualTo(302);
    assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/survey")
        .doesNotContain(link.substring("/survey/".length()));
    String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).startsWith("vcs_survey=").contains("HttpOnly").contains("SameSite=Lax")
        .contains("Path=/survey").contains("Max-Age=");

    HttpResponse<String> form = browser.get("/survey", "en");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).as("in the customer's language, not the browser's")
        .contains("Wie war Ihr Videoanruf?").contains("lang=\"de\"")
        .contains("<label for=\"comment\"").contains("<legend");
    assertThat(form.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
    assertThat(form.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

    assertThat(browser.postRaw("/survey", Map.of("score", "5")).statusCode()).as("no CSRF token").isEqualTo(403);
    HttpResponse<String> invalid = browser.post("/survey", Map.of("comment", "no score"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("Bitte wählen Sie eine Bewertung");

    HttpResponse<String> answered = browser.post("/survey", Map.of("score", "2", "comment", "Zu lang gedauert",
        "complaint", "true"));
    assertThat(answered.statusCode()).isEqualTo(302);
    assertThat(answered.headers().firstValue("Location").orElseThrow()).endsWith("/survey/thanks");
    assertThat(browser.get("/survey/thanks").body()).contains("Vielen Dank für Ihr Feedback");
    ProcessInstance csat = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CsatSurvey.PROCESS_KEY).processInstanceBusinessKey(session.ticketId()).singleResult();
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(csat.getId())
        .taskDefinitionKey(CsatSurvey.Elements.REVIEW_FEEDBACK).count()).isOne();

    HttpResponse<String> again = browser.post("/survey", Map.of("score", "5"));
    assertThat(again.statusCode()).isEqualTo(410);
    assertThat(again.body()).contains("bereits beantwortet").doesNotContain("Exception");
    assertThat(browser.get("/survey").statusCode()).isEqualTo(410);
    browser.forgetCookies();
    HttpResponse<String> reopened = browser.get(link);
    assertThat(reopened.statusCode()).as("the used link itself").isEqualTo(410);
    assertThat(reopened.body()).contains("bereits beantwortet");
  }

  @Test
  void unknownAndExpiredLinksGetAPageThatSaysSo() throws Exception {
    HttpResponse<String> unknown = browser.get("/survey/" + "x".repeat(43));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("This link does not work").doesNotContain("Whitelabel")
        .doesNotContain("Exception");
    assertThat(browser.get("/join").statusCode()).as("no cookie").isEqualTo(404);
    assertThat(browser.get("/privacy/download").statusCode()).isEqualTo(404);

    String expired = tokens.issue(TokenPurpose.PRIVACY, null, "T-expired", Duration.ofSeconds(-1));
    HttpResponse<String> old = browser.get("/privacy/" + expired, "de");
    assertThat(old.statusCode()).isEqualTo(410);
    assertThat(old.body()).contains("abgelaufen");
    String joinToken = tokens.issue(TokenPurpose.JOIN, null, "T-x", Duration.ofHours(1));
    assertThat(browser.get("/survey/" + joinToken).statusCode()).as("a token of another purpose").isEqualTo(404);
  }

  @Test
  void privacyPageStartsACopyRequestAndTheDownloadPageStreamsTheKeptRecording() throws Exception {
    VideoSession session = sessionAfterCall("en");
    Files.createDirectories(storageDir);
    Path file = Files.writeString(storageDir.resolve("page-test-" + UUID.randomUUID() + ".webm"), "webm bytes");
    recordings.register(session.id(), "manual", "rec-" + UUID.randomUUID(), "local:" + file.getFileName(), null);

    browser.get(PageClient.linkPath(customerGot.text(message(session, MessagePurpose.FOLLOW_UP)), "privacy"));
    HttpResponse<String> form = browser.get("/privacy");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains(session.ticketId()).contains("for=\"type-copy\"").contains("for=\"type-erasure\"");
    assertThat(browser.post("/privacy", Map.of("requestType", "EVERYTHING")).statusCode()).isEqualTo(400);
    HttpResponse<String> sent = browser.post("/privacy", Map.of("requestType", "COPY"));
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(browser.get("/privacy/sent?type=COPY").body()).contains("download link");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processDefinitionKey(PrivacyRequest.PROCESS_KEY).variableName("requestedBy").list())
        .anySatisfy(v -> assertThat(v.getValue()).isEqualTo("customer"));
    driver.runDueJobs();

    OutboxMessage copy = message(session, MessagePurpose.RECORDING_COPY);
    PageClient other = new PageClient(port);
    assertThat(other.get(PageClient.linkPath(customerGot.text(copy), "privacy/download")).statusCode()).isEqualTo(302);
    HttpResponse<String> list = other.get("/privacy/download");
    assertThat(list.statusCode()).isEqualTo(200);
    String href = list.body().replaceAll("(?s).*href=\"(/privacy/download/files/[^\"]+)\".*", "$1");
    HttpResponse<byte[]> download = other.getBytes(href);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(new String(download.body())).isEqualTo("webm bytes");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
    assertThat(other.getBytes("/privacy/download/files/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    assertThat(browser.getBytes(href).statusCode()).as("the privacy cookie is no download cookie").isEqualTo(404);
  }

  @Test
  void joinPageShowsTheCallAndTheCustomersChoiceReachesTheAgent() throws Exception {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm("T-" + UUID.randomUUID().toString().substring(0, 8)));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "customerPreparation", "Your router", "callMode", "VIDEO", "meetingLink", MEETING_LINK,
        "agentDevicesChecked", true, "callNowOutsideHours", true));
    VideoSession session = sessionOf(pid);
    String link = PageClient.linkPath(customerGot.text(message(session, MessagePurpose.INVITATION)), "join");

    assertThat(browser.get(link).statusCode()).isEqualTo(302);
    HttpCookie cookie = browser.cookie("vcs_join").orElseThrow();
    assertThat(cookie.isHttpOnly()).isTrue();
    HttpResponse<String> page = browser.get("/join");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("No install needed").contains("about 10 minutes").contains("Your router")
        .contains("Nothing is recorded without your consent").contains("id=\"camera-preview\"")
        .contains("id=\"mic-level\"").contains("id=\"test-speaker\"")
        .contains("value=\"AUDIO_ONLY\"").contains("value=\"SCREEN_SHARE_ONLY\"").contains("value=\"PHONE\"")
        .contains("value=\"DECLINE\"").contains("<label for=\"choice-PHONE\"");

    HttpResponse<String> phone = browser.post("/join/choice", Map.of("choice", "PHONE", "phone", "+49 30 1234567"));
    assertThat(phone.headers().firstValue("Location").orElseThrow()).endsWith("/join/noted?choice=PHONE");
    assertThat(browser.get("/join/noted?choice=PHONE").body()).contains("We will call you");
    HttpResponse<String> video = browser.post("/join/choice", Map.of("choice", "VIDEO"));
    assertThat(video.headers().firstValue("Location")).as("the manual platform's meeting").hasValue(MEETING_LINK);
    assertThat(browser.get(link).statusCode()).as("the join link works again, for a rejoin").isEqualTo(302);

    inbox.processDue();
    assertThat(helpDesk.notes(session.ticketId())).extracting(TicketNote::body)
        .anySatisfy(note -> assertThat(note).contains("phone call").contains("+49 30 1234567"));
    assertThat(engine.getRuntimeService().getVariable(pid, "customerJoinChoice")).as("the latest choice")
        .isEqualTo("VIDEO");
    // "Call me instead" ended the wait: the agent's task shows the number the customer gave.
    String task = driver.task(pid, CALL_CUSTOMER_BACK).getId();
    assertThat(engine.getTaskService().getVariablesLocal(task)).containsEntry("callbackPhone", "+49 30 1234567");
  }

  @Test
  void theJoinLinkAfterTheCallShowsTheEndPageAndLogsNoError(CapturedOutput log) throws Exception {
    VideoSession session = sessionAfterCall("de");
    String link = PageClient.linkPath(customerGot.text(message(session, MessagePurpose.INVITATION)), "join");

    assertThat(browser.get(link).statusCode()).isEqualTo(302);
    HttpResponse<String> page = browser.get("/join");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Vielen Dank, Ihr Anruf ist beendet").doesNotContain("join-form")
        .doesNotContain("Wie möchten Sie teilnehmen").doesNotContain("Wieder beitreten");
    assertThat(log.getAll()).doesNotContain(" ERROR ").doesNotContain("ENGINE-");
  }

  @Test
  void noAccessLogWritesTheTokensInLinkPaths() {
    org.apache.catalina.startup.Tomcat tomcat =
        ((org.springframework.boot.web.embedded.tomcat.TomcatWebServer) web.getWebServer()).getTomcat();
    assertThat(tomcat.getEngine().getPipeline().getValves())
        .noneMatch(v -> v instanceof org.apache.catalina.valves.AbstractAccessLogValve);
    assertThat(tomcat.getHost().getPipeline().getValves())
        .noneMatch(v -> v instanceof org.apache.catalina.valves.AbstractAccessLogValve);
  }

  @Test
  void aCustomerNameWithMarkupIsPlainTextOnTheSurveyPage() throws Exception {
    VideoSession session = sessionAfterCall("en", "<b>Jo</b> <a href=\"https://evil.example\">Doe</a> & Co");
    browser.get(PageClient.linkPath(customerGot.text(message(session, MessagePurpose.SURVEY)), "survey"));

    String page = browser.get("/survey", "en").body();

    assertThat(page).contains("&lt;b&gt;Jo&lt;/b&gt; &lt;a href=&quot;https://evil.example&quot;&gt;Doe&lt;/a&gt; &amp; Co")
        .doesNotContain("<b>Jo").doesNotContain("href=\"https://evil.example");
  }

  /** A session whose call is over, with follow-up and survey emails in the outbox. */
  private VideoSession sessionAfterCall(String locale) {
    return sessionAfterCall(locale, "Jo Doe");
  }

  private VideoSession sessionAfterCall(String locale, String customerName) {
    Map<String, Object> start = Sessions.startForm("T-" + UUID.randomUUID().toString().substring(0, 8));
    start.put("customerLocale", locale);
    start.put("customerName", customerName);
    String pid = Sessions.startAsAgent(engine, start);
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "customerPreparation", "", "callMode", "VIDEO", "meetingLink", MEETING_LINK, "agentDevicesChecked", true, "callNowOutsideHours", true));
    driver.complete(pid, WAIT_FOR_CUSTOMER, Map.of("customerPresence", "JOINED"));
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", true, "sensitiveDataOnScreen", false));
    driver.complete(pid, CONDUCT_VIDEO_CALL, Map.of("callAction", "END_CALL", "callOutcome", "RESOLVED"));
    driver.complete(pid, WRITE_SUMMARY, Map.of("callSummary", "Done", "stepsTaken", "Reset", "usefulLinks", "",
        "followUpActions", ""));
    return sessionOf(pid);
  }

  private VideoSession sessionOf(String pid) {
    UUID id = UUID.fromString((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pid).variableName("sessionId").singleResult().getValue());
    return sessions.findById(id).orElseThrow();
  }

  private OutboxMessage message(VideoSession session, MessagePurpose purpose) {
    List<OutboxMessage> found = outbox.forSession(session.id()).stream().filter(m -> m.purpose() == purpose)
        .filter(m -> m.channel() == io.videocallsupport.messaging.Channel.EMAIL).toList();
    assertThat(found).as("%s email", purpose).isNotEmpty();
    return found.get(found.size() - 1);
  }
}
