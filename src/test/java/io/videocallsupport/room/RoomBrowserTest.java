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
import io.videocallsupport.support.SentMessages;
import io.videocallsupport.support.ServerSide;
import io.videocallsupport.support.Sessions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.StaleElementReferenceException;
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
 * <p>
 * A second call walks the room's modes, read from the browsers' own peer connections and getStats():
 * audio only (no video either way, voices both ways), the quality indicator, lower quality (half-size
 * frames at most 150 kbit/s, a shared screen still at full size) and the agent's "sensitive data on
 * screen", which stops the recording, keeps it stopped and notes it on the ticket.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"vcs.video.platform=room", "vcs.room.heartbeat-timeout=PT20S"})
@ActiveProfiles("test")
@Import({ProcessEngineCoverageConfiguration.class, SentMessages.class})
class RoomBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(40);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired SessionRepository sessions;
  @Autowired Outbox outbox;
  @Autowired SentMessages sent;
  @Autowired InboxWorker inbox;
  @Autowired HelpDesk helpDesk;
  @Autowired RecordingRepository recordings;
  @Autowired RecordingFiles files;

  ProcessDriver driver;
  ServerSide serverSide;
  ChromeDriver agent;
  ChromeDriver customer;

  @BeforeEach
  void browsers() throws Exception {
    Chromium.assumeUsable();
    driver = new ProcessDriver(engine);
    serverSide = new ServerSide(inbox, driver, WAIT);
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
        "customerPreparation", "Your router", "callMode", "VIDEO", "agentDevicesChecked", true, "callNowOutsideHours", true));
    VideoSession session = sessionOf(pid);
    assertThat(session.platform()).isEqualTo(RoomPlatform.NAME);
    String joinLink = linkPath(sent.text(email(session, MessagePurpose.INVITATION)), "join");
    assertThat(email(session, MessagePurpose.INVITATION).bodyText()).doesNotContain(session.meetingId());

    // The agent opens the host link from the task and logs in.
    agentOpensTheHostLink(session);

    // The customer opens the invitation's link, checks the devices and joins with video.
    customer.get(url(joinLink));
    assertThat(customer.getCurrentUrl()).as("the token leaves the address bar").endsWith("/join");
    customer.findElement(By.id("check-devices")).click();
    serverSide.waitFor(customer, "the device check", "return document.getElementById('device-check').dataset.checked === 'true'"
        + " && document.getElementById('camera-preview').videoWidth > 0");
    customer.findElement(By.id("join-continue")).click();
    serverSide.waitFor(customer, "the customer in the room", "return document.getElementById('room')?.dataset.state === 'connected'");

    String remoteVideo = "return Array.from(document.querySelectorAll('#tiles .tile.remote video'))"
        + ".some(v => v.videoWidth > 0)";
    serverSide.waitFor(agent, "the customer's video at the agent", remoteVideo);
    serverSide.waitFor(customer, "the agent's video at the customer", remoteVideo);
    serverSide.await("the process to see the customer join", () -> passed(pid, CUSTOMER_JOINED));
    driver.task(pid, ASK_RECORDING_CONSENT);

    // The customer shares the screen; the agent draws an arrow on it; the customer sees it.
    customer.findElement(By.id("share-screen")).click();
    serverSide.waitFor(agent, "the shared screen at the agent",
        "return !!document.querySelector('#tiles .tile.remote.screen.annotatable')"
            + " && document.querySelector('#tiles .tile.remote.screen video').videoWidth > 0");
    WebElement canvas = agent.findElement(By.cssSelector("#tiles .tile.remote.screen canvas.annotations"));
    new Actions(agent).moveToElement(canvas, -60, -40).clickAndHold().moveByOffset(80, 50).release().perform();
    serverSide.waitFor(customer, "the arrow on the customer's own screen",
        "return document.querySelector('#tile-self canvas.annotations').dataset.annotations === '1'");
    assertThat(customer.findElement(By.id("annotation-log")).getAttribute("textContent")).contains("arrow");

    // Consent on record starts the recording in the agent's browser; the customer sees it is on.
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", true, "sensitiveDataOnScreen", false));
    serverSide.waitFor(agent, "the recorder", "return document.getElementById('room').dataset.recording === 'on'");
    serverSide.waitFor(customer, "the recording indicator", "return !document.getElementById('recording-indicator').hidden");
    driver.task(pid, CONDUCT_VIDEO_CALL);
    Thread.sleep(2000);

    // The customer's browser goes away: a drop. The process sends the rejoin link and waits again.
    customer.get("about:blank");
    serverSide.await("the process to see the drop", () -> passed(pid, CALL_DROPPED) && passed(pid, SEND_REJOIN_LINK));
    driver.task(pid, CONDUCT_VIDEO_CALL);
    serverSide.waitFor(agent, "the customer's tile to go", "return document.querySelectorAll('#tiles .tile.remote').length === 0");

    // The same link brings the customer back into the call.
    customer.get(url(joinLink));
    customer.findElement(By.id("join-continue")).click();
    serverSide.waitFor(customer, "the customer back in the room", "return document.getElementById('room')?.dataset.state === 'connected'");
    serverSide.waitFor(agent, "the customer's video again", remoteVideo);
    serverSide.waitFor(customer, "the agent's video again", remoteVideo);
    serverSide.await("the rejoin noted on the ticket", () -> helpDesk.notes(ticket).stream().map(TicketNote::body)
        .anyMatch(b -> b.contains("rejoined")));
    Thread.sleep(1500);

    // The agent ends the call: the recording is uploaded, the process hears "call ended" and "recording ready".
    agent.findElement(By.id("end-call")).click();
    serverSide.waitFor(agent, "the upload", "return document.getElementById('room').dataset.lastUpload === '201'");
    serverSide.waitFor(customer, "the end at the customer", "return document.getElementById('room').dataset.state === 'ended'");
    serverSide.await("the process to see the end", () -> passed(pid, CALL_ENDED));
    driver.task(pid, RECORD_CALL_OUTCOME);
    serverSide.await("the recording's retention", () -> !recordings.findBySession(session.id()).isEmpty());
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
    String surveyLink = linkPath(sent.text(email(session, MessagePurpose.SURVEY)), "survey");
    customer.get(url(surveyLink));
    customer.findElement(By.cssSelector("label[for=score-4]")).click();
    customer.findElement(By.id("comment")).sendKeys("Quick and friendly");
    customer.findElement(By.cssSelector("#survey-form button[type=submit]")).click();
    new WebDriverWait(customer, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElement(By.tagName("h1")).getText().contains("Thank you"));
    // this session's survey: other browser tests in the same context answer surveys too
    String survey = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processDefinitionKey(CsatSurvey.PROCESS_KEY).variableValueEquals("sessionId", session.id().toString())
        .singleResult().getProcessInstanceId();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(survey)
        .variableName("csatScore").singleResult().getValue()).isEqualTo(4);
    customer.get(url(surveyLink));
    assertThat(customer.findElement(By.tagName("h1")).getText()).contains("already answered");
    customer.navigate().back();
    customer.navigate().back();
    assertThat(customer.getPageSource()).doesNotContain("Exception");
  }

  @Test
  void customerOnAudioOnlyThenLowerQualityAndTheAgentStopsTheRecordingForSensitiveData() throws Exception {
    recordPeerConnections(agent);
    recordPeerConnections(customer);
    String ticket = "T-" + UUID.randomUUID().toString().substring(0, 8);
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "customerPreparation", "Your router", "callMode", "VIDEO", "agentDevicesChecked", true, "callNowOutsideHours", true));
    VideoSession session = sessionOf(pid);

    // The customer is first in the room, with audio only: no camera is opened, nothing is measured yet.
    customer.get(url(linkPath(sent.text(email(session, MessagePurpose.INVITATION)), "join")));
    customer.findElement(By.cssSelector("label[for=choice-AUDIO_ONLY]")).click();
    customer.findElement(By.id("join-continue")).click();
    new WebDriverWait(customer, WAIT).until(d -> d.getCurrentUrl().endsWith("/room?mode=audio"));
    serverSide.waitFor(customer, "the customer in the room", "return document.getElementById('room')?.dataset.state === 'connected'");
    serverSide.waitFor(customer, "the indicator with no one to measure",
        "return document.getElementById('quality').dataset.level === 'unknown'");
    assertThat(customer.findElement(By.id("audio-only")).getAttribute("aria-pressed")).isEqualTo("true");
    assertThat(script(customer, "return document.getElementById('local-video').srcObject")).isNull();

    // The agent comes later and, as the newcomer, learns the customer's mode: no video either way, voices both ways.
    agentOpensTheHostLink(session);
    String connected = "return document.querySelector('#tiles .tile.remote')?.dataset.connection === 'connected'";
    serverSide.waitFor(agent, "the connection to the customer", connected);
    serverSide.waitFor(customer, "the connection to the agent", connected);
    String audioOnlyTile = "return document.querySelector('#tiles .tile.remote').classList.contains('audio-only')";
    serverSide.waitFor(agent, "the customer's tile without a picture", audioOnlyTile);
    serverSide.waitFor(customer, "the agent's tile without a picture", audioOnlyTile);
    assertThat(script(customer, CONNECTION + "return pc.getSenders().filter(s => s.track).map(s => s.track.kind)"))
        .as("the customer sends the microphone and no camera").isEqualTo(List.of("audio"));
    serverSide.waitFor(agent, "the agent's video to the customer switched off",
        CONNECTION + "return videoSender.getParameters().encodings[0].active === false");
    Flows flows = measureFlows();
    assertThat(flows.atAgent().audioPacketsIn()).as("the customer's voice at the agent").isPositive();
    assertThat(flows.atCustomer().audioPacketsIn()).as("the agent's voice at the customer").isPositive();
    assertThat(flows.agentTotal().videoFramesIn()).as("frames ever from the customer").isZero();
    assertThat(flows.customerTotal().videoFramesIn()).as("frames ever from the agent").isZero();
    assertThat(flows.atAgent().videoBytesOut()).as("video the agent sends").isZero();
    assertThat(script(customer, "const a = document.querySelector('#tiles .tile.remote audio');"
        + " return !a.paused && a.srcObject.getAudioTracks().some(t => t.readyState === 'live')"))
        .as("the agent's voice plays at the customer").isEqualTo(true);
    serverSide.await("the customer's choice noted on the ticket", () -> helpDesk.notes(ticket).stream().map(TicketNote::body)
        .anyMatch(b -> b.contains("audio only")));

    // The quality indicator follows the round-trip time and the packet loss that getStats() reports.
    String qualityIs = "const q = document.getElementById('quality'); const room = document.getElementById('room').dataset;"
        + " return q.dataset.level === '%1$s' && q.textContent === room.msgQuality%2$s"
        + " && document.querySelector('#tiles .tile.remote').dataset.quality === '%1$s'";
    serverSide.waitFor(agent, "good quality at the agent", qualityIs.formatted("good", "Good"));
    serverSide.waitFor(customer, "good quality at the customer", qualityIs.formatted("good", "Good"));
    script(customer, NETWORK_TROUBLE + "trouble.roundTrip = 0.4;");
    serverSide.waitFor(customer, "fair quality with a 400 ms round trip", qualityIs.formatted("fair", "Fair"));
    script(customer, "window.trouble.roundTrip = null; window.trouble.loss = 0.2;");
    serverSide.waitFor(customer, "poor quality with 20% loss", qualityIs.formatted("poor", "Poor"));
    script(customer, "window.trouble.loss = 0;");
    serverSide.waitFor(customer, "good quality again", qualityIs.formatted("good", "Good"));

    // Leaving audio only: the customer's camera comes on, and pictures flow both ways.
    customer.findElement(By.id("audio-only")).click();
    String remoteVideo = "const tile = document.querySelector('#tiles .tile.remote');"
        + " if (tile.classList.contains('audio-only')) return false;"
        + " return new Promise(shown => { tile.querySelector('video').requestVideoFrameCallback(() => shown(true));"
        + " setTimeout(() => shown(false), 1000); })";
    serverSide.waitFor(agent, "the customer's video at the agent", remoteVideo);
    serverSide.waitFor(customer, "the agent's video at the customer", remoteVideo);
    assertThat(customer.findElement(By.id("toggle-camera")).getAttribute("aria-pressed")).isEqualTo("false");

    // Switching to audio only in the call stops the camera's frames; the agent's tile stops showing the last one.
    customer.findElement(By.id("audio-only")).click();
    serverSide.waitFor(customer, "the customer's camera no longer sent", CONNECTION + "return videoSender.track === null");
    serverSide.waitFor(agent, "the customer's tile without a picture again", audioOnlyTile);
    serverSide.waitFor(agent, "the agent's video to the customer switched off again",
        CONNECTION + "return videoSender.getParameters().encodings[0].active === false");
    Thread.sleep(500);
    flows = measureFlows();
    assertThat(flows.atAgent().videoFramesIn()).as("frames from the customer").isZero();
    assertThat(flows.atCustomer().videoFramesIn()).as("frames from the agent").isZero();
    assertThat(flows.atAgent().audioPacketsIn()).as("the customer's voice").isPositive();
    customer.findElement(By.id("audio-only")).click();
    serverSide.waitFor(agent, "the customer's video back at the agent", remoteVideo);
    serverSide.waitFor(customer, "the agent's video back at the customer", remoteVideo);

    // Lower quality: both sides send the customer's connection at most 150 kbit/s at half the resolution.
    customer.findElement(By.id("low-quality")).click();
    String lowered = CONNECTION + "const e = videoSender.getParameters().encodings[0];"
        + " return e.active && e.maxBitrate === 150000 && e.scaleResolutionDownBy === 2";
    serverSide.waitFor(customer, "the customer's own video lowered", lowered);
    serverSide.waitFor(agent, "the agent's video to the customer lowered", lowered);
    String smallFrames = CONNECTION + "const widths = []; return pc.getStats().then(report => { report.forEach(s => {"
        + " if (s.type === 'inbound-rtp' && s.kind === 'video') widths.push(s.frameWidth || 0); });"
        + " return widths.length > 0 && widths.every(w => w > 0 && w <= 320); })";
    serverSide.waitFor(agent, "half-size frames from the customer", smallFrames);
    serverSide.waitFor(customer, "half-size frames from the agent", smallFrames);
    Thread.sleep(1000);
    flows = measureFlows();
    assertThat(flows.atCustomer().videoKbitsOut()).as("the customer's video bitrate").isBetween(1.0, 200.0);
    assertThat(flows.atAgent().videoKbitsOut()).as("the agent's video bitrate to the customer").isBetween(1.0, 200.0);

    // A shared screen keeps its full resolution, even in lower quality.
    customer.findElement(By.id("share-screen")).click();
    serverSide.waitFor(customer, "the screen sent at full size", CONNECTION + "return videoSender.track !== null"
        + " && document.getElementById('share-screen').getAttribute('aria-pressed') === 'true'"
        + " && videoSender.getParameters().encodings[0].scaleResolutionDownBy === 1");
    serverSide.waitFor(agent, "the full-size screen at the agent",
        "const v = document.querySelector('#tiles .tile.remote.screen video'); return !!v && v.videoWidth > 320");

    // Consent starts the recording; "sensitive data on screen" stops it, keeps what was recorded and notes it.
    serverSide.await("the process to see the customer join", () -> passed(pid, CUSTOMER_JOINED));
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", true, "sensitiveDataOnScreen", false));
    serverSide.waitFor(agent, "the recorder", "return document.getElementById('room').dataset.recording === 'on'");
    serverSide.waitFor(customer, "the recording indicator", "return !document.getElementById('recording-indicator').hidden");
    Thread.sleep(1500);
    agent.findElement(By.id("sensitive-data")).click();
    serverSide.waitFor(agent, "the recorder stopped and its part uploaded", "const room = document.getElementById('room').dataset;"
        + " return room.recording === 'off' && room.lastUpload === '201'");
    serverSide.waitFor(customer, "the recording indicator gone", "return document.getElementById('recording-indicator').hidden");
    String marked = " marked sensitive data on screen in the room; recording stopped.";
    serverSide.await("the sensitive data noted on the ticket", () -> helpDesk.notes(ticket).stream()
        .anyMatch(n -> n.body().endsWith(marked)));
    TicketNote note = helpDesk.notes(ticket).stream().filter(n -> n.body().endsWith(marked)).findFirst().orElseThrow();
    assertThat(note.author()).isEqualTo("video room");
    assertThat(note.sessionId()).isEqualTo(session.id());
    String agentName = note.body().substring(0, note.body().length() - marked.length());
    assertThat(agentName).as("who marked it").isNotBlank();
    assertThat(customer.findElement(By.cssSelector("#tiles .tile.remote figcaption")).getText()).startsWith(agentName);
    serverSide.await("the recorded part kept", () -> recordings.findBySession(session.id()).size() == 1);
    assertThat(engine.getRuntimeService().getVariable(pid, "recordingActive"))
        .as("the process knows, so that asking for consent again can restart the recording").isEqualTo(false);

    // The room holds the recording: the agent's browser, reloaded, does not start it again; as the newcomer
    // it learns the customer's lower quality.
    agent.navigate().refresh();
    serverSide.waitFor(agent, "the agent back in the room", connected);
    serverSide.waitFor(agent, "the agent's video to the customer lowered again", lowered);
    assertThat(script(agent, "return document.getElementById('room').dataset.recording")).isEqualTo("off");
    assertThat(script(customer, "return document.getElementById('recording-indicator').hidden")).isEqualTo(true);

    // Ending the call uploads nothing more.
    agent.findElement(By.id("end-call")).click();
    serverSide.waitFor(customer, "the end at the customer", "return document.getElementById('room').dataset.state === 'ended'");
    serverSide.await("the process to see the end", () -> passed(pid, CALL_ENDED));
    assertThat(recordings.findBySession(session.id())).hasSize(1);
  }

  /** What came in and went out on a browser's connected peer connection: in all, or over {@code millis}. */
  private record MediaFlow(long audioPacketsIn, long videoFramesIn, long videoBytesOut, double millis) {

    MediaFlow since(MediaFlow earlier) {
      return new MediaFlow(audioPacketsIn - earlier.audioPacketsIn, videoFramesIn - earlier.videoFramesIn,
          videoBytesOut - earlier.videoBytesOut, millis - earlier.millis);
    }

    double videoKbitsOut() {
      return videoBytesOut * 8 / millis;
    }
  }

  /** The flow in both browsers over two seconds ({@code atAgent}, {@code atCustomer}) and the totals at the end. */
  private record Flows(MediaFlow atAgent, MediaFlow atCustomer, MediaFlow agentTotal, MediaFlow customerTotal) {
  }

  /** Script prelude: {@code pc}, the browser's connected peer connection, and {@code videoSender}, its video sender. */
  private static final String CONNECTION = "const pc = window.peerConnections.find(c => c.connectionState === 'connected');"
      + " if (!pc) return false;"
      + " const videoSender = pc.getTransceivers().find(t => t.receiver.track.kind === 'video').sender;";

  /**
   * Script prelude: from now on getStats() reports {@code trouble.roundTrip} (seconds) as the round-trip
   * time while it is set, and {@code trouble.loss} of all packets as lost while it is above 0.
   */
  private static final String NETWORK_TROUBLE = """
      const trouble = window.trouble = {roundTrip: null, loss: 0};
      const measured = Object.getPrototypeOf(RTCPeerConnection.prototype).getStats;
      RTCPeerConnection.prototype.getStats = async function (...args) {
        const report = await measured.apply(this, args);
        const reported = new Map();
        report.forEach((s, id) => {
          if (s.type === 'candidate-pair' && trouble.roundTrip !== null) {
            s = {...s, currentRoundTripTime: trouble.roundTrip};
          } else if (s.type === 'inbound-rtp' && trouble.loss > 0) {
            s = {...s, packetsLost: Math.round((s.packetsReceived || 0) * trouble.loss / (1 - trouble.loss))};
          }
          reported.set(id, s);
        });
        return reported;
      };
      """;

  private static final String READ_FLOW = """
      const done = arguments[arguments.length - 1];
      const pc = window.peerConnections.find(c => c.connectionState === 'connected');
      if (!pc) {
        done(null);
        return;
      }
      pc.getStats().then(report => {
        const flow = {audioPacketsIn: 0, videoFramesIn: 0, videoBytesOut: 0, millis: performance.now()};
        report.forEach(s => {
          if (s.type === 'inbound-rtp' && s.kind === 'audio') flow.audioPacketsIn += s.packetsReceived || 0;
          if (s.type === 'inbound-rtp' && s.kind === 'video') flow.videoFramesIn += s.framesDecoded || 0;
          if (s.type === 'outbound-rtp' && s.kind === 'video') flow.videoBytesOut += s.bytesSent || 0;
        });
        done(flow);
      }, () => done(null));
      """;

  /** Before any page script runs, the browser keeps the room's peer connections where scripts can read them. */
  private static void recordPeerConnections(ChromeDriver browser) {
    browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
        window.peerConnections = [];
        window.RTCPeerConnection = class extends window.RTCPeerConnection {
          constructor(...args) {
            super(...args);
            window.peerConnections.push(this);
          }
        };
        """));
  }

  /** Reads the media flow in both browsers twice, two seconds apart. */
  private Flows measureFlows() throws InterruptedException {
    MediaFlow agentBefore = flow(agent);
    MediaFlow customerBefore = flow(customer);
    Thread.sleep(2000);
    MediaFlow agentAfter = flow(agent);
    MediaFlow customerAfter = flow(customer);
    return new Flows(agentAfter.since(agentBefore), customerAfter.since(customerBefore), agentAfter, customerAfter);
  }

  private static MediaFlow flow(ChromeDriver browser) {
    @SuppressWarnings("unchecked")
    Map<String, Object> read = (Map<String, Object>) browser.executeAsyncScript(READ_FLOW);
    assertThat(read).as("a connected peer connection").isNotNull();
    return new MediaFlow(((Number) read.get("audioPacketsIn")).longValue(),
        ((Number) read.get("videoFramesIn")).longValue(), ((Number) read.get("videoBytesOut")).longValue(),
        ((Number) read.get("millis")).doubleValue());
  }

  private static Object script(ChromeDriver browser, String script) {
    return browser.executeScript(script);
  }

  private void agentOpensTheHostLink(VideoSession session) throws InterruptedException {
    agent.get(url(URI.create(session.hostJoinUrl()).getPath()));
    agent.findElement(By.id("username")).sendKeys("anna");
    agent.findElement(By.id("password")).sendKeys("demo");
    agent.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    serverSide.waitFor(agent, "the agent in the room", "return document.getElementById('room')?.dataset.state === 'connected'");
  }

  private boolean passed(String pid, String activityId) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid)
        .activityId(activityId).finished().count() > 0;
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
