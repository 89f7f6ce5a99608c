package io.videocallsupport.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;

/** Prints a benchmark's results and appends them to target/benchmarks.txt. No assertions: numbers, not verdicts. */
final class BenchmarkReport {

  static void print(String benchmark, String... lines) {
    StringBuilder text = new StringBuilder("\n=== " + benchmark + " (" + Instant.now() + ", "
        + Runtime.getRuntime().availableProcessors() + " cores)\n");
    for (String line : lines) {
      text.append("  ").append(line).append('\n');
    }
    System.out.println(text);
    try {
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target", "benchmarks.txt"), text, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The p-th percentile (0-100) of the given latencies in nanoseconds, in milliseconds. */
  static double percentileMillis(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
  }

  private BenchmarkReport() {
  }
}
