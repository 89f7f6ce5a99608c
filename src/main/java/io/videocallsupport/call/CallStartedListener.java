package io.videocallsupport.call;

import static io.videocallsupport.session.SessionVariables.SESSION_ID;

import io.videocallsupport.session.SessionService;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of the "Video call" sub-process: the customer is in the call. */
@Component
class CallStartedListener implements ExecutionListener {

  private final SessionService sessions;

  CallStartedListener(SessionService sessions) {
    this.sessions = sessions;
  }

  @Override
  public void notify(DelegateExecution execution) {
    sessions.recordCustomerJoined(UUID.fromString(SESSION_ID.from(execution).get()));
  }
}
