package io.videocallsupport.web;

import static io.videocallsupport.session.VideoSupportSession.Elements.CALL_CUSTOMER_BACK;
import static io.videocallsupport.session.VideoSupportSession.Elements.HANDLE_NO_SHOW;
import static io.videocallsupport.session.VideoSupportSession.Elements.NO_SHOW_TIMEOUT;
import static io.videocallsupport.session.VideoSupportSession.Elements.OFFER_VIDEO_CALL;
import static io.videocallsupport.session.VideoSupportSession.Elements.PREPARE_SESSION;
import static io.videocallsupport.session.VideoSupportSession.Elements.WAIT_FOR_CUSTOMER;
import static io.videocallsupport.session.VideoSupportSession.Elements.WRITE_SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.csat.CsatSurvey;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.helpdesk.TicketNote;
import io.videocallsupport.inbox.InboxWorker;
import io.videocallsupport.messaging.Channel;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.messaging.OutboxMessage;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.Chromium;
import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.SentMessages;
import io.videocallsupport.support.Sessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sessions that end without a video call, clicked through as the customer (join page) and the
 * agent (Tasklist 7.24) do in Chromium: "call me instead" becomes the agent's task and stops the
 * waiting reminders; a no-show with a phone fallback sends no "thanks for the video call" and no
 * survey; a ticket that gets no video (Billing) tells the agent so, and why. Screenshots go to {@code target/browser-screenshots/}.
 */
