package io.videocallsupport.csat;

import static io.videocallsupport.csat.CsatSurvey.Variables.CUSTOMER_NAME;
import static io.videocallsupport.csat.CsatSurvey.Variables.SESSION_AGENT;
import static io.videocallsupport.csat.CsatSurvey.Variables.SESSION_ID;

import io.videocallsupport.security.AgentDirectory;
import io.videocallsupport.session.SessionNotFoundException;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.VideoSession;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Review customer feedback" opens: the team lead sees whose session it was and with which
 * customer. Read from the session record into task-local variables, so the survey process keeps no
 * copy of the customer's name; a session already erased shows neither.
 */
@Component
class ReviewFeedbackListener implements TaskListener {

  private final SessionService sessions;
  private final AgentDirectory agents;

  ReviewFeedbackListener(SessionService sessions, AgentDirectory agents) {
    this.sessions = sessions;
    this.agents = agents;
  }

  @Override
  public void notify(DelegateTask task) {
    VideoSession session;
    try {
      session = sessions.get(UUID.fromString(SESSION_ID.from(task).get()));
    } catch (SessionNotFoundException erased) {
      return;
    }
    CUSTOMER_NAME.on(task).setLocal(session.customerName());
    String agentName = agents.displayName(session.agentId());
    SESSION_AGENT.on(task).setLocal(agentName != null ? agentName : session.agentId());
  }
}
