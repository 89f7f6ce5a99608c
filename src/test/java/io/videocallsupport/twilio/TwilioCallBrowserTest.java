package io.videocallsupport.twilio;

import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.videocallsupport.call.Meeting;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.helpdesk.TicketNote;
import io.videocallsupport.messaging.Channel;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.messaging.OutboxMessage;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.Chromium;
import io.videocallsupport.support.FakeTransports;
import io.videocallsupport.support.FakeTwilioVideo;
import io.videocallsupport.support.MessagingTransportsTest;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.SentMessages;
import io.videocallsupport.support.Sessions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Twilio Video call page in Chromium, with a fake twilio-video.js (test resource
 * {@code fake-twilio-video.js}, served by the fake Twilio) in place of Twilio's SDK, which tests
 * cannot reach. The page connects to the session's room with the token the application made for
 * it, and with a fresh one from the application's token address after the old one expired; it
 * shows the other side's tile, follows Twilio's network quality and sends no camera in audio-only
 * and screen-only mode; its buttons reach the application (the host's End call and Sensitive data,
 * the customer's Leave and the way back to the join page). The page's state is read from the data
 * attributes of {@code #room}, what it asked of the SDK from {@code fakeTwilio.snapshot()}.
 */
@Tag("browser")
@MessagingTransportsTest
class TwilioCallBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired SessionRepository sessions;
  @Autowired Outbox outbox;
  @Autowired SentMessages sent;
  @Autowired HelpDesk helpDesk;
  @Autowired TwilioVideoPlatform platform;

  ChromeDriver browser;

  @BeforeEach
  void browser() throws Exception {
    Chromium.assumeUsable();
    FakeTransports.twilio().reset();
    browser = Chromium.start("en");
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void customerJoinsSeesTheAgentFollowsTheConnectionAndLeavesWithAWayBack() throws Exception {
    Call call = startCall();

    browser.get(url(call.joinLink()));
    browser.findElement(By.id("join-continue")).click();
    waitFor("the customer connected", "return document.getElementById('room')?.dataset.state === 'connected'");
    assertThat(browser.getCurrentUrl()).contains("/video");

    Map<String, Object> connect = firstConnect();
    assertThat(connect.get("name")).isEqualTo(call.roomName());
    JsonNode token = claims((String) connect.get("token"));
    assertThat(token.path("grants").path("identity").asText()).isEqualTo("customer:" + call.session().id());
    assertThat(token.path("grants").path("video").path("room").asText()).isEqualTo(call.roomName());
    assertThat(connect.get("trackKinds")).isEqualTo(List.of("audio", "video"));
    waitFor("the own picture", "return document.getElementById('local-video').videoWidth > 0");

    // The agent comes in: a tile with name, "support" and a playing picture; the join is announced.
    script("fakeTwilio.addParticipant('agent:anna')");
    waitFor("the agent's picture", "return Array.from(document.querySelectorAll('#tiles .tile.remote video'))"
        + ".some(v => v.videoWidth > 0)");
    assertThat(text("#tiles .tile.remote figcaption")).isEqualTo("anna (support)");
    assertThat(text("#announcer")).isEqualTo("anna joined the call.");

    // Twilio's network quality levels 0–5 become good, fair or poor, with the room's wording.
    assertQuality(5, "good", "Connection: good");
    assertQuality(3, "fair", "Connection: fair");
    assertQuality(1, "poor", "Connection: poor – try audio only or lower quality");

    // Twilio drops the page because the token expired: a fresh one from the application, same room.
    script("fakeTwilio.disconnectWith(20104)");
    waitFor("the customer connected again", "return document.getElementById('room').dataset.state === 'connected'"
        + " && fakeTwilio.connects.length === 2");
    assertThat(room("tokenRefreshes")).isEqualTo("1");
    Map<String, Object> again = connects().get(1);
    assertThat(again.get("name")).isEqualTo(call.roomName());
    assertThat(claims((String) again.get("token")).path("grants").path("identity").asText())
        .isEqualTo("customer:" + call.session().id());
    assertThat(again.get("trackKinds")).as("the same camera and microphone").isEqualTo(List.of("audio", "video"));
    script("fakeTwilio.addParticipant('agent:anna')");

    // The agent shares the screen: a large tile of its own.
    script("fakeTwilio.publishRemote('agent:anna', 'video', 'screen')");
    waitFor("the agent's screen", "return document.querySelector('#tiles .tile.remote.screen video')?.videoWidth > 0");
    assertThat(text("#tiles .tile.remote.screen figcaption")).isEqualTo("Shared screen of anna");

    // Leaving disconnects, says so, and offers the way back through the join page.
    browser.findElement(By.id("leave")).click();
    waitFor("the customer gone", "return document.getElementById('room').dataset.state === 'left'");
    assertThat(room("leave")).as("the application heard the goodbye first").isEqualTo("204");
    assertThat(platform.customerLeftOnPurpose(call.roomName())).isTrue();
    assertThat(text("#room-status")).isEqualTo("You left the call.");
    assertThat(((Number) snapshot().get("disconnects")).intValue()).isEqualTo(1);
    browser.findElement(By.id("rejoin")).click();
    assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/join");
    assertThat(browser.findElement(By.id("join-continue")).isDisplayed()).isTrue();
    assertNoErrorsInConsole();
  }

  @Test
  void audioOnlyAndScreenOnlyPublishNoCamera() throws Exception {
    Call call = startCall();

    browser.get(url(call.joinLink()));
    browser.findElement(By.cssSelector("label[for=choice-AUDIO_ONLY]")).click();
    browser.findElement(By.id("join-continue")).click();
    waitFor("the customer connected", "return document.getElementById('room')?.dataset.state === 'connected'");
    assertThat(room("mode")).isEqualTo("audio");

    assertThat(firstConnect().get("trackKinds")).isEqualTo(List.of("audio"));
    script("fakeTwilio.addParticipant('agent:anna')");
    assertThat(trackField("published", "kind")).containsOnly("audio");
    assertThat(fakeTwilio("switchedOff")).as("the agent's camera, at Twilio").containsExactly("camera");
    assertThat(room("audioOnly")).isEqualTo("true");
    assertThat(browser.findElement(By.id("audio-only")).getAttribute("aria-pressed")).isEqualTo("true");
    assertNoErrorsInConsole();

    // Screen share only: the screen goes out as a track named "screen", no camera.
    browser.get(url("/join"));
    browser.findElement(By.cssSelector("label[for=choice-SCREEN_SHARE_ONLY]")).click();
    browser.findElement(By.id("join-continue")).click();
    waitFor("the customer connected", "return document.getElementById('room')?.dataset.state === 'connected'");
    assertThat(room("mode")).isEqualTo("screen");
    waitFor("the screen in the room", "return fakeTwilio.publishedNow().some(t => t.name === 'screen')");
    assertThat(trackField("publishedNow", "name")).containsExactlyInAnyOrder("microphone", "screen");
    assertNoErrorsInConsole();
  }

  @Test
  void hostSeesTheCustomerStopsTheRecordingAndEndsTheCallForEveryone() throws Exception {
    Call call = startCall();

    browser.get(url(URI.create(call.session().hostJoinUrl()).getPath()));
    browser.findElement(By.id("username")).sendKeys("anna");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
    waitFor("the agent connected", "return document.getElementById('room')?.dataset.state === 'connected'");

    Map<String, Object> connect = firstConnect();
    assertThat(connect.get("name")).isEqualTo(call.roomName());
    assertThat(claims((String) connect.get("token")).path("grants").path("identity").asText()).isEqualTo("agent:anna");
    assertThat(text("h1")).contains("Jo Doe").contains(call.ticket());

    script("fakeTwilio.addParticipant('customer:" + call.session().id() + "')");
    waitFor("the customer's picture", "return Array.from(document.querySelectorAll('#tiles .tile.remote video'))"
        + ".some(v => v.videoWidth > 0)");
    assertThat(text("#tiles .tile.remote figcaption")).isEqualTo("Jo Doe");

    // An expired token: the host's token address gives a fresh one for the same room.
    script("fakeTwilio.disconnectWith(20104)");
    waitFor("the agent connected again", "return document.getElementById('room').dataset.state === 'connected'"
        + " && fakeTwilio.connects.length === 2");
    JsonNode renewed = claims((String) connects().get(1).get("token"));
    assertThat(renewed.path("grants").path("identity").asText()).isEqualTo("agent:anna");
    assertThat(renewed.path("grants").path("video").path("room").asText()).isEqualTo(call.roomName());

    // Recording runs (consent is on record); sensitive data on screen stops it in Twilio's room.
    platform.startRecording(new Meeting(TwilioVideoPlatform.NAME, call.roomName(), null, null));
    String roomSid = openRoom(call.roomName()).path("sid").asText();
    assertThat(video().recordsEveryone(roomSid)).isTrue();
    browser.findElement(By.id("sensitive-data")).click();
    waitFor("the sensitive-data answer", "return document.getElementById('room').dataset.sensitiveData === '204'");
    assertThat(video().recordsEveryone(roomSid)).isFalse();
    assertThat(helpDesk.notes(call.ticket())).map(TicketNote::body).anyMatch(b -> b.contains("sensitive data"));

    // End call for everyone: the room is completed at Twilio and the page says the call has ended.
    browser.findElement(By.id("end-call")).click();
    waitFor("the end-call answer", "return document.getElementById('room').dataset.endCall === '204'");
    assertThat(room("state")).isEqualTo("ended");
    assertThat(text("#room-status")).isEqualTo("The call has ended.");
    assertThat(video().roomsNamed(call.roomName())).last()
        .satisfies(r -> assertThat(r.path("status").asText()).isEqualTo("completed"));
    assertThat(((Number) snapshot().get("disconnects")).intValue()).isEqualTo(1);
    assertNoErrorsInConsole();
  }

  // ---- helpers -------------------------------------------------------------------------------

  private record Call(String ticket, VideoSession session, String roomName, String joinLink) {
  }

  /** A session whose call starts now, with its Twilio room open. */
  private Call startCall() {
    ProcessDriver driver = new ProcessDriver(engine);
    String ticket = "T-" + UUID.randomUUID().toString().substring(0, 8);
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, PREPARE_SESSION, Map.of("callTiming", "NOW", "expectedDurationMinutes", 10,
        "customerPreparation", "Your router", "callMode", "VIDEO", "agentDevicesChecked", true, "callNowOutsideHours", true));
    driver.runDueJobs();
    UUID id = UUID.fromString((String) engine.getRuntimeService().getVariable(pid, "sessionId"));
    VideoSession session = sessions.findById(id).orElseThrow();
    assertThat(session.platform()).isEqualTo(TwilioVideoPlatform.NAME);
    return new Call(ticket, session, session.meetingId(), linkPath(sent.text(email(session))));
  }

  private JsonNode openRoom(String roomName) {
    return video().roomsNamed(roomName).stream().filter(r -> "in-progress".equals(r.path("status").asText()))
        .findFirst().orElseThrow(() -> new AssertionError("no open room " + roomName));
  }

  private static FakeTwilioVideo video() {
    return FakeTransports.twilio().video();
  }

  private void assertQuality(int level, String quality, String wording) {
    script("fakeTwilio.networkQuality(" + level + ")");
    assertThat(room("quality")).isEqualTo(quality);
    assertThat(text("#quality")).isEqualTo(wording);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> snapshot() {
    return (Map<String, Object>) script("return fakeTwilio.snapshot()");
  }

  private Map<String, Object> firstConnect() {
    List<Map<String, Object>> connects = connects();
    assertThat(connects).as("connect() calls").isNotEmpty();
    return connects.get(0);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> connects() {
    return (List<Map<String, Object>>) snapshot().get("connects");
  }

  /** A field of every track in one of the fake's lists, e.g. the kinds of all "published" tracks. */
  private List<String> trackField(String listName, String key) {
    return fakeTwilio(listName).stream().map(track -> String.valueOf(((Map<?, ?>) track).get(key))).toList();
  }

  /** One of the lists the fake records, e.g. "published" or "switchedOff". */
  @SuppressWarnings("unchecked")
  private List<Object> fakeTwilio(String listName) {
    return (List<Object>) snapshot().get(listName);
  }

  private static JsonNode claims(String jwt) throws Exception {
    String[] parts = jwt.split("\\.");
    assertThat(parts).as("a JWT").hasSize(3);
    return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
  }

  private String room(String attribute) {
    return (String) script("return document.getElementById('room').dataset[arguments[0]]", attribute);
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getAttribute("textContent").trim();
  }

  private Object script(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private void waitFor(String what, String script) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (Instant.now().isBefore(deadline)) {
      if (Boolean.TRUE.equals(script(script))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("Timed out waiting for " + what + " at " + browser.getCurrentUrl() + ": "
        + script("return JSON.stringify(document.getElementById('room')?.dataset ?? null)"));
  }

  /** The page logs nothing as an error: no failed script, no exception, no refused resource. */
  private void assertNoErrorsInConsole() {
    List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .filter(m -> !m.contains("favicon"))
        .toList();
    assertThat(errors).as("errors in the browser console").isEmpty();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private OutboxMessage email(VideoSession session) {
    List<OutboxMessage> found = outbox.forSession(session.id()).stream()
        .filter(m -> m.purpose() == MessagePurpose.INVITATION && m.channel() == Channel.EMAIL).toList();
    assertThat(found).as("invitation email").isNotEmpty();
    return found.get(found.size() - 1);
  }

  private static String linkPath(String text) {
    Matcher matcher = Pattern.compile("/join/([A-Za-z0-9_-]{40,})").matcher(text);
    assertThat(matcher.find()).as("a /join/ link").isTrue();
    return matcher.group();
  }
}
