package io.videocallsupport.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/*.jar}, as {@code java -jar} runs it in production) as a
 * process of its own, for tests that must kill it the hard way and start it again on the same data.
 * Its output goes to a log file next to its data.
 */
public final class PackagedApplication implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private PackagedApplication(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts the jar in {@code workDir} (relative paths such as the embedded database's {@code ./data}
   * resolve there) with the given environment on top of this one, and waits until it is ready.
   */
  public static PackagedApplication start(Path workDir, int port, Map<String, String> environment, Path log,
                                          Duration readyWithin) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // C1 only: the application starts faster on a loaded machine; nothing the tests look at depends on it.
    ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar",
        jar().toString())
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    builder.environment().put("PORT", String.valueOf(port));
    PackagedApplication application = new PackagedApplication(builder.start(), port, log);
    application.awaitReady(readyWithin);
    return application;
  }

  /** The jar Maven's {@code package} built; failsafe passes its path. */
  public static Path jar() {
    String configured = System.getProperty("vcs.application-jar");
    Path jar = configured != null ? Path.of(configured) : Path.of("target", "video-call-support-0.1.0-SNAPSHOT.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No packaged application at " + jar.toAbsolutePath()
          + ": run through Maven's verify (after package)");
    }
    return jar;
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public long pid() {
    return process.pid();
  }

  /** {@code kill -9}: no shutdown hook runs, nothing is flushed or closed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("Process " + process.pid() + " survived SIGKILL");
    }
  }

  /** An orderly stop (SIGTERM), so that the database files are closed before a test reads them. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private void awaitReady(Duration within) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(within);
    HttpRequest readiness = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The application exited with " + process.exitValue() + " while starting:\n"
            + tail());
      }
      try {
        if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // still starting
      }
      Thread.sleep(250);
    }
    close();
    throw new IllegalStateException("The application was not ready within " + within + ":\n" + tail());
  }

  private String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
