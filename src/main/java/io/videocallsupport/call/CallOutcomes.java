package io.videocallsupport.call;

import io.videocallsupport.session.SessionValues.CallAction;
import io.videocallsupport.session.SessionValues.CallOutcome;
import io.videocallsupport.session.SessionValues.NoShowDecision;

/** How a session ended, from the facts the agent's forms recorded. */
public final class CallOutcomes {

  /**
   * @param callAction      the last action on "Conduct video call" (null when the call never took place)
   * @param callOutcome     the outcome the agent chose when ending the call (null when not ended that way)
   * @param fallbackChannel set when the call dropped too often and the agent fell back
   * @param noShowDecision  set when the customer did not show and the agent chose what next
   */
  public static CallOutcome decide(String callAction, String callOutcome, String fallbackChannel,
                                   String noShowDecision) {
    if (fallbackChannel != null) {
      return CallOutcome.FALLBACK_USED;
    }
    if (CallAction.END_FOR_MISUSE.name().equals(callAction)) {
      return CallOutcome.ENDED_FOR_MISUSE;
    }
    if (callOutcome != null) {
      return CallOutcome.valueOf(callOutcome);
    }
    if (NoShowDecision.PHONE.name().equals(noShowDecision) || NoShowDecision.TEXT.name().equals(noShowDecision)) {
      return CallOutcome.FALLBACK_USED;
    }
    return CallOutcome.NO_SHOW;
  }

  /**
   * How a session ends that had no video call. Only the agent's no-show decision or the call-back
   * can be on the way here, so they count first; then the customer's join-page choice. A customer
   * may choose again after a phone call or a decline moved the process, so a latest choice that is
   * neither PHONE nor DECLINE leaves the decline standing. Empty for a decline: the session is
   * declined, it has no call outcome.
   *
   * @param noShowDecision     set when the customer did not show (RESCHEDULE from an earlier round counts not)
   * @param customerJoinChoice what the customer chose last on the join page, if anything
   * @param calledBack         whether the agent noted a call on "Call the customer back"
   */
  public static java.util.Optional<CallOutcome> withoutVideoCall(String noShowDecision, String customerJoinChoice,
                                                                 boolean calledBack) {
    if (NoShowDecision.PHONE.name().equals(noShowDecision) || NoShowDecision.TEXT.name().equals(noShowDecision)) {
      return java.util.Optional.of(CallOutcome.FALLBACK_USED);
    }
    if (NoShowDecision.CLOSE.name().equals(noShowDecision)) {
      return java.util.Optional.of(CallOutcome.NO_SHOW);
    }
    if (calledBack || "PHONE".equals(customerJoinChoice)) {
      return java.util.Optional.of(CallOutcome.FALLBACK_USED);
    }
    return java.util.Optional.empty();
  }

  private CallOutcomes() {
  }
}
