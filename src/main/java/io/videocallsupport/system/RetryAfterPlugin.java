package io.videocallsupport.system;

import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Lets a failed job honour {@link RetryAfterException}: Camunda's retry cycle decides the retry as
 * usual, then the job is moved to no earlier than the outside system asked, and a rate limit gets
 * its retry back.
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
        standard.execute(context);
        JobEntity job = context.getJobManager().findJobById(jobId);
        if (job != null) {
          // The first failure sets the retries from the retry cycle; later ones count down. A
          // rate limit gives its retry back.
          if (wait.rateLimited() && failedBefore) {
            job.setRetries(job.getRetries() + 1);
          }
          Date earliest = new Date(ClockUtil.getCurrentTime().getTime() + wait.retryAfter().toMillis());
          if (job.getDuedate() == null || job.getDuedate().before(earliest)) {
            job.setDuedate(earliest);
          }
        }
        return null;
      }).orElse(standard);
    }
  }
}
