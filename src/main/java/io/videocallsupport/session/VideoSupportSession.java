package io.videocallsupport.session;

/** Key, messages, errors and the element ids the code refers to of {@code processes/video-support-session.bpmn}. */
public final class VideoSupportSession {

  public static final String PROCESS_KEY = "video-support-session";

  public static final class Messages {
    public static final String SURVEY_REQUESTED = "SurveyRequested";
    /** The customer chose "call me instead" on the join page; caught while the agent waits for them. */
    public static final String CUSTOMER_ASKED_FOR_PHONE_CALL = "CustomerAskedForPhoneCall";
    /** The customer declined the video call on the join page; caught while the agent waits for them. */
    public static final String CUSTOMER_DECLINED_ON_JOIN_PAGE = "CustomerDeclinedOnJoinPage";

    private Messages() {
    }
  }

  public static final class Errors {
    public static final String INVALID_CONTACT_DETAILS = "INVALID_CONTACT_DETAILS";

    private Errors() {
    }
  }

  public static final class Elements {
    public static final String START_SESSION_REQUESTED = "StartEvent_SessionRequested";
    public static final String REGISTER_SESSION = "Task_RegisterSession";
    public static final String DECIDE_ELIGIBILITY = "Task_DecideEligibility";
    public static final String NOTE_NO_VIDEO = "Task_NoteNoVideo";
    public static final String EXPLAIN_NO_VIDEO = "Task_ExplainNoVideo";
    public static final String END_NO_VIDEO = "EndEvent_NoVideo";
    public static final String OFFER_VIDEO_CALL = "Task_OfferVideoCall";
    public static final String NOTE_VIDEO_DECLINED = "Task_NoteVideoDeclined";
    public static final String END_VIDEO_DECLINED = "EndEvent_VideoDeclined";
    public static final String PREPARE_SESSION = "Task_PrepareSession";
    public static final String CREATE_MEETING = "Task_CreateMeeting";
    public static final String SEND_INVITATION = "Task_SendInvitation";
    public static final String INVALID_CONTACT_DETAILS = "Event_InvalidContactDetails";
    public static final String FIX_CONTACT_DETAILS = "Task_FixContactDetails";
    public static final String REMINDER_DUE = "Event_ReminderDue";
    public static final String SEND_REMINDER = "Task_SendReminder";
    public static final String CALL_START_TIME = "Event_CallStartTime";
    public static final String WAIT_FOR_CUSTOMER = "Task_WaitForCustomer";
    public static final String CUSTOMER_JOINED = "Event_CustomerJoined";
    public static final String NO_SHOW_TIMEOUT = "Event_NoShowTimeout";
    public static final String RESEND_JOIN_LINK = "Task_ResendJoinLink";
    public static final String HANDLE_NO_SHOW = "Task_HandleNoShow";
    public static final String CUSTOMER_ASKED_FOR_PHONE_CALL = "Event_CustomerAskedForPhoneCall";
    public static final String CUSTOMER_DECLINED_ON_JOIN_PAGE = "Event_CustomerDeclinedOnJoinPage";
    public static final String CALL_CUSTOMER_BACK = "Task_CallCustomerBack";
    public static final String ACKNOWLEDGE_JOIN_PAGE_DECLINE = "Task_AcknowledgeJoinPageDecline";
    public static final String CLOSE_WITHOUT_VIDEO_CALL = "Task_CloseWithoutVideoCall";
    public static final String END_CLOSED_WITHOUT_VIDEO_CALL = "EndEvent_ClosedWithoutVideoCall";
    public static final String VIDEO_CALL = "SubProcess_VideoCall";
    public static final String DECIDE_RECORDING_POLICY = "Task_DecideRecordingPolicy";
    public static final String ASK_RECORDING_CONSENT = "Task_AskRecordingConsent";
    public static final String START_RECORDING = "Task_StartRecording";
    public static final String CONDUCT_VIDEO_CALL = "Task_ConductVideoCall";
    public static final String CALL_DROPPED = "Event_CallDropped";
    public static final String CALL_ENDED = "Event_CallEnded";
    public static final String STOP_RECORDING = "Task_StopRecording";
    public static final String SEND_REJOIN_LINK = "Task_SendRejoinLink";
    public static final String CHOOSE_FALLBACK = "Task_ChooseFallback";
    public static final String INVITE_SPECIALIST = "Task_InviteSpecialist";
    public static final String JOIN_ESCALATED_CALL = "Task_JoinEscalatedCall";
    public static final String RECORD_CALL_OUTCOME = "Task_RecordCallOutcome";
    public static final String CALL_RUNNING_45_MINUTES = "StartEvent_CallRunning45Minutes";
    public static final String SUGGEST_BREAK = "Task_SuggestBreak";
    public static final String END_CALL = "Task_EndCall";
    public static final String WRITE_SUMMARY = "Task_WriteSummary";
    public static final String TRANSCRIPT_READY = "Event_TranscriptReady";
    public static final String DRAFT_SUMMARY_FROM_TRANSCRIPT = "Task_DraftSummaryFromTranscript";
    public static final String SAVE_SUMMARY_TO_TICKET = "Task_SaveSummaryToTicket";
    public static final String SEND_FOLLOW_UP_EMAIL = "Task_SendFollowUpEmail";
    public static final String SURVEY_REQUESTED = "Event_SurveyRequested";
    public static final String END_SESSION_COMPLETED = "EndEvent_SessionCompleted";

    private Elements() {
    }
  }

  private VideoSupportSession() {
  }
}
