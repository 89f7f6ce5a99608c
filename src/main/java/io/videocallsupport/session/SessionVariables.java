package io.videocallsupport.session;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.dateVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import java.util.Date;

/**
 * Every variable of the video-support-session process, with its type. Forms use the same names
 * as field keys; gateways and decision tables read them by name. Contact details (email, mobile)
 * only pass through on the start and on "Fix contact details": they live in the session record.
 */
public final class SessionVariables {

  // Start of a session (start form or POST /api/sessions)
  public static final VariableFactory<String> TICKET_ID = stringVariable("ticketId");
  public static final VariableFactory<String> TICKET_SUBJECT = stringVariable("ticketSubject");
  public static final VariableFactory<String> CUSTOMER_NAME = stringVariable("customerName");
  public static final VariableFactory<String> CUSTOMER_EMAIL = stringVariable("customerEmail");
  public static final VariableFactory<String> CUSTOMER_MOBILE = stringVariable("customerMobile");
  public static final VariableFactory<String> CUSTOMER_TIME_ZONE = stringVariable("customerTimeZone");
  public static final VariableFactory<String> CUSTOMER_LOCALE = stringVariable("customerLocale");
  public static final VariableFactory<String> JURISDICTION_COUNTRY = stringVariable("jurisdictionCountry");
  public static final VariableFactory<String> JURISDICTION_REGION = stringVariable("jurisdictionRegion");
  public static final VariableFactory<String> ISSUE_CATEGORY = stringVariable("issueCategory");
  public static final VariableFactory<Integer> TEXT_EXCHANGE_COUNT = intVariable("textExchangeCount");
  public static final VariableFactory<String> CUSTOMER_TIER = stringVariable("customerTier");
  public static final VariableFactory<Boolean> DECLINED_VIDEO_BEFORE = booleanVariable("declinedVideoBefore");
  public static final VariableFactory<Boolean> HAS_CAMERA = booleanVariable("hasCamera");
  /**
   * Set by a start from the help desk: the ticket's email or phone is missing or unusable, and the
   * agent fixes it on "Fix contact details" before the invitation goes out, instead of the start failing.
   */
  public static final VariableFactory<Boolean> CONTACT_DETAILS_TO_FIX = booleanVariable("contactDetailsToFix");
  public static final VariableFactory<Boolean> CUSTOMER_ASKED_FOR_VIDEO = booleanVariable("customerAskedForVideo");
  /** Set by the engine to the user who started the session in Tasklist. */
  public static final VariableFactory<String> SESSION_INITIATOR = stringVariable("sessionInitiator");

  // Customer context from the help desk and earlier sessions (task-local on Offer, Prepare and Conduct)
  public static final VariableFactory<String> CONTEXT_TIER = stringVariable("contextTier");
  public static final VariableFactory<String> CONTEXT_ORGANISATION = stringVariable("contextOrganisation");
  public static final VariableFactory<String> CONTEXT_TICKET_ACTIVITY = stringVariable("contextTicketActivity");
  public static final VariableFactory<String> CONTEXT_EARLIER_SESSIONS = stringVariable("contextEarlierSessions");

  // Register session
  public static final VariableFactory<String> SESSION_ID = stringVariable("sessionId");
  /** The agent who owns the session's tasks; null leaves them to the agents group. */
  public static final VariableFactory<String> AGENT_ID = stringVariable("agentId");
  public static final VariableFactory<String> CALL_MODE = stringVariable("callMode");
  /** The configured video platform, e.g. "manual"; forms show the meeting-link field only for "manual". */
  public static final VariableFactory<String> VIDEO_PLATFORM = stringVariable("videoPlatform");
  public static final VariableFactory<Integer> PARTICIPANT_COUNT = intVariable("participantCount");
  public static final VariableFactory<Integer> NO_SHOW_RETRIES = intVariable("noShowRetries");
  public static final VariableFactory<Integer> CALL_DROP_RETRIES = intVariable("callDropRetries");
  public static final VariableFactory<Integer> INVITE_ROUND = intVariable("inviteRound");

