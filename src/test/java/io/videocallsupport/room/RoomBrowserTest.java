package io.videocallsupport.room;

import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.csat.CsatSurvey;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.helpdesk.TicketNote;
import io.videocallsupport.inbox.InboxWorker;
import io.videocallsupport.messaging.Channel;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.messaging.OutboxMessage;
import io.videocallsupport.retention.Recording;
import io.videocallsupport.retention.RecordingFiles;
import io.videocallsupport.retention.RecordingRepository;
import io.videocallsupport.retention.RecordingRetention;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.Chromium;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.Sessions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A whole call in the built-in room, in two real browsers (Debian's Chromium with a fake camera,
 * microphone and screen): the agent and the customer join from their links and see each other,
 * the customer shares the screen and sees the agent's arrow on it, consent starts a recording, the
 * customer drops and rejoins on the same link, the agent ends the call and the recording is
 * uploaded; the process moves through joined, dropped, rejoined, ended and recording ready. Then
 * the customer answers the survey once, and a second answer is refused.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"vcs.video.platform=room", "vcs.room.heartbeat-timeout=PT20S"})
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
class RoomBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(40);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired SessionRepository sessions;
  @Autowired Outbox outbox;
  @Autowired InboxWorker inbox;
  @Autowired HelpDesk helpDesk;
  @Autowired RecordingRepository recordings;
  @Autowired RecordingFiles files;

  ProcessDriver driver;
  ChromeDriver agent;
  ChromeDriver customer;

  @BeforeEach
  void browsers() throws Exception {
    Chromium.assumeUsable();
    driver = new ProcessDriver(engine);
    agent = Chromium.start("en");
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
  void agentAndCustomerHoldACallWithScreenSharingADropARejoinAndARecording() throws Exception {
    String ticket = "T-" + UUID.randomUUID().toString().substring(0, 8);
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "customerPreparation", "Your router", "callMode", "VIDEO", "agentDevicesChecked", true));
    VideoSession session = sessionOf(pid);
    assertThat(session.platform()).isEqualTo(RoomPlatform.NAME);
    String joinLink = linkPath(email(session, MessagePurpose.INVITATION).bodyText(), "join");
    assertThat(email(session, MessagePurpose.INVITATION).bodyText()).doesNotContain(session.meetingId());

    // The agent opens the host link from the task and logs in.
    agent.get(url(URI.create(session.hostJoinUrl()).getPath()));
    agent.findElement(By.id("username")).sendKeys("anna");
    agent.findElement(By.id("password")).sendKeys("demo");
    agent.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    waitFor(agent, "the agent in the room", "return document.getElementById('room')?.dataset.state === 'connected'");

    // The customer opens the invitation's link, checks the devices and joins with video.
    customer.get(url(joinLink));
    assertThat(customer.getCurrentUrl()).as("the token leaves the address bar").endsWith("/join");
    customer.findElement(By.id("check-devices")).click();
    waitFor(customer, "the device check", "return document.getElementById('device-check').dataset.checked === 'true'"
        + " && document.getElementById('camera-preview').videoWidth > 0");
    customer.findElement(By.id("join-continue")).click();
    waitFor(customer, "the customer in the room", "return document.getElementById('room')?.dataset.state === 'connected'");

    String remoteVideo = "return Array.from(document.querySelectorAll('#tiles .tile.remote video'))"
        + ".some(v => v.videoWidth > 0)";
    waitFor(agent, "the customer's video at the agent", remoteVideo);
    waitFor(customer, "the agent's video at the customer", remoteVideo);
    await("the process to see the customer join", () -> passed(pid, CUSTOMER_JOINED));
    driver.task(pid, ASK_RECORDING_CONSENT);

    // The customer shares the screen; the agent draws an arrow on it; the customer sees it.
    customer.findElement(By.id("share-screen")).click();
    waitFor(agent, "the shared screen at the agent",
        "return !!document.querySelector('#tiles .tile.remote.screen.annotatable')"
            + " && document.querySelector('#tiles .tile.remote.screen video').videoWidth > 0");
    WebElement canvas = agent.findElement(By.cssSelector("#tiles .tile.remote.screen canvas.annotations"));
    new Actions(agent).moveToElement(canvas, -60, -40).clickAndHold().moveByOffset(80, 50).release().perform();
    waitFor(customer, "the arrow on the customer's own screen",
        "return document.querySelector('#tile-self canvas.annotations').dataset.annotations === '1'");
    assertThat(customer.findElement(By.id("annotation-log")).getAttribute("textContent")).contains("arrow");

    // Consent on record starts the recording in the agent's browser; the customer sees it is on.
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", true, "sensitiveDataOnScreen", false));
    waitFor(agent, "the recorder", "return document.getElementById('room').dataset.recording === 'on'");
    waitFor(customer, "the recording indicator", "return !document.getElementById('recording-indicator').hidden");
    driver.task(pid, CONDUCT_VIDEO_CALL);
    Thread.sleep(2000);

    // The customer's browser goes away: a drop. The process sends the rejoin link and waits again.
    customer.get("about:blank");
    await("the process to see the drop", () -> passed(pid, CALL_DROPPED) && passed(pid, SEND_REJOIN_LINK));
    driver.task(pid, CONDUCT_VIDEO_CALL);
    waitFor(agent, "the customer's tile to go", "return document.querySelectorAll('#tiles .tile.remote').length === 0");

    // The same link brings the customer back into the call.
    customer.get(url(joinLink));
    customer.findElement(By.id("join-continue")).click();
    waitFor(customer, "the customer back in the room", "return document.getElementById('room')?.dataset.state === 'connected'");
    waitFor(agent, "the customer's video again", remoteVideo);
    waitFor(customer, "the agent's video again", remoteVideo);
    await("the rejoin noted on the ticket", () -> helpDesk.notes(ticket).stream().map(TicketNote::body)
        .anyMatch(b -> b.contains("rejoined")));
    Thread.sleep(1500);

    // The agent ends the call: the recording is uploaded, the process hears "call ended" and "recording ready".
    agent.findElement(By.id("end-call")).click();
    waitFor(agent, "the upload", "return document.getElementById('room').dataset.lastUpload === '201'");
    waitFor(customer, "the end at the customer", "return document.getElementById('room').dataset.state === 'ended'");
    await("the process to see the end", () -> passed(pid, CALL_ENDED));
    driver.task(pid, RECORD_CALL_OUTCOME);
    await("the recording's retention", () -> !recordings.findBySession(session.id()).isEmpty());
    Recording recording = recordings.findBySession(session.id()).get(0);
    assertThat(recording.platform()).isEqualTo(RoomPlatform.NAME);
    assertThat(recording.consentOnRecord()).isTrue();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(RecordingRetention.PROCESS_KEY).processInstanceBusinessKey(ticket).count()).isOne();
    Path file = files.file(recording.storageRef()).orElseThrow();
    byte[] head = Arrays.copyOf(Files.readAllBytes(file), 4);
    assertThat(head).as("a WebM (EBML) file").containsExactly(0x1A, 0x45, 0xDF, 0xA3);
    assertThat(Files.size(file)).isGreaterThan(10_000);

    List<String> order = engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
    assertThat(order).containsSubsequence(CUSTOMER_JOINED, ASK_RECORDING_CONSENT, START_RECORDING, CONDUCT_VIDEO_CALL,
        CALL_DROPPED, SEND_REJOIN_LINK, CONDUCT_VIDEO_CALL, CALL_ENDED, RECORD_CALL_OUTCOME);

    // After the call: the survey, answered once in the browser and refused the second time.
    driver.complete(pid, RECORD_CALL_OUTCOME, Map.of("callOutcome", "RESOLVED"));
    driver.complete(pid, WRITE_SUMMARY, Map.of("callSummary", "Router reset", "stepsTaken", "Reset",
        "usefulLinks", "", "followUpActions", ""));
    String surveyLink = linkPath(email(session, MessagePurpose.SURVEY).bodyText(), "survey");
    customer.get(url(surveyLink));
    customer.findElement(By.cssSelector("label[for=score-4]")).click();
    customer.findElement(By.id("comment")).sendKeys("Quick and friendly");
    customer.findElement(By.cssSelector("#survey-form button[type=submit]")).click();
    assertThat(customer.findElement(By.tagName("h1")).getText()).contains("Thank you");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processDefinitionKey(CsatSurvey.PROCESS_KEY).variableName("csatScore").singleResult().getValue()).isEqualTo(4);
    customer.get(url(surveyLink));
    assertThat(customer.findElement(By.tagName("h1")).getText()).contains("already answered");
    customer.navigate().back();
    customer.navigate().back();
    assertThat(customer.getPageSource()).doesNotContain("Exception");
  }

  private boolean passed(String pid, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid)
        .activityId(activityId).finished().count() > 0;
  }

  /** Waits for the server side, handling inbox events and jobs as the worker and job executor would. */
  private void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      inbox.processDue();
      driver.runDueJobs();
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Timed out waiting for " + what);
  }

  /** Waits for a condition in a browser, handling inbox events and jobs meanwhile. */
  private void waitFor(WebDriver browser, String what, String script) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      inbox.processDue();
      driver.runDueJobs();
      if (Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(script))) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Timed out waiting for " + what + " at " + browser.getCurrentUrl());
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private VideoSession sessionOf(String pid) {
    UUID id = UUID.fromString((String) engine.getRuntimeService().getVariable(pid, "sessionId"));
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
