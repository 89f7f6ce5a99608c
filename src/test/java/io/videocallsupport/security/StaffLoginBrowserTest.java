package io.videocallsupport.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.support.Chromium;
import io.videocallsupport.support.H2SpringTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff logins in a real browser: the demo admin works in Cockpit and Admin; one login on the staff
 * form opens Tasklist without a second one, and the staff pages' navigation leads there.
 */
@Tag("browser")
@H2SpringTest
class StaffLoginBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(40);

  @LocalServerPort int port;

  ChromeDriver browser;

  @BeforeEach
  void browser() throws Exception {
    Chromium.assumeUsable();
    browser = Chromium.start("en");
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theAdminOpensCockpitAndAdmin() {
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    browser.get(url("/camunda/app/cockpit/default/"));
    wait.until(b -> !b.findElements(By.cssSelector("input[ng-model='username']")).isEmpty());
    browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys("admin");
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(b -> b.findElements(By.cssSelector("input[ng-model='username']")).isEmpty()
        && text(b).contains("Processes") && text(b).contains("Decisions"));

    browser.get(url("/camunda/app/admin/default/#/users"));
    wait.until(b -> text(b).contains("anna") && text(b).contains("maria"));
    assertThat(text(browser)).doesNotContain("You are not authorized");

    browser.get(url("/camunda/app/admin/default/#/groups"));
    wait.until(b -> text(b).contains("team-leads"));
  }

  @Test
  void oneStaffLoginOpensTasklistAndTheNavigationLeadsThere() {
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    browser.get(url("/sessions"));
    wait.until(b -> !b.findElements(By.id("login-form")).isEmpty());
    assertThat(browser.getTitle()).isEqualTo("Staff login");
    browser.findElement(By.id("username")).sendKeys("tom");
    browser.findElement(By.id("password")).sendKeys("demo");
    browser.findElement(By.cssSelector("#login-form button[type='submit']")).click();
    wait.until(b -> !b.findElements(By.id("filters")).isEmpty());
    assertThat(text(browser)).contains("Video sessions", "Logged in as tom");
    browser.findElement(By.id("filters")).submit();
    wait.until(b -> !b.findElements(By.id("results")).isEmpty() || !b.findElements(By.id("no-results")).isEmpty());
    screenshot("staff-sessions");

    browser.findElement(By.linkText("Tasklist")).click();
    wait.until(b -> text(b).contains("My tasks") || text(b).contains("All tasks"));
    assertThat(browser.findElements(By.cssSelector("input[ng-model='username']")))
        .as("no second login in Tasklist").isEmpty();

    browser.get(url("/analytics"));
    wait.until(b -> text(b).contains("Video support analytics"));
    screenshot("staff-analytics");
    browser.findElement(By.id("logout")).click();
    wait.until(b -> !b.findElements(By.id("login-form")).isEmpty());
    browser.get(url("/camunda/app/tasklist/default/"));
    wait.until(b -> !b.findElements(By.cssSelector("input[ng-model='username']")).isEmpty());
  }

  private void screenshot(String name) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "browser-screenshots");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String text(WebDriver browser) {
    return browser.findElement(By.tagName("body")).getText();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
