package io.videocallsupport.support;

import io.videocallsupport.inbox.InboxWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Waiting in a browser test while the server works: tests run without the inbox poller and the job
 * executor, so every wait hands due inbox events and jobs on, as those would.
 */
public final class ServerSide {

  private final InboxWorker inbox;
  private final ProcessDriver driver;
  private final Duration wait;

  public ServerSide(InboxWorker inbox, ProcessDriver driver, Duration wait) {
    this.inbox = inbox;
    this.driver = driver;
    this.wait = wait;
  }

  /** Waits until the condition holds on the server side. */
  public void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(wait);
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

  /** Waits until the script answers true in the browser. */
  public void waitFor(WebDriver browser, String what, String script) throws InterruptedException {
    Instant deadline = Instant.now().plus(wait);
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
}
