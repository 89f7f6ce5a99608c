package io.videocallsupport.system;

import java.util.Date;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Lets a failed job honour {@link RetryAfterException}. A rate limit (429) is retried when the
 * outside system said, plus a little random spread so that the jobs it stopped together do not
 * return together, and gets its retry back; the retry cycle, made for outages, does not apply.
 * Any other failure with a {@code Retry-After} (a 503) follows the retry cycle, but no earlier than
 * the system asked.
 */
@Component
class RetryAfterPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(new HonourRetryAfter());
  }

  static class HonourRetryAfter implements FailedJobCommandFactory {

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
      Command<Object> standard = new DefaultJobRetryCmd(jobId, exception);
      return RetryAfterException.in(exception).<Command<Object>>map(wait -> context -> {
        JobEntity before = context.getJobManager().findJobById(jobId);
        boolean failedBefore = before != null && before.getExceptionMessage() != null;
        // The first failure sets the retries from the retry cycle; later ones count down. A rate
        // limit gives its retry back, before the count-down: given back afterwards, a job on its
        // last retry (e.g. retried from Cockpit) would already have raised an incident.
        if (wait.rateLimited() && failedBefore) {
          before.setRetries(before.getRetries() + 1);
        }
        standard.execute(context);
        JobEntity job = context.getJobManager().findJobById(jobId);
        if (job != null) {
          long now = ClockUtil.getCurrentTime().getTime();
          Date earliest = new Date(now + wait.retryAfter().toMillis());
          if (wait.rateLimited()) {
            job.setDuedate(new Date(earliest.getTime() + spread(wait.retryAfter().toMillis())));
          } else if (job.getDuedate() == null || job.getDuedate().before(earliest)) {
            job.setDuedate(earliest);
          }
        }
        return null;
      }).orElse(standard);
    }

    /** Up to a fifth of the wait, at least a quarter and at most five seconds. */
    static long spread(long waitMillis) {
      long bound = Math.min(5_000, Math.max(250, waitMillis / 5));
      return ThreadLocalRandom.current().nextLong(bound + 1);
    }
  }
}
