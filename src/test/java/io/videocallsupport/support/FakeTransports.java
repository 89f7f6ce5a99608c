package io.videocallsupport.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Twilio (WireMock) and an SMTP server (GreenMail) on loopback for {@link MessagingTransportsTest}.
 * They start once per JVM, before the Spring context that points at them (the coverage module
 * loads the context before JUnit extensions run), and stop with the JVM. SMTP can be stopped and
 * started again on the same port, to test a mail server that is down for a while.
 */
public class FakeTransports implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final FakeTwilio TWILIO = new FakeTwilio();
  private static final int SMTP_PORT = freePort();
  private static GreenMail mail = newMailServer();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      TWILIO.stop();
      mail.stop();
    }));
  }

  public static FakeTwilio twilio() {
    return TWILIO;
  }

  public static synchronized GreenMail mail() {
    return mail;
  }

  public static synchronized void stopMail() {
    mail.stop();
  }

  /** A fresh mail server on the same port (it starts without messages). */
  public static synchronized void startMail() {
    mail.stop();
    mail = newMailServer();
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
        "vcs.twilio.api-base-url=" + TWILIO.baseUrl(),
        "vcs.twilio.account-sid=" + FakeTwilio.ACCOUNT_SID,
        "vcs.twilio.auth-token=" + FakeTwilio.AUTH_TOKEN,
        "vcs.twilio.from-number=" + FakeTwilio.FROM,
        "vcs.twilio.api-key=" + FakeTwilio.API_KEY,
        "vcs.twilio.api-secret=" + FakeTwilio.API_SECRET,
        "vcs.twilio.video.js-url=" + TWILIO.baseUrl() + FakeTwilio.VIDEO_JS,
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + SMTP_PORT).applyTo(context);
  }

  private static GreenMail newMailServer() {
    GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
