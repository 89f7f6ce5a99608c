package io.videocallsupport.helpdesk;

import static io.videocallsupport.session.SessionVariables.CONTEXT_EARLIER_SESSIONS;
import static io.videocallsupport.session.SessionVariables.CONTEXT_ORGANISATION;
import static io.videocallsupport.session.SessionVariables.CONTEXT_TICKET_ACTIVITY;
import static io.videocallsupport.session.SessionVariables.CONTEXT_TIER;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_TIER;
import static io.videocallsupport.session.SessionVariables.SESSION_ID;

import io.videocallsupport.session.SessionService;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Puts the customer context on the agent's task as task-local variables the form shows read-only. */
@Component
class CustomerContextListener implements TaskListener {

  private final CustomerContext context;
  private final SessionService sessions;

  CustomerContextListener(CustomerContext context, SessionService sessions) {
    this.context = context;
    this.sessions = sessions;
  }

  @Override
  public void notify(DelegateTask task) {
    CustomerContext.Summary summary = context.of(sessions.get(UUID.fromString(SESSION_ID.from(task).get())),
        CUSTOMER_TIER.from(task).getOrDefault("STANDARD"));
    CONTEXT_TIER.on(task).setLocal(summary.tier());
    CONTEXT_ORGANISATION.on(task).setLocal(summary.organisation());
    CONTEXT_TICKET_ACTIVITY.on(task).setLocal(summary.ticketActivity());
    CONTEXT_EARLIER_SESSIONS.on(task).setLocal(summary.earlierSessions());
  }
}
