package io.videocallsupport.call;

import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.SessionValues.CallOutcome;
import io.videocallsupport.session.SessionValues.NoShowDecision;
import io.videocallsupport.session.VideoSession;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Ends a session that had no video call: the customer asked for a phone call or declined on the
 * join page, or did not show and the agent fell back to phone or text or closed it. There is no
 * summary, no "thanks for the video call" and no survey about a call that never happened: the
 * outcome goes on the ticket, the unused meeting is cancelled and the session closes.
 */
@Service
public class ClosingWithoutCall {

  /**
   * What the process knows when it gets here.
   *
   * @param noShowDecision     the agent's choice on "Reschedule or fall back", when the customer did not show
   * @param customerJoinChoice the customer's choice on the join page, if any
   * @param phoneCallNote      what the agent noted on "Call the customer back", if they phoned
   */
  public record Facts(String noShowDecision, String customerJoinChoice, String phoneCallNote) {
  }

  private final Meetings meetings;
  private final SessionService sessions;
  private final HelpDesk helpDesk;

  ClosingWithoutCall(Meetings meetings, SessionService sessions, HelpDesk helpDesk) {
    this.meetings = meetings;
    this.sessions = sessions;
    this.helpDesk = helpDesk;
  }

  /** @return the session's outcome; empty when the customer declined (the session is DECLINED) */
  public Optional<CallOutcome> close(UUID sessionId, Facts facts, String author) {
    Optional<CallOutcome> outcome = CallOutcomes.withoutVideoCall(facts.noShowDecision(), facts.customerJoinChoice(),
        facts.phoneCallNote() != null && !facts.phoneCallNote().isBlank());
    meetings.endMeeting(sessionId);
    VideoSession session = sessions.get(sessionId);
    helpDesk.addNote(session.ticketId(), sessionId, author, note(facts, outcome));
    if (outcome.isPresent()) {
      sessions.recordClosedWithoutCall(sessionId, outcome.get().name());
    } else {
      sessions.changeState(sessionId, SessionState.DECLINED);
    }
    return outcome;
  }

  static String note(Facts facts, Optional<CallOutcome> outcome) {
    if (outcome.isEmpty()) {
      return "No video call: the customer declined it on the join page. The session is closed.";
    }
    boolean noShow = facts.noShowDecision() != null
        && !NoShowDecision.RESCHEDULE.name().equals(facts.noShowDecision());
    String why = noShow ? "the customer did not join" : "the customer asked for a phone call on the join page";
    StringBuilder note = new StringBuilder("No video call (outcome ").append(outcome.get()).append("): ").append(why);
    if (NoShowDecision.TEXT.name().equals(facts.noShowDecision())) {
      note.append("; support goes on by text on this ticket.");
    } else if (NoShowDecision.CLOSE.name().equals(facts.noShowDecision())) {
      note.append(" and was not reachable; closed as unreachable.");
    } else {
      note.append("; the agent called back by phone.");
    }
    if (facts.phoneCallNote() != null && !facts.phoneCallNote().isBlank()) {
      note.append("\n\nPhone call:\n").append(facts.phoneCallNote().strip());
    }
    return note.toString();
  }
}
