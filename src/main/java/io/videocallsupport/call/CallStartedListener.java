package io.videocallsupport.call;

import static io.videocallsupport.session.SessionVariables.SESSION_ID;

import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.session.SessionService;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Start of the "Video call" sub-process: the customer is in the call. */
@Component
class CallStartedListener implements ExecutionListener {

  private final SessionService sessions;
  private final HelpDesk helpDesk;

  CallStartedListener(SessionService sessions, HelpDesk helpDesk) {
    this.sessions = sessions;
    this.helpDesk = helpDesk;
  }

  @Override
  public void notify(DelegateExecution execution) {
    UUID sessionId = UUID.fromString(SESSION_ID.from(execution).get());
    sessions.recordCustomerJoined(sessionId);
    helpDesk.addNote(sessions.get(sessionId).ticketId(), sessionId, "joined:" + execution.getActivityInstanceId(),
        "video call", "The customer joined the video call.");
  }
}
