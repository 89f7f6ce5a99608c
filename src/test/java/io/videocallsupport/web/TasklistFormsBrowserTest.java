package io.videocallsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.csat.CsatSurvey;
import io.videocallsupport.session.VideoSupportSession;
import io.videocallsupport.support.Chromium;
import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.Sessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda Forms as Tasklist 7.24 renders them in Chromium: text from customers and agents shows as
 * the literal text it is, never as a link, an image or markup. Screenshots go to
 * {@code target/browser-screenshots/}.
 */
@Tag("browser")
@H2SpringTest
class TasklistFormsBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String HTML_LINK = "<a href=\"https://evil.example/refund\">Get your refund here</a>";
  private static final String MARKDOWN = "[Click for a refund](https://evil.example/md) ![](https://evil.example/x.png)";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  ChromeDriver browser;

  @BeforeEach
  void browser() throws Exception {
    Chromium.assumeUsable();
    browser = Chromium.start("en");
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aSurveyCommentWithALinkAndMarkdownShowsAsTextInTheTeamLeadsReview() throws Exception {
    String comment = HTML_LINK + "\n" + MARKDOWN;
    Task review = taskAt(engine.getRuntimeService().createProcessInstanceByKey(CsatSurvey.PROCESS_KEY)
        .startBeforeActivity(CsatSurvey.Elements.REVIEW_FEEDBACK)
        .setVariables(Map.of("ticketId", "T-<b>77</b>", "sessionId", "00000000-0000-0000-0000-000000000077",
            "csatScore", 1, "csatComment", comment, "reviewReason", "Low score", "complaint", false,
            "commentGiven", true))
        .execute(true, true).getId());

    openInTasklist("tom", review);
    screenshot("review-feedback");
    assertNothingFrom("evil.example");

    WebElement commentField = fieldShowing(comment);
    assertThat(commentField.getTagName()).isEqualTo("textarea");
    assertThat(commentField.getAttribute("readonly")).isNotNull();
    assertThat(fieldShowing("T-<b>77</b>").getTagName()).isEqualTo("input");
  }

  @Test
  void theCustomersNameAndTheTicketShowAsTextAndTheHostLinkStaysALink() throws Exception {
    String name = "<img src=\"https://evil.example/n.png\">Jo [Doe](https://evil.example/name)";
    Task call = taskAt(engine.getRuntimeService().createProcessInstanceByKey(VideoSupportSession.PROCESS_KEY)
        .startBeforeActivity(VideoSupportSession.Elements.CONDUCT_VIDEO_CALL)
        .setVariables(Map.of("agentId", "tom", "ticketId", "T-78", "ticketSubject", "**Router** " + HTML_LINK,
            "customerName", name, "agentJoinUrl", "https://video.example.test/host/78?a=1&b=2",
            "participantCount", 2, "recordingActive", true, "sessionId", "00000000-0000-0000-0000-000000000078"))
        .execute(true, true).getId());

    openInTasklist("tom", call);
    fieldShowing(name);
    fieldShowing("**Router** " + HTML_LINK);

    screenshot("conduct-video-call");
    assertNothingFrom("evil.example");
    List<WebElement> hostLinks = browser.findElements(By.cssSelector(".fjs-container a")).stream()
        .filter(a -> !a.getAttribute("href").startsWith("https://bpmn.io/")) // form-js's "powered by" logo
        .toList();
    // the only links: the host link and the session's staff page (the customer's join link on request)
    assertThat(hostLinks).extracting(a -> a.getAttribute("href"))
        .contains("https://video.example.test/host/78?a=1&b=2")
        .allMatch(href -> href.equals("https://video.example.test/host/78?a=1&b=2")
            || href.matches("http://localhost:\\d+/sessions/[0-9a-f-]{36}"));
    assertThat(hostLinks).filteredOn(a -> a.getAttribute("href").startsWith("https://video.example.test/"))
        .singleElement().extracting(WebElement::getText).isEqualTo("Open the call as host");
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("Recording: on")
        .doesNotContain("Recording: off");
  }

  @Test
  void theConsentNoticeShowsInTheCustomersLanguageNextToTheAgentsWithVersionAndRetention() throws Exception {
    Map<String, Object> start = Sessions.startForm("T-79-" + UUID.randomUUID().toString().substring(0, 6));
    start.put("customerLocale", "fr");
    String pid = Sessions.startAsAgent(engine, start);
    ProcessDriver driver = new ProcessDriver(engine);
    driver.complete(pid, VideoSupportSession.Elements.OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, VideoSupportSession.Elements.PREPARE_SESSION, new java.util.HashMap<>(Map.of(
        "callTiming", "NOW", "expectedDurationMinutes", 10, "customerPreparation", "Your router",
        "callMode", "VIDEO", "meetingLink", "https://meet.example.com/room-79", "agentDevicesChecked", true, "callNowOutsideHours", true)));
    driver.complete(pid, VideoSupportSession.Elements.WAIT_FOR_CUSTOMER, Map.of("customerPresence", "JOINED"));
    Task consent = driver.task(pid, VideoSupportSession.Elements.ASK_RECORDING_CONSENT);
    Map<String, Object> notices = engine.getTaskService().getVariablesLocal(consent.getId());

    openInTasklist("anna", consent);
    WebElement french = fieldShowing((String) notices.get("consentNoticeCustomer"));
    WebElement english = fieldShowing((String) notices.get("consentNoticeAgent"));

    screenshot("ask-recording-consent");
    assertThat(french.getTagName()).isEqualTo("textarea");
    assertThat(french.getAttribute("readonly")).isNotNull();
    assertThat(french.getDomProperty("value")).startsWith("Avec votre accord").contains("90 jours au maximum");
    assertThat(english.getAttribute("readonly")).isNotNull();
    assertThat(english.getDomProperty("value")).contains("as long as needed, at most 90 days, and then delete it");
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
        .contains("(notice version 2026-1)");
  }

  // --- helpers

  private Task taskAt(String processInstanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  /** Logs into Tasklist as Tasklist's login form does and opens the task's form. */
  private void openInTasklist(String user, Task task) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    WebElement username = wait.until(d -> d.findElement(By.cssSelector("form[name=signinForm] input[type=text]")));
    username.sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    wait.until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
  }

  /** The form field whose value is exactly this text, once the form shows it. */
  private WebElement fieldShowing(String text) {
    return new WebDriverWait(browser, WAIT).until(d -> d.findElements(
            By.cssSelector(".fjs-container input, .fjs-container textarea")).stream()
        .filter(field -> text.equals(field.getDomProperty("value"))).findFirst().orElse(null));
  }

  /** No link, image or frame of the form points at the host the customer's text names. */
  private void assertNothingFrom(String host) {
    List<WebElement> pointing = browser.findElements(By.cssSelector(
        ".fjs-container [href*='" + host + "'], .fjs-container [src*='" + host + "']"));
    assertThat(pointing).as("elements of the form that point at %s", host).isEmpty();
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
        .as("text of the form outside its fields").doesNotContain("Get your refund here", "Click for a refund");
  }

  private void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "browser-screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }
}