  // Eligibility (decisions/video-eligibility.dmn)
  public static final VariableFactory<String> OFFER_MODE = stringVariable("offerMode");
  public static final VariableFactory<String> OFFER_REASON = stringVariable("offerReason");

  // Offer video call
  public static final VariableFactory<Boolean> CUSTOMER_ACCEPTED_VIDEO = booleanVariable("customerAcceptedVideo");
  public static final VariableFactory<String> DECLINE_REASON = stringVariable("declineReason");

  // Prepare video session
  public static final VariableFactory<String> CALL_TIMING = stringVariable("callTiming");
  /** Local date and time in the customer's time zone, as the form's date-time field gives it. */
  public static final VariableFactory<String> SCHEDULED_START = stringVariable("scheduledStart");
  public static final VariableFactory<Integer> EXPECTED_DURATION_MINUTES = intVariable("expectedDurationMinutes");
  public static final VariableFactory<String> CUSTOMER_PREPARATION = stringVariable("customerPreparation");
  /** The meeting link an agent pastes when the platform is "manual". */
  public static final VariableFactory<String> MEETING_LINK = stringVariable("meetingLink");
  public static final VariableFactory<Boolean> AGENT_DEVICES_CHECKED = booleanVariable("agentDevicesChecked");
  public static final VariableFactory<String> CUSTOMER_LOCAL_TIME = stringVariable("customerLocalTime");
  public static final VariableFactory<String> BUSINESS_HOURS = stringVariable("businessHours");
  /** Set when "Prepare" opens: a call now would fall outside the customer's business hours. */
  public static final VariableFactory<Boolean> CUSTOMER_OUTSIDE_HOURS = booleanVariable("customerOutsideHours");
  /** The agent confirms a call now outside business hours (the customer asked for it); checked on completion. */
  public static final VariableFactory<Boolean> CALL_NOW_OUTSIDE_HOURS = booleanVariable("callNowOutsideHours");
  public static final VariableFactory<Boolean> SCHEDULED = booleanVariable("scheduled");
  public static final VariableFactory<Date> REMINDER_AT = dateVariable("reminderAt");
  public static final VariableFactory<Date> CALL_STARTS_AT = dateVariable("callStartsAt");

  // Meeting and invitation
  public static final VariableFactory<String> AGENT_JOIN_URL = stringVariable("agentJoinUrl");
  /** The session's staff page, where the agent gets a fresh join link for the customer to copy or read out. */
  public static final VariableFactory<String> SESSION_PAGE_URL = stringVariable("sessionPageUrl");
  public static final VariableFactory<String> CONTACT_PROBLEM = stringVariable("contactProblem");
  /** Name of the counter a "re-send link" task increments: noShowRetries or callDropRetries. */
  public static final VariableFactory<String> RETRY_COUNTER = stringVariable("retryCounter");
  /** Which link message a "re-send link" task sends: JOIN_LINK_RESENT or REJOIN_LINK. */
  public static final VariableFactory<String> LINK_MESSAGE = stringVariable("linkMessage");

  // Wait for customer, no-show
  public static final VariableFactory<String> CUSTOMER_PRESENCE = stringVariable("customerPresence");
  public static final VariableFactory<String> NO_SHOW_DECISION = stringVariable("noShowDecision");
  /** What the customer chose on the join page (VIDEO, AUDIO_ONLY, SCREEN_SHARE_ONLY, PHONE, DECLINE). */
  public static final VariableFactory<String> CUSTOMER_JOIN_CHOICE = stringVariable("customerJoinChoice");
  /**
   * "Call the customer back": the number to call, a task-local copy of what the session record holds
   * (the number the customer gave on the join page, else their mobile); never a process variable.
   */
  public static final VariableFactory<String> CALLBACK_PHONE = stringVariable("callbackPhone");
  /** What the agent did on the phone instead of the video call; it goes on the ticket. */
  public static final VariableFactory<String> PHONE_CALL_NOTE = stringVariable("phoneCallNote");

