package io.videocallsupport.session;

import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import io.videocallsupport.helpdesk.HelpDesk;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Note on ticket" tasks: writes the task's {@code ticketNote} input to the ticket. An optional
 * {@code closeSessionAs} input (a {@link SessionState}) closes the session with that state.
 */
@Component
class TicketNoteDelegate implements JavaDelegate {

  static final VariableFactory<String> CLOSE_SESSION_AS = stringVariable("closeSessionAs");

  private final HelpDesk helpDesk;
  private final SessionService sessions;

  TicketNoteDelegate(HelpDesk helpDesk, SessionService sessions) {
    this.helpDesk = helpDesk;
    this.sessions = sessions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID sessionId = SessionVariables.SESSION_ID.from(execution).getOptional().map(UUID::fromString).orElse(null);
    String ticketId = execution.getProcessBusinessKey() != null
        ? execution.getProcessBusinessKey() : SessionVariables.TICKET_ID.from(execution).get();
    helpDesk.addNote(ticketId, sessionId, "video-session", SessionVariables.TICKET_NOTE.from(execution).get());
    CLOSE_SESSION_AS.from(execution).getOptional()
        .ifPresent(state -> sessions.changeState(sessionId, SessionState.valueOf(state)));
  }
}
