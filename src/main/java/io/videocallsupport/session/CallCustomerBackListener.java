package io.videocallsupport.session;

import static io.videocallsupport.session.SessionVariables.CALLBACK_PHONE;
import static io.videocallsupport.session.SessionVariables.SESSION_ID;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Call the customer back" is created: the number to call goes on the task only (a task-local
 * variable the form shows read-only), from the session record where contact details live.
 */
@Component
class CallCustomerBackListener implements TaskListener {

  private final SessionService sessions;

  CallCustomerBackListener(SessionService sessions) {
    this.sessions = sessions;
  }

  @Override
  public void notify(DelegateTask task) {
    UUID sessionId = UUID.fromString(SESSION_ID.from(task).get());
    CALLBACK_PHONE.on(task).setLocal(sessions.callbackPhone(sessionId).orElse(null));
  }
}
