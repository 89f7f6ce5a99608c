package io.videocallsupport.session;

import static io.videocallsupport.session.SessionVariables.CUSTOMER_EMAIL;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_MOBILE;
import static io.videocallsupport.session.SessionVariables.SESSION_ID;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Fix contact details": shows the stored email and mobile number as task-local variables (they
 * never become process variables) and, on completion, checks and stores the corrected ones.
 */
@Component
class ContactDetailsTaskListener implements TaskListener {

  private final SessionService sessions;
  private final ContactDetailsCheck check;

  ContactDetailsTaskListener(SessionService sessions, ContactDetailsCheck check) {
    this.sessions = sessions;
    this.check = check;
  }

  @Override
  public void notify(DelegateTask task) {
    UUID sessionId = UUID.fromString(SESSION_ID.from(task).get());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      VideoSession session = sessions.get(sessionId);
      CUSTOMER_EMAIL.on(task).setLocal(session.customerEmail());
      CUSTOMER_MOBILE.on(task).setLocal(session.customerMobile());
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      String email = CUSTOMER_EMAIL.from(task).getOrNull();
      String mobile = CUSTOMER_MOBILE.from(task).getOrNull();
      List<String> problems = check.problems(email, mobile);
      if (!problems.isEmpty()) {
        throw new InvalidTaskInputException(String.join(" ", problems));
      }
      sessions.updateContactDetails(sessionId, email, mobile);
      task.removeVariableLocal(CUSTOMER_EMAIL.getName());
      task.removeVariableLocal(CUSTOMER_MOBILE.getName());
    }
  }
}
