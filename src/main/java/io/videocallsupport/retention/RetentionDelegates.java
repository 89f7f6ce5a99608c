package io.videocallsupport.retention;

import static io.videocallsupport.retention.RecordingRetention.Variables.*;

import io.videocallsupport.retention.RecordingRetention.Messages;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of the recording-retention process. */
@Configuration(proxyBeanMethods = false)
class RetentionDelegates {

  static final String RETENTION_PERIOD_OVER = "RETENTION_PERIOD_OVER";
  static final String RETENTION_POLICY = "retention policy";

  /** "Register recording and check consent". */
  @Bean
  JavaDelegate registerRecordingDelegate(Recordings recordings) {
    return execution -> {
      Recording recording = recordings.register(UUID.fromString(SESSION_ID.from(execution).get()),
          PLATFORM.from(execution).get(), PLATFORM_RECORDING_ID.from(execution).get(),
          STORAGE_REF.from(execution).getOrNull(), execution.getProcessInstanceId());
      RECORDING_ID.on(execution).set(recording.id().toString());
      RECORDING_CONSENT.on(execution).set(recording.consentOnRecord());
      RETENTION_DAYS.on(execution).set((int) java.time.Duration.between(recording.createdAt(),
          recording.retainUntil()).toDays());
      RETENTION_ENDS_AT.on(execution).set(Date.from(recording.retainUntil().toInstant()));
      LEGAL_HOLD.on(execution).set(recording.legalHold());
    };
  }

  /**
   * "Delete recording at once" (input deletionReason NO_CONSENT) and "Delete recording
   * everywhere" (deletionReason from the erasure request, else the retention period is over).
   */
  @Bean
  JavaDelegate deleteRecordingDelegate(Recordings recordings) {
    return execution -> {
      String reason = DELETION_REASON.from(execution).getOrDefault(RETENTION_PERIOD_OVER);
      recordings.delete(UUID.fromString(RECORDING_ID.from(execution).get()), reason,
          DELETION_REQUESTED_BY.from(execution).getOrDefault(RETENTION_POLICY));
      DELETION_REASON.on(execution).set(reason);
    };
  }

  /** "Report erasure": tells waiting privacy requests of the ticket that one more recording is gone. */
  @Bean
  JavaDelegate reportErasureDelegate() {
    return execution -> execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(Messages.RECORDING_ERASED)
        .processInstanceBusinessKey(execution.getProcessBusinessKey())
        .setVariable(RECORDING_ID.getName(), RECORDING_ID.from(execution).get())
        .correlateAllWithResult();
  }
}
