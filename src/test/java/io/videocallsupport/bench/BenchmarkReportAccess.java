package io.videocallsupport.bench;

/** Lets benchmarks in other packages (next to the package-private code they measure) report. */
public final class BenchmarkReportAccess {

  public static void print(String benchmark, String... lines) {
    BenchmarkReport.print(benchmark, lines);
  }

  public static double percentile(long[] nanos, double p) {
    return BenchmarkReport.percentileMillis(nanos, p);
  }

  private BenchmarkReportAccess() {
  }
}
