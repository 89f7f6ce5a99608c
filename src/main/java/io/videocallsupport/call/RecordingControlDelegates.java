package io.videocallsupport.call;

import static io.videocallsupport.session.SessionVariables.RECORDING_ACTIVE;
import static io.videocallsupport.session.SessionVariables.SESSION_ID;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Start recording" and "Stop recording": the platform's recording follows the consent on record. */
@Configuration(proxyBeanMethods = false)
class RecordingControlDelegates {

  @Bean
  JavaDelegate startRecordingDelegate(Meetings meetings) {
    return execution -> RECORDING_ACTIVE.on(execution)
        .set(meetings.startRecording(UUID.fromString(SESSION_ID.from(execution).get())));
  }

  @Bean
  JavaDelegate stopRecordingDelegate(Meetings meetings) {
    return execution -> {
      meetings.stopRecording(UUID.fromString(SESSION_ID.from(execution).get()));
      RECORDING_ACTIVE.on(execution).set(false);
    };
  }
}