  // Recording (decisions/recording-policy.dmn and consent)
  public static final VariableFactory<String> CONSENT_RULE = stringVariable("consentRule");
  public static final VariableFactory<Boolean> RECORDING_ALLOWED = booleanVariable("recordingAllowed");
  public static final VariableFactory<Integer> RETENTION_DAYS = intVariable("retentionDays");
  public static final VariableFactory<Boolean> RECORDING_CONSENT = booleanVariable("recordingConsent");
  public static final VariableFactory<Boolean> SENSITIVE_DATA_ON_SCREEN = booleanVariable("sensitiveDataOnScreen");
  public static final VariableFactory<String> CONSENT_NOTICE_VERSION = stringVariable("consentNoticeVersion");
  /** Task-local on "Ask for recording consent": the notice in the customer's language, to read out. */
  public static final VariableFactory<String> CONSENT_NOTICE_CUSTOMER = stringVariable("consentNoticeCustomer");
  /** Task-local: the same notice in the agent's language; absent when the customer's language is the same. */
  public static final VariableFactory<String> CONSENT_NOTICE_AGENT = stringVariable("consentNoticeAgent");
  public static final VariableFactory<Boolean> RECORDING_ACTIVE = booleanVariable("recordingActive");

  // Conduct video call
  public static final VariableFactory<String> CALL_ACTION = stringVariable("callAction");
  public static final VariableFactory<String> CALL_OUTCOME = stringVariable("callOutcome");
  public static final VariableFactory<Boolean> ESCALATION_CONSENT = booleanVariable("escalationConsent");
  public static final VariableFactory<String> ESCALATION_REASON = stringVariable("escalationReason");
  public static final VariableFactory<String> MISUSE_REASON = stringVariable("misuseReason");
  /**
   * Whom the agent invites: {@code group:team-leads} (anyone of the team leads, the default) or
   * {@code user:<id>} of one team lead or specialist. The form offers the choices of
   * {@code escalationInvitees}, which the "Conduct video call" task gets when it opens.
   */
  public static final VariableFactory<String> ESCALATION_INVITEE = stringVariable("escalationInvitee");
  /**
   * The last escalation, set by "Invite specialist" and never cleared by the next "Conduct video
   * call" (which clears what the agent entered): the invitee's task copies them when it opens.
   */
  public static final VariableFactory<String> ESCALATED_REASON = stringVariable("escalatedReason");
  public static final VariableFactory<String> ESCALATED_TO = stringVariable("escalatedTo");
  /** The agent who escalated, by name: shown on the invitee's task. */
  public static final VariableFactory<String> ESCALATING_AGENT = stringVariable("escalatingAgent");
  public static final VariableFactory<String> FALLBACK_CHANNEL = stringVariable("fallbackChannel");
  public static final VariableFactory<String> BREAK_SUGGESTION = stringVariable("breakSuggestion");
  public static final VariableFactory<Boolean> SPECIALIST_INTRODUCED = booleanVariable("specialistIntroduced");
  public static final VariableFactory<String> SPECIALIST_NOTES = stringVariable("specialistNotes");

  // Summary
  /**
   * The beginning of the call's transcript, where the platform made one: the agent's starting point
   * for the summary. The whole text is in the application's table ({@code Transcripts}); this holds at
   * most an excerpt and a note saying where the rest is.
   */
  public static final VariableFactory<String> TRANSCRIPT_DRAFT = stringVariable("transcriptDraft");
  public static final VariableFactory<String> CALL_SUMMARY = stringVariable("callSummary");
  public static final VariableFactory<String> STEPS_TAKEN = stringVariable("stepsTaken");
  public static final VariableFactory<String> USEFUL_LINKS = stringVariable("usefulLinks");
  public static final VariableFactory<String> FOLLOW_UP_ACTIONS = stringVariable("followUpActions");

  // Ticket notes (input parameter of "Note on ticket" tasks)
  public static final VariableFactory<String> TICKET_NOTE = stringVariable("ticketNote");

  private SessionVariables() {
  }
}
