package io.videocallsupport.room;

import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.csat.CsatSurvey;
import io.videocallsupport.inbox.InboxWorker;
import io.videocallsupport.messaging.Channel;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.messaging.OutboxMessage;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.SentMessages;
import io.videocallsupport.support.ServerSide;
import io.videocallsupport.support.Chromium;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.Sessions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The customer's pages in a real browser, clicked where a person clicks (on what they see, with the
 * mouse at its place, not through the element behind it): every survey score records that score; a
 * device with a microphone and no camera is offered audio only and joins with it, its tile at the
 * agent's says so; the phone field and the drawing tools stay hidden until needed; "Share screen"
 * turns into "Stop sharing"; the join link opened in a second tab leaves one customer in the room and
 * tells the first tab; after "End call for everyone" the customer gets the end page with no way back in.
 * A browser that cannot share its screen (a phone's) is offered neither "screen share only" nor the button.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"vcs.video.platform=room", "vcs.room.heartbeat-timeout=PT20S"})
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, SentMessages.class})
class CustomerRoomBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(40);

  /** Before any page script runs: this browser has a microphone and no camera. */
  private static final String NO_CAMERA = """
      const devices = navigator.mediaDevices;
      const getUserMedia = devices.getUserMedia.bind(devices);
      const enumerate = devices.enumerateDevices.bind(devices);
      devices.getUserMedia = constraints => constraints && constraints.video
          ? Promise.reject(new DOMException('Requested device not found', 'NotFoundError'))
          : getUserMedia(constraints);
      devices.enumerateDevices = () => enumerate().then(list => list.filter(d => d.kind !== 'videoinput'));
      """;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired SessionRepository sessions;
  @Autowired Outbox outbox;
  @Autowired SentMessages sent;
  @Autowired InboxWorker inbox;

  ProcessDriver driver;
  ServerSide serverSide;
  ChromeDriver agent;
  ChromeDriver customer;

  @BeforeEach
  void browsers() throws Exception {
    Chromium.assumeUsable();
    driver = new ProcessDriver(engine);
    serverSide = new ServerSide(inbox, driver, WAIT);
    customer = Chromium.start("en");
  }

  @AfterEach
  void closeBrowsers() {
    if (agent != null) {
      agent.quit();
    }
    if (customer != null) {
      customer.quit();
    }
  }

  @Test
  void eachSurveyScoreClickedRecordsThatScore() throws Exception {
    for (int score = 1; score <= 5; score++) {
      String pid = startSession();
      driver.complete(pid, WAIT_FOR_CUSTOMER, Map.of("customerPresence", "JOINED"));
      driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", false, "sensitiveDataOnScreen", false));
      driver.complete(pid, CONDUCT_VIDEO_CALL, Map.of("callAction", "END_CALL", "callOutcome", "RESOLVED"));
      driver.complete(pid, WRITE_SUMMARY, Map.of("callSummary", "Done", "stepsTaken", "Reset", "usefulLinks", "",
          "followUpActions", ""));
      VideoSession session = sessionOf(pid);

      customer.get(url(linkPath(sent.text(email(session, MessagePurpose.SURVEY)), "survey")));
      WebElement circle = customer.findElement(By.cssSelector("label[for=score-" + score + "]"));
      new Actions(customer).moveToElement(circle).click().perform();
      assertThat(customer.findElement(By.id("score-" + score)).isSelected()).as("circle %d chosen", score).isTrue();
      customer.findElement(By.cssSelector("#survey-form button[type=submit]")).click();
      serverSide.waitFor(customer, "the thank-you page", "return location.pathname === '/survey/thanks'"
          + " && document.readyState === 'complete'");
      assertThat(customer.findElement(By.tagName("h1")).getText()).contains("Thank you");

      Object recorded = engine.getHistoryService().createHistoricVariableInstanceQuery()
          .processDefinitionKey(CsatSurvey.PROCESS_KEY).variableName(CsatSurvey.Variables.CSAT_SCORE.getName())
          .list().stream().filter(v -> session.ticketId().equals(businessKeyOf(v.getProcessInstanceId())))
          .map(v -> v.getValue()).findFirst().orElse(null);
      assertThat(recorded).as("the score recorded for a click on %d", score).isEqualTo(score);
    }
  }

  @Test
  void aCustomerWithoutACameraJoinsWithAudioInOneTabAndGetsNoWayBackAfterTheEnd() throws Exception {
    agent = Chromium.start("en");
    String pid = startSession();
    VideoSession session = sessionOf(pid);
    String joinLink = linkPath(sent.text(email(session, MessagePurpose.INVITATION)), "join");
    agentOpensTheHostLink(session);

    // The join page: the phone field only with the phone choice.
    customer.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", NO_CAMERA));
    customer.get(url(joinLink));
    WebElement phoneField = customer.findElement(By.id("phone-field"));
    assertThat(phoneField.isDisplayed()).as("the phone field before the phone choice").isFalse();
    clickLikeAPerson(customer, By.cssSelector("label[for=choice-PHONE]"));
    assertThat(phoneField.isDisplayed()).as("the phone field with the phone choice").isTrue();
    clickLikeAPerson(customer, By.cssSelector("label[for=choice-VIDEO]"));
    assertThat(phoneField.isDisplayed()).isFalse();

    // The device check finds the microphone, says there is no camera and picks audio only.
    customer.findElement(By.id("check-devices")).click();
    serverSide.waitFor(customer, "the device check", "return document.getElementById('device-check').dataset.checked === 'true'");
    String micOnly = (String) script(customer, "return document.getElementById('device-check').dataset.msgMicOnly");
    assertThat(micOnly).contains("microphone works").contains("no camera");
    assertThat(customer.findElement(By.id("check-status")).getText()).isEqualTo(micOnly);
    assertThat(customer.findElement(By.id("choice-AUDIO_ONLY")).isSelected()).isTrue();
    assertThat(customer.findElement(By.id("camera-preview")).isDisplayed()).isFalse();
    customer.findElement(By.id("join-continue")).click();
    serverSide.waitFor(customer, "the customer in the room", "return document.getElementById('room')?.dataset.state === 'connected'");
    String firstTab = customer.getWindowHandle();

    // The agent's tile of the customer says who it is and that only the voice comes; the voice plays.
    String customerTile = "const tiles = document.querySelectorAll('#tiles .tile.remote');"
        + " if (tiles.length !== 1) return false; const tile = tiles[0];"
        + " const audio = tile.querySelector('audio');"
        + " return tile.classList.contains('audio-only') && tile.querySelector('.placeholder').offsetParent !== null"
        + " && tile.querySelector('.placeholder .why').textContent === 'Audio only'"
        + " && tile.querySelector('figcaption').textContent === 'Jo Doe'"
        + " && !!audio.srcObject && !audio.paused && audio.srcObject.getAudioTracks().some(t => t.readyState === 'live')";
    serverSide.waitFor(agent, "the customer's labelled audio tile with the voice playing", customerTile);
    assertThat(agent.findElement(By.id("enable-sound")).isDisplayed()).as("no 'Turn on sound' while it plays").isFalse();
    assertThat(customer.findElement(By.id("enable-sound")).isDisplayed()).isFalse();
    assertThat(customer.findElement(By.id("annotation-tools")).isDisplayed()).as("drawing tools without a screen")
        .isFalse();
    assertThat(agent.findElement(By.id("annotation-tools")).isDisplayed()).isFalse();

    // Sharing the screen: the button says how to stop it, and the drawing tools appear, at both.
    WebElement share = customer.findElement(By.id("share-screen"));
    assertThat(share.getText()).isEqualTo("Share screen");
    share.click();
    serverSide.waitFor(customer, "sharing", "return document.getElementById('share-screen').getAttribute('aria-pressed') === 'true'");
    assertThat(share.getText()).isEqualTo("Stop sharing");
    assertThat(customer.findElement(By.id("annotation-tools")).isDisplayed()).isTrue();
    serverSide.waitFor(agent, "the drawing tools at the agent", "return document.getElementById('annotation-tools').offsetParent !== null");
    share.click();
    serverSide.waitFor(customer, "sharing stopped", "return document.getElementById('share-screen').textContent === 'Share screen'");
    serverSide.waitFor(customer, "no drawing tools", "return document.getElementById('annotation-tools').offsetParent === null");

    // The same join link in a second tab: one customer in the room, and the first tab says where the call went.
    customer.switchTo().newWindow(WindowType.TAB);
    customer.get(url(joinLink));
    customer.findElement(By.id("join-continue")).click();
    serverSide.waitFor(customer, "the second tab in the room", "return document.getElementById('room')?.dataset.state === 'connected'");
    String secondTab = customer.getWindowHandle();
    String peerOfSecondTab = (String) script(customer, "return document.getElementById('room').dataset.peerId");
    String oneTileOfTheSecondTab = "const tiles = document.querySelectorAll('#tiles .tile.remote');"
        + " return tiles.length === 1 && tiles[0].dataset.peerId === '" + peerOfSecondTab + "'";
    serverSide.waitFor(agent, "one customer tile, the second tab's", oneTileOfTheSecondTab);
    customer.switchTo().window(firstTab);
    serverSide.waitFor(customer, "the first tab told", "return document.getElementById('room').dataset.state === 'elsewhere'");
    assertThat(customer.findElement(By.id("after-call-heading")).getText())
        .isEqualTo("This call is open in another window");
    assertThat(customer.findElement(By.id("rejoin")).getText()).isEqualTo("Use this window instead");
    assertThat(customer.findElement(By.id("controls")).isDisplayed()).isFalse();
    Thread.sleep(3000);
    assertThat(script(agent, "return document.querySelectorAll('#tiles .tile.remote').length")).as("no tab came back")
        .isEqualTo(1L);
    assertThat(script(customer, "return document.getElementById('room').dataset.state")).isEqualTo("elsewhere");
    serverSide.await("the customer joined", () -> passed(pid, CUSTOMER_JOINED));
    assertThat(passed(pid, CALL_DROPPED)).as("a tab taking over is no drop").isFalse();

    // The agent ends the call for everyone: the customer gets the end page, with no way back in.
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", false, "sensitiveDataOnScreen", false));
    driver.task(pid, CONDUCT_VIDEO_CALL);
    agent.findElement(By.id("end-call")).click();
    customer.switchTo().window(secondTab);
    serverSide.waitFor(customer, "the end at the customer", "return document.getElementById('room').dataset.state === 'ended'");
    assertThat(customer.findElement(By.id("after-call-heading")).getText()).isEqualTo("Thank you, the call has ended");
    assertThat(customer.findElement(By.id("after-call-text")).getText()).contains("ended the call for everyone");
    assertThat(customer.findElement(By.id("rejoin")).isDisplayed()).as("no rejoin after the end").isFalse();
    assertThat(customer.findElements(By.cssSelector("#controls button")).stream().noneMatch(WebElement::isDisplayed))
        .as("no call controls after the end").isTrue();
    assertThat(customer.findElement(By.id("tiles")).isDisplayed()).isFalse();
    assertThat(agent.findElement(By.id("after-call-text")).getText()).contains("You ended the call for everyone");
    assertThat(agent.findElement(By.id("controls")).isDisplayed()).isFalse();

    // The join link now leads to the end page, not to the invitation.
    serverSide.await("the process to see the end", () -> passed(pid, CALL_ENDED));
    customer.get(url("/join"));
    assertThat(customer.findElement(By.tagName("h1")).getText()).isEqualTo("Thank you, your call has ended");
    assertThat(customer.findElements(By.id("join-form"))).isEmpty();
  }

  @Test
  void aBrowserThatCannotShareItsScreenIsNotOfferedTo() throws Exception {
    String pid = startSession();
    VideoSession session = sessionOf(pid);
    // As on a phone: the browser has no getDisplayMedia.
    customer.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
        Map.of("source", "delete MediaDevices.prototype.getDisplayMedia;"));
    customer.get(url(linkPath(sent.text(email(session, MessagePurpose.INVITATION)), "join")));
    assertThat(customer.findElement(By.id("choice-SCREEN_SHARE_ONLY")).isEnabled()).isFalse();
    assertThat(customer.findElement(By.cssSelector("label[for=choice-SCREEN_SHARE_ONLY]")).isDisplayed()).isFalse();
    assertThat(customer.findElement(By.cssSelector("label[for=choice-AUDIO_ONLY]")).isDisplayed()).isTrue();
    customer.findElement(By.id("join-continue")).click();
    serverSide.waitFor(customer, "the customer in the room", "return document.getElementById('room')?.dataset.state === 'connected'");
    assertThat(customer.findElement(By.id("share-screen")).isDisplayed()).as("no 'Share screen' button").isFalse();
    assertThat(customer.findElement(By.id("leave")).isDisplayed()).isTrue();
  }

  private String startSession() {
    String ticket = "T-" + UUID.randomUUID().toString().substring(0, 8);
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "customerPreparation", "", "callMode", "VIDEO", "agentDevicesChecked", true, "callNowOutsideHours", true));
    return pid;
  }

  /** Moves the mouse onto what the person sees and clicks there: whatever is on top at that point gets the click. */
  private static void clickLikeAPerson(ChromeDriver browser, By what) {
    new Actions(browser).moveToElement(browser.findElement(what)).click().perform();
  }

  private void agentOpensTheHostLink(VideoSession session) throws InterruptedException {
    agent.get(url(URI.create(session.hostJoinUrl()).getPath()));
    agent.findElement(By.id("username")).sendKeys("anna");
    agent.findElement(By.id("password")).sendKeys("demo");
    agent.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    serverSide.waitFor(agent, "the agent in the room", "return document.getElementById('room')?.dataset.state === 'connected'");
  }

  private String businessKeyOf(String processInstanceId) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult().getBusinessKey();
  }

  private boolean passed(String pid, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid)
        .activityId(activityId).finished().count() > 0;
  }

  private static Object script(ChromeDriver browser, String script) {
    return browser.executeScript(script);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private VideoSession sessionOf(String pid) {
    UUID id = UUID.fromString((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pid).variableName("sessionId").singleResult().getValue());
    return sessions.findById(id).orElseThrow();
  }

  private OutboxMessage email(VideoSession session, MessagePurpose purpose) {
    List<OutboxMessage> found = outbox.forSession(session.id()).stream()
        .filter(m -> m.purpose() == purpose && m.channel() == Channel.EMAIL).toList();
    assertThat(found).as("%s email", purpose).isNotEmpty();
    return found.get(found.size() - 1);
  }

  private static String linkPath(String text, String page) {
    Matcher matcher = Pattern.compile("/" + page + "/([A-Za-z0-9_-]{40,})").matcher(text);
    assertThat(matcher.find()).as("a /%s/ link", page).isTrue();
    return "/" + page + "/" + matcher.group(1);
  }
}
