package io.videocallsupport.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.videocallsupport.session.VideoSupportSession;
import io.videocallsupport.support.Chromium;
import io.videocallsupport.support.H2SpringTest;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.Sessions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist in a real browser, as each role: another agent's task does not open for an agent (Tasklist
 * says it does not exist), while its own agent, a team lead and a manager get its form.
 */
@Tag("browser")
@H2SpringTest
class TasklistBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final String AGENT = "bea";
  private static final String NOT_FOUND = "The task does not exist anymore";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;

  ChromeDriver browser;

  @BeforeEach
  void browser() throws Exception {
    Chromium.assumeUsable();
    if (identity.createUserQuery().userId(AGENT).singleResult() == null) {
      User bea = identity.newUser(AGENT);
      bea.setFirstName("Bea");
      bea.setLastName("Agent");
      bea.setPassword("demo");
      identity.saveUser(bea);
      identity.createMembership(AGENT, Roles.AGENTS);
    }
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void eachRoleOpensTheTasksItMaySee() throws Exception {
    String task = offerTaskOfASessionStartedBy(AGENT);

    assertThat(openTaskAs("anna", task)).as("another agent").contains(NOT_FOUND);
    assertThat(openTaskAs(AGENT, task)).as("the session's agent").doesNotContain(NOT_FOUND);
    assertThat(openTaskAs("tom", task)).as("a team lead").doesNotContain(NOT_FOUND);
    assertThat(openTaskAs("maria", task)).as("a manager").doesNotContain(NOT_FOUND);
  }

  /** Logs into Tasklist in a fresh browser, opens the task's address and returns what the page says. */
  private String openTaskAs(String user, String taskId) throws Exception {
    close();
    browser = Chromium.start("en");
    browser.get(url("/camunda/app/tasklist/default/"));
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(b -> !b.findElements(By.cssSelector("input[ng-model='username']")).isEmpty());
    browser.findElement(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(b -> b.findElements(By.cssSelector("input[ng-model='username']")).isEmpty()
        && text(b).contains("My tasks"));

    browser.get(url("/camunda/app/tasklist/default/#/?task=" + taskId));
    // Either the form of the task opens (form-js renders its fields) or Tasklist reports it missing.
    wait.until(b -> text(b).contains(NOT_FOUND) || !b.findElements(By.cssSelector(".fjs-container")).isEmpty());
    return text(browser);
  }

  private static String text(org.openqa.selenium.WebDriver browser) {
    return browser.findElement(By.tagName("body")).getText();
  }

  private String offerTaskOfASessionStartedBy(String agent) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(VideoSupportSession.PROCESS_KEY).latestVersion().singleResult().getId();
    identity.setAuthentication(agent, List.of(Roles.AGENTS));
    String instance;
    try {
      instance = engine.getFormService().submitStartForm(definition,
          Variables.fromMap(Sessions.startForm("TL-" + UUID.randomUUID().toString().substring(0, 8)))).getId();
    } finally {
      identity.clearAuthentication();
    }
    new ProcessDriver(engine).runDueJobs();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
