package io.videocallsupport.support;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium for browser tests: fake camera, microphone and screen, headless, with a fresh
 * profile. Tests that open peer connections must run where only loopback exists (a network
 * namespace: {@code unshare -n}, as {@code .ci/run} does), so that ICE never reaches another address.
 * Without Chromium, or outside such a namespace, these tests are skipped; with
 * {@code -Dvcs.browser-tests=required} (CI) they fail instead.
 */
public final class Chromium {

  public static final Path BROWSER = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {
  }

  /** Skips (or, when required, fails) the test unless Chromium is installed and only loopback is up. */
  public static void assumeUsable() {
    boolean required = "required".equals(System.getProperty("vcs.browser-tests"));
    check(required, Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    check(required, onlyLoopback(), "Browser tests with peer connections run only where loopback is the only "
        + "network: unshare -n sh -c 'ip link set lo up; mvn -o verify' (see .ci/run)");
  }

  private static void check(boolean required, boolean condition, String message) {
    if (required) {
      Assertions.assertTrue(condition, message);
    } else {
      Assumptions.assumeTrue(condition, message);
    }
  }

  static boolean onlyLoopback() {
    try {
      List<NetworkInterface> up = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
          .filter(Chromium::isUp).toList();
      return !up.isEmpty() && up.stream().allMatch(Chromium::isLoopback);
    } catch (SocketException e) {
      return false;
    }
  }

  private static boolean isUp(NetworkInterface network) {
    try {
      return network.isUp();
    } catch (SocketException e) {
      return false;
    }
  }

  private static boolean isLoopback(NetworkInterface network) {
    try {
      return network.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }

  /** A headless Chromium with fake media devices and its own profile directory. */
  public static ChromeDriver start(String language) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
        "--allow-loopback-in-peer-connection", "--autoplay-policy=no-user-gesture-required",
        "--window-size=1280,1300", "--lang=" + language,
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile-"));
    // --lang sets the interface; pages are asked for in the same language (Accept-Language).
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    // The browser's console, for tests that check that a page logs no errors.
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }
}
