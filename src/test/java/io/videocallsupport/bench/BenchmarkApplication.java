package io.videocallsupport.bench;

import io.videocallsupport.support.EmbeddedPostgresConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application as benchmarks measure it: PostgreSQL 15 (embedded), the job executor on
 * with 10 threads (as in production) and short acquisition waits, so that new jobs are picked up
 * at once, and only warnings logged. A benchmark adds its own properties with
 * {@code @TestPropertySource} or {@code @DynamicPropertySource}. Tagged "benchmark": only the
 * {@code bench} profile runs it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.job-execution.core-pool-size=10",
    "camunda.bpm.job-execution.max-pool-size=10", "camunda.bpm.job-execution.wait-time-in-millis=50",
    "camunda.bpm.job-execution.max-wait=200", "logging.level.root=warn"})
@ActiveProfiles("test")
@Import(EmbeddedPostgresConfiguration.class)
@Tag("benchmark")
public @interface BenchmarkApplication {

  /** Job executor threads, as set above; for reports. */
  int JOB_THREADS = 10;
}
