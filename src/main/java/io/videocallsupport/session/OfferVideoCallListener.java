package io.videocallsupport.session;

import static io.videocallsupport.session.SessionVariables.CUSTOMER_ACCEPTED_VIDEO;
import static io.videocallsupport.session.SessionVariables.OFFER_MODE;
import static io.videocallsupport.session.SessionVariables.SESSION_ID;

import io.videocallsupport.helpdesk.HelpDesk;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Offer video call": records on the session when the offer was made (and eligibility's offer mode)
 * and what the customer answered, the first steps of the analytics funnel.
 */
@Component
class OfferVideoCallListener implements TaskListener {

  private final SessionService sessions;
  private final HelpDesk helpDesk;

  OfferVideoCallListener(SessionService sessions, HelpDesk helpDesk) {
    this.sessions = sessions;
    this.helpDesk = helpDesk;
  }

  @Override
  public void notify(DelegateTask task) {
    UUID sessionId = UUID.fromString(SESSION_ID.from(task).get());
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      sessions.recordOffered(sessionId, OFFER_MODE.from(task).getOrNull());
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      boolean accepted = CUSTOMER_ACCEPTED_VIDEO.from(task).getOrDefault(false);
      sessions.recordOfferAnswer(sessionId, accepted);
      // The answer's reason (on a decline) follows in the process's "video declined" note.
      helpDesk.addNote(sessions.get(sessionId).ticketId(), sessionId, "offer:" + task.getId(), "video-session",
          "Video call offered (" + OFFER_MODE.from(task).getOrDefault("offer") + "): the customer "
              + (accepted ? "accepted." : "declined."));
    }
  }
}
