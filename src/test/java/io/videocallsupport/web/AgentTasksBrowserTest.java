package io.videocallsupport.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.session.VideoSupportSession.Elements;
import io.videocallsupport.support.Chromium;
import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.support.Sessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What agents and team leads see in Tasklist 7.24 (Chromium): task cards that tell two sessions
 * apart, the team lead's escalation task with its reason, and clean messages for wrong input.
 * Screenshots go to {@code target/browser-screenshots/}.
 */
@Tag("browser")
@H2SpringTest
class AgentTasksBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(40);

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  ChromeDriver browser;

  @BeforeEach
  void browser() throws Exception {
    Chromium.assumeUsable();
    browser = Chromium.start("en");
  }

  /** The page as the test left it, to see what went wrong when a wait timed out. */
  @AfterEach
  void lastPage(org.junit.jupiter.api.TestInfo test) throws Exception {
    if (browser != null) {
      screenshot("last-" + test.getTestMethod().orElseThrow().getName());
      Files.writeString(Path.of("target", "browser-screenshots", "last-" + test.getTestMethod().orElseThrow().getName()
          + ".txt"), body(browser));
    }
    closeBrowser();
  }

  void closeBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  @Test
  void theAgentsTaskCardsShowTicketAndCustomer() throws Exception {
    String first = ticket();
    String second = ticket();
    start(first, "Ada Lovelace", "Europe/Berlin");
    start(second, "Grace Hopper", "Europe/Berlin");

    logIn("anna");
    String list = new WebDriverWait(browser, WAIT).until(d -> {
      String text = body(d);
      return text.contains(first) && text.contains(second) ? text : null;
    });
    screenshot("task-list-cards");
    assertThat(list).contains("Ada Lovelace", "Grace Hopper", "Ticket", "Customer");
  }

  @Test
  void theTeamLeadSeesWhyHeIsNeededWhoAskedAndForWhichCustomer() throws Exception {
    String ticket = ticket();
    String pid = start(ticket, "Ada Lovelace", "Europe/Berlin");
    engine.getRuntimeService().createProcessInstanceModification(pid)
        .cancelAllForActivity(Elements.OFFER_VIDEO_CALL)
        .startBeforeActivity(Elements.CONDUCT_VIDEO_CALL)
        .execute();

    // The agent's form offers the team leads and Tom by name.
    Task conduct = task(pid, Elements.CONDUCT_VIDEO_CALL);
    openInTasklist("anna", conduct);
    fieldShowing(ticket);
    fieldShowing("Ada Lovelace");
    option("Invite a specialist or team lead").click();
    WebElement invitee = new WebDriverWait(browser, WAIT).until(d -> d.findElement(
        By.cssSelector(".fjs-form-field-select")));
    assertThat(invitee.getText()).contains("Whom do you invite?", "Any team lead (the team leads' group)");
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", invitee);
    invitee.findElement(By.cssSelector(".fjs-select-display")).click();
    String choices = new WebDriverWait(browser, WAIT).until(d -> {
      String text = d.findElement(By.cssSelector(".fjs-form-field-select")).getText();
      return text.contains("Tom Lead") ? text : null;
    });
    screenshot("conduct-video-call-escalate");
    assertThat(choices).contains("Any team lead (the team leads' group)", "Tom Lead");

    // Escalated to the team leads; the agent's next "Conduct video call" starts while the team lead's task opens.
    engine.getTaskService().complete(conduct.getId(), Map.of("callAction", "ESCALATE", "escalationConsent", true,
        "escalationReason", "Router firmware needs a second-level check", "escalationInvitee", "group:team-leads"));

    Task join = task(pid, Elements.JOIN_ESCALATED_CALL);
    closeBrowser();
    browser = Chromium.start("en");
    openInTasklist("tom", join);
    assertThat(fieldShowing("Router firmware needs a second-level check").getAttribute("readonly")).isNotNull();
    assertThat(fieldShowing("Anna Agent").getAttribute("readonly")).isNotNull();
    assertThat(fieldShowing(ticket).getAttribute("readonly")).isNotNull();
    assertThat(fieldShowing("Ada Lovelace").getAttribute("readonly")).isNotNull();
    screenshot("join-escalated-call");
  }

  @Test
  void anInvalidMobileNumberComesBackAsTheChecksMessage() throws Exception {
    String pid = start(ticket(), "Ada Lovelace", "Europe/Berlin");
    engine.getRuntimeService().createProcessInstanceModification(pid)
        .cancelAllForActivity(Elements.OFFER_VIDEO_CALL)
        .startBeforeActivity(Elements.FIX_CONTACT_DETAILS)
        .execute();

    Task fix = task(pid, Elements.FIX_CONTACT_DETAILS);
    openInTasklist("anna", fix);
    fieldShowing("Ada Lovelace");
    WebElement mobile = fieldLabelled("Mobile number (optional)");
    mobile.clear();
    // Matches the form's own pattern (an obviously wrong number never leaves the browser), but no such number exists.
    mobile.sendKeys("+4900000000");
    complete();
    String page = new WebDriverWait(browser, WAIT).until(d -> {
      String text = body(d);
      return text.contains("is not a valid international number") ? text : null;
    });
    screenshot("fix-contact-details-invalid-mobile");
    assertThat(page).contains("The mobile number '+4900000000' is not a valid international number")
        .doesNotContain("ENGINE-", "TaskListener");
  }

  @Test
  void preparingACallNowAtNightForTheCustomerNeedsAConfirmation() throws Exception {
    ZoneId night = zoneWhereItIsNight();
    String pid = start(ticket(), "Ada Lovelace", night.getId());
    engine.getRuntimeService().createProcessInstanceModification(pid)
        .cancelAllForActivity(Elements.OFFER_VIDEO_CALL)
        .startBeforeActivity(Elements.PREPARE_SESSION)
        .execute();

    openInTasklist("anna", task(pid, Elements.PREPARE_SESSION));
    WebElement localTime = new WebDriverWait(browser, WAIT).until(d -> d.findElements(
            By.cssSelector(".fjs-container input")).stream()
        .filter(f -> f.getDomProperty("value") != null && f.getDomProperty("value").endsWith(": outside business hours"))
        .findFirst().orElse(null));
    assertThat(localTime.getDomProperty("value")).contains("(" + night.getId() + ")");
    String form = browser.findElement(By.cssSelector(".fjs-container")).getText();
    assertThat(form).doesNotContain("Customer's time zone\n");
    assertThat(form).doesNotContain("The customer wants the call now, outside business hours");

    option("Now: invite the customer to join right away").click();
    new WebDriverWait(browser, WAIT).until(d -> body(d).contains("The customer wants the call now, outside business hours"));
    screenshot("prepare-session-now-outside-hours");
  }

  @Test
  void aSlotOutsideBusinessHoursComesBackAsTheSchedulersMessage() throws Exception {
    String pid = start(ticket(), "Ada Lovelace", "Europe/Berlin");
    engine.getRuntimeService().createProcessInstanceModification(pid)
        .cancelAllForActivity(Elements.OFFER_VIDEO_CALL)
        .startBeforeActivity(Elements.PREPARE_SESSION)
        .execute();

    openInTasklist("anna", task(pid, Elements.PREPARE_SESSION));
    option("Later: schedule a time slot").click();
    java.time.LocalDate day = java.time.LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(1);
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    WebElement date = fieldLabelled("Date (customer's time zone)");
    date.sendKeys(day.format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy")));
    date.sendKeys(org.openqa.selenium.Keys.TAB);
    WebElement time = fieldLabelled("Start time (customer's time zone)");
    time.sendKeys("21:00");
    time.sendKeys(org.openqa.selenium.Keys.TAB);
    WebElement link = fieldLabelled("Meeting link");
    link.sendKeys("https://meet.example.com/late");
    option("I checked my camera, microphone and screen sharing").click();
    complete();

    String page = new WebDriverWait(browser, WAIT).until(d -> {
      String text = body(d);
      return text.contains("outside business hours (") ? text : null;
    });
    screenshot("prepare-session-slot-outside-hours");
    assertThat(page).contains("21:00 (Europe/Berlin) for 10 minutes is outside business hours")
        .doesNotContain("ENGINE-", "TaskListener");
  }

  // --- helpers

  private String start(String ticket, String customer, String timeZone) {
    Map<String, Object> form = new HashMap<>(Sessions.startForm(ticket));
    form.put("customerName", customer);
    form.put("customerTimeZone", timeZone);
    return Sessions.startAsAgent(engine, form);
  }

  private static String ticket() {
    return "HD-" + UUID.randomUUID().toString().substring(0, 6);
  }

  /** A fixed-offset zone where a call now would be outside the default business hours (08-18, Mon-Fri). */
  private static ZoneId zoneWhereItIsNight() {
    for (int hours = -12; hours <= 14; hours++) {
      ZoneId zone = ZoneId.of(hours == 0 ? "UTC" : String.format("Etc/GMT%+d", -hours));
      ZonedDateTime now = ZonedDateTime.now(zone);
      boolean weekend = now.getDayOfWeek() == DayOfWeek.SATURDAY || now.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (weekend || now.getHour() < 6 || now.getHour() >= 19) {
        return zone;
      }
    }
    throw new IllegalStateException("some zone always has night");
  }

  private Task task(String pid, String activity) {
    return engine.getTaskService().createTaskQuery().processInstanceId(pid).taskDefinitionKey(activity).singleResult();
  }

  private void logIn(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(d -> !d.findElements(By.cssSelector("form[name=signinForm] input[type=text]")).isEmpty());
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys(user);
    browser.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    wait.until(d -> d.findElements(By.cssSelector("form[name=signinForm]")).isEmpty() && body(d).contains("My tasks"));
  }

  private void openInTasklist(String user, Task task) {
    logIn(user);
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    new WebDriverWait(browser, WAIT).until(d -> !d.findElements(By.cssSelector(".fjs-container .fjs-form-field")).isEmpty());
  }

  private void complete() {
    new WebDriverWait(browser, WAIT).until(d -> d.findElements(By.cssSelector("button")).stream()
        .filter(b -> "Complete".equals(b.getText().trim()) && b.isEnabled()).findFirst().orElse(null));
    WebElement button = browser.findElements(By.cssSelector("button")).stream()
        .filter(b -> "Complete".equals(b.getText().trim())).findFirst().orElseThrow();
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
    button.click();
  }

  /** The radio option or checkbox with this label. */
  /** The label of a choice, scrolled to the middle of the window so that Tasklist's bars do not cover it. */
  private WebElement option(String label) {
    WebElement option = new WebDriverWait(browser, WAIT).until(d -> d.findElement(
        By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(), \"" + label + "\")]")));
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", option);
    return option;
  }

  /** The input field under this label (a required field's label ends with a star). */
  private WebElement fieldLabelled(String label) {
    return new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.xpath(
        "//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(), \"" + label + "\")]/following::input[1]")));
  }

  private WebElement fieldShowing(String text) {
    return new WebDriverWait(browser, WAIT).until(d -> d.findElements(
            By.cssSelector(".fjs-container input, .fjs-container textarea")).stream()
        .filter(field -> text.equals(field.getDomProperty("value"))).findFirst().orElse(null));
  }

  private static String body(WebDriver browser) {
    return browser.findElement(By.tagName("body")).getText();
  }

  private void screenshot(String name) throws Exception {
    Path dir = Path.of("target", "browser-screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }
}
