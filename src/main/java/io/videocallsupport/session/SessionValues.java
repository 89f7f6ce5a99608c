package io.videocallsupport.session;

/** The values that forms, gateways and decision tables exchange through the session's variables. */
public final class SessionValues {

  public enum OfferMode { AUTO_OFFER, ON_REQUEST, NO_VIDEO }

  public enum CallTiming { NOW, SCHEDULED }

  public enum CallMode { VIDEO, SCREEN_SHARE_ONLY, AUDIO_ONLY }

  public enum CustomerPresence { JOINED, NO_SHOW }

  public enum NoShowDecision { RESCHEDULE, PHONE, TEXT, CLOSE }

  public enum CallAction { END_CALL, CALL_DROPPED, ESCALATE, STOP_RECORDING, ASK_CONSENT, END_FOR_MISUSE }

  public enum CallOutcome { RESOLVED, NEEDS_FOLLOW_UP, NOT_RESOLVED, FALLBACK_USED, ENDED_FOR_MISUSE, NO_SHOW }

  public enum FallbackChannel { AUDIO_ONLY, PHONE, TEXT }

  public enum BreakSuggestion { CONTINUE, BREAK, FOLLOW_UP_CALL }

  public enum IssueCategory {
    SETUP_CONFIGURATION, VISUAL_DEBUGGING, MULTI_STEP_TROUBLESHOOTING, ONBOARDING, ESCALATION,
    SIMPLE_QUERY, BACKEND_INVESTIGATION, BILLING, OTHER
  }

  public enum CustomerTier { STANDARD, VIP, ENTERPRISE }

  public enum ConsentRule { ALL_PARTY, ONE_PARTY }

  private SessionValues() {
  }
}