@Tag("browser")
@H2SpringTest
class NoVideoCallBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String MEETING_LINK = "https://meet.example.com/room-no-video";
  private static final String AGENT = "anna";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired SessionRepository sessions;
  @Autowired Outbox outbox;
  @Autowired SentMessages sent;
  @Autowired HelpDesk helpDesk;
  @Autowired InboxWorker inbox;

  ProcessDriver driver;
  ChromeDriver browser;

  @BeforeEach
  void browser() throws Exception {
    Chromium.assumeUsable();
    driver = new ProcessDriver(engine);
    browser = Chromium.start("en");
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void callMeInsteadAppearsOnTheAgentsTaskAndStopsTheWaitingReminders() throws Exception {
    String pid = invitedSession();
    VideoSession session = sessionOf(pid);

    // The customer opens the invitation's link and asks for a phone call.
    browser.get(url(PageClient.linkPath(sent.text(message(session, MessagePurpose.INVITATION)), "join")));
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(d -> d.findElement(By.cssSelector("label[for='choice-PHONE']"))).click();
    browser.findElement(By.id("phone")).sendKeys("+49 30 555 0199");
    screenshot("join-page-call-me-instead");
    browser.findElement(By.id("join-continue")).click();
    wait.until(d -> d.getCurrentUrl().contains("/join/noted"));
    inbox.processDue();
    driver.runDueJobs();

    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pid).activityId(NO_SHOW_TIMEOUT)
        .count()).as("the no-show timer that re-sends the link").isZero();

    // The agent finds the call-back in Tasklist, sees the number and notes the call.
    loginToTasklist(AGENT);
    openFromTheList("Call the customer back");
    WebElement number = fieldShowing("+49 30 555 0199");
    assertThat(number.getAttribute("readonly")).as("the number is shown, not edited").isNotNull();
    screenshot("call-customer-back");
    typeNote("Called back, the router works again");
    completeTask();
    waitUntilDone(pid, CALL_CUSTOMER_BACK);
    driver.runDueJobs();

    assertEndedWithoutVideoFollowUp(pid, session);
    assertThat(messages(session, MessagePurpose.JOIN_LINK_RESENT)).as("'waiting for you' messages").isEmpty();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid)
        .activityId(HANDLE_NO_SHOW).count()).isZero();
    assertThat(helpDesk.notes(session.ticketId())).extracting(TicketNote::body)
        .anySatisfy(note -> assertThat(note).contains("Called back, the router works again"));
  }

  @Test
  void aNoShowWithAPhoneFallbackSendsNoVideoCallThankYouAndNoSurvey() throws Exception {
    String pid = invitedSession();
    VideoSession session = sessionOf(pid);
    driver.fireTimer(pid, NO_SHOW_TIMEOUT);
    assertThat(messages(session, MessagePurpose.JOIN_LINK_RESENT)).isNotEmpty();

    loginToTasklist(AGENT);
    openFromTheList("Wait for customer to join");
    clickLabel("The customer did not show up");
    completeTask();
    waitUntilDone(pid, WAIT_FOR_CUSTOMER);
    waitForTask(pid, HANDLE_NO_SHOW);

    openFromTheList("Reschedule or fall back");
    clickLabel("Fall back to a phone call");
    screenshot("handle-no-show-phone");
    completeTask();
    waitForTask(pid, CALL_CUSTOMER_BACK);

    openFromTheList("Call the customer back");
    assertThat(fieldShowing(session.customerMobile()).getAttribute("readonly")).isNotNull();
    typeNote("Reached the customer by phone, driver reinstalled");
    completeTask();
    waitUntilDone(pid, CALL_CUSTOMER_BACK);
    driver.runDueJobs();

    assertEndedWithoutVideoFollowUp(pid, session);
    assertThat(sessionOf(pid).callOutcome()).isEqualTo("FALLBACK_USED");
  }

  @Test
  void aBillingTicketTellsTheAgentWhoStartedItThatNoVideoIsOfferedAndWhy() throws Exception {
    Map<String, Object> billing = Sessions.startForm("T-" + UUID.randomUUID().toString().substring(0, 8));
    billing.put("issueCategory", "BILLING");
    billing.put("textExchangeCount", 0);
    String pid = Sessions.startAsAgent(engine, billing);
    driver.runDueJobs();
    assertThat(sessionOf(pid).state()).isEqualTo(SessionState.NO_VIDEO);

    loginToTasklist(AGENT);
    openFromTheList("Video not offered");
    assertThat(fieldShowing("Text support fits this ticket").getAttribute("readonly")).isNotNull();
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText())
        .contains("Go on with the customer on the ticket by text or phone");
    screenshot("video-not-offered");
    completeTask();

    new WebDriverWait(browser, WAIT).until(d -> engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(pid).count() == 0);
    assertThat(messages(sessionOf(pid), MessagePurpose.INVITATION)).isEmpty();
  }

  // --- the session up to "Wait for customer to join", as the other tests start it

  private String invitedSession() {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm("T-" + UUID.randomUUID().toString().substring(0, 8)));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "customerPreparation", "Your router", "callMode", "VIDEO", "meetingLink", MEETING_LINK,
        "agentDevicesChecked", true, "callNowOutsideHours", true));
    driver.task(pid, WAIT_FOR_CUSTOMER);
    return pid;
  }

  /** Nothing about a video call that never happened: no summary task, no follow-up email, no survey. */
  private void assertEndedWithoutVideoFollowUp(String pid, VideoSession session) {
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid)
        .activityId(WRITE_SUMMARY).count()).isZero();
    assertThat(sessionOf(pid).state()).isEqualTo(SessionState.COMPLETED);
    assertThat(messages(session, MessagePurpose.FOLLOW_UP)).as("'Thanks for the video call!'").isEmpty();
    assertThat(messages(session, MessagePurpose.SURVEY)).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CsatSurvey.PROCESS_KEY)
        .processInstanceBusinessKey(session.ticketId()).count()).isZero();
  }

  // --- Tasklist, as a person uses it

  private void loginToTasklist(String user) {
    browser.get(url("/camunda/app/tasklist/default/"));
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(d -> d.findElement(By.cssSelector("form[name=signinForm] input[type=text]"))).sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    wait.until(d -> d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty());
  }

  /** Clicks the task of that name in the task list and waits for its form. */
  private void openFromTheList(String taskName) {
    clickWhenThere(d -> d.findElements(By.cssSelector(".tasks-list li")).stream()
        .flatMap(item -> item.findElements(By.cssSelector("h4, a, .names")).stream())
        .filter(title -> taskName.equals(title.getText().strip())).findFirst().orElse(null));
    new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector(".fjs-container")).stream()
        .anyMatch(form -> form.getText().contains(headingOf(taskName))));
  }

  /** The start of each form's heading, which tells the forms apart. */
  private static String headingOf(String taskName) {
    return switch (taskName) {
      case "Call the customer back" -> "Call the customer back by phone";
      case "Wait for customer to join" -> "Wait for the customer to join";
      case "Reschedule or fall back" -> "The customer did not join";
      case "Video not offered" -> "Video not offered for this ticket";
      default -> taskName;
    };
  }

  private void clickLabel(String text) {
    clickWhenThere(d -> d.findElements(By.cssSelector(".fjs-container label")).stream()
        .filter(label -> label.getText().strip().equals(text)).findFirst().orElse(null));
  }

  /** Types into the form's one editable text area until the form holds the text (the form may re-render). */
  private void typeNote(String text) {
    new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement field = d.findElements(By.cssSelector(".fjs-container textarea")).stream()
          .filter(area -> area.getAttribute("readonly") == null).findFirst().orElse(null);
      if (field == null) {
        return null;
      }
      if (!text.equals(field.getDomProperty("value"))) {
        field.clear();
        field.sendKeys(text);
      }
      return text.equals(field.getDomProperty("value")) ? true : null;
    });
  }

  /** Waits until Tasklist completed the task; a screenshot shows what the agent saw if it did not. */
  private void waitUntilDone(String pid, String activityId) throws Exception {
    try {
      new WebDriverWait(browser, WAIT).until(d -> engine.getTaskService().createTaskQuery().processInstanceId(pid)
          .taskDefinitionKey(activityId).count() == 0);
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("not-completed-" + activityId);
      throw e;
    }
  }

  private void completeTask() {
    clickWhenThere(d -> d.findElements(By.cssSelector("button")).stream()
        .filter(button -> button.getText().strip().equals("Complete") && button.isEnabled()).findFirst()
        .orElse(null));
  }

  /**
   * Scrolls the element into the middle of the window and clicks it, as a person would once it is
   * there: Tasklist re-renders its list and keeps a banner at the bottom of the window.
   */
  private void clickWhenThere(Function<WebDriver, WebElement> element) {
    new WebDriverWait(browser, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementClickInterceptedException.class)
        .until(d -> {
          WebElement found = element.apply(d);
          if (found == null) {
            return null;
          }
          browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", found);
          try {
            found.click();
          } catch (ElementClickInterceptedException coveredByTheFooter) {
            // Tasklist's footer can still cover the bottom of a long form at the end of its scroll
            browser.executeScript("arguments[0].click()", found);
          }
          return true;
        });
  }

  private void waitForTask(String pid, String activityId) {
    new WebDriverWait(browser, WAIT).until(d -> engine.getTaskService().createTaskQuery().processInstanceId(pid)
        .taskDefinitionKey(activityId).count() == 1);
  }

  /** The form field whose value is exactly this text, once the form shows it. */
  private WebElement fieldShowing(String text) {
    return new WebDriverWait(browser, WAIT).until(d -> d.findElements(
            By.cssSelector(".fjs-container input, .fjs-container textarea")).stream()
        .filter(field -> text.equals(field.getDomProperty("value"))).findFirst().orElse(null));
  }

  // --- helpers

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private VideoSession sessionOf(String pid) {
    UUID id = UUID.fromString((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pid).variableName("sessionId").singleResult().getValue());
    return sessions.findById(id).orElseThrow();
  }

  private List<OutboxMessage> messages(VideoSession session, MessagePurpose purpose) {
    return outbox.forSession(session.id()).stream().filter(m -> m.purpose() == purpose).toList();
  }

  private OutboxMessage message(VideoSession session, MessagePurpose purpose) {
    List<OutboxMessage> found = messages(session, purpose).stream().filter(m -> m.channel() == Channel.EMAIL).toList();
    assertThat(found).as("%s email", purpose).isNotEmpty();
    return found.get(found.size() - 1);
  }

  private void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "browser-screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }
}
