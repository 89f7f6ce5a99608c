package io.videocallsupport.session;

import static io.videocallsupport.session.SessionVariables.AGENT_ID;
import static io.videocallsupport.session.SessionVariables.AGENT_JOIN_URL;
import static io.videocallsupport.session.SessionVariables.BUSINESS_HOURS;
import static io.videocallsupport.session.SessionVariables.CALLBACK_PHONE;
import static io.videocallsupport.session.SessionVariables.CALL_ACTION;
import static io.videocallsupport.session.SessionVariables.CALL_DROP_RETRIES;
import static io.videocallsupport.session.SessionVariables.CALL_MODE;
import static io.videocallsupport.session.SessionVariables.CALL_OUTCOME;
import static io.videocallsupport.session.SessionVariables.CALL_STARTS_AT;
import static io.videocallsupport.session.SessionVariables.CALL_SUMMARY;
import static io.videocallsupport.session.SessionVariables.CALL_TIMING;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_EMAIL;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_JOIN_CHOICE;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_LOCAL_TIME;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_MOBILE;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_TIME_ZONE;
import static io.videocallsupport.session.SessionVariables.ESCALATED_REASON;
import static io.videocallsupport.session.SessionVariables.ESCALATED_TO;
import static io.videocallsupport.session.SessionVariables.ESCALATING_AGENT;
import static io.videocallsupport.session.SessionVariables.ESCALATION_INVITEE;
import static io.videocallsupport.session.SessionVariables.ESCALATION_REASON;
import static io.videocallsupport.session.SessionVariables.FALLBACK_CHANNEL;
import static io.videocallsupport.session.SessionVariables.HAS_CAMERA;
import static io.videocallsupport.session.SessionVariables.INVITE_ROUND;
import static io.videocallsupport.session.SessionVariables.LINK_MESSAGE;
import static io.videocallsupport.session.SessionVariables.NO_SHOW_DECISION;
import static io.videocallsupport.session.SessionVariables.NO_SHOW_RETRIES;
import static io.videocallsupport.session.SessionVariables.PARTICIPANT_COUNT;
import static io.videocallsupport.session.SessionVariables.PHONE_CALL_NOTE;
import static io.videocallsupport.session.SessionVariables.RECORDING_ACTIVE;
import static io.videocallsupport.session.SessionVariables.REMINDER_AT;
import static io.videocallsupport.session.SessionVariables.RETRY_COUNTER;
import static io.videocallsupport.session.SessionVariables.SCHEDULED;
import static io.videocallsupport.session.SessionVariables.SCHEDULED_START;
import static io.videocallsupport.session.SessionVariables.SESSION_ID;
import static io.videocallsupport.session.SessionVariables.SESSION_INITIATOR;
import static io.videocallsupport.session.SessionVariables.TICKET_ID;
import static io.videocallsupport.session.SessionVariables.TICKET_NOTE;
import static io.videocallsupport.session.SessionVariables.TRANSCRIPT_DRAFT;

import io.videocallsupport.call.CallOutcomes;
import io.videocallsupport.call.EscalationInvitation;
import io.videocallsupport.session.SessionValues.CallMode;
import io.videocallsupport.session.SessionValues.CallTiming;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the delegates and task listeners of video-support-session. Each sets the
 * variables the real one sets (its contract with the process) and records what it was asked to
 * do, so that tests can check the outside world was told the right things.
 */
final class SessionTestDoubles {

  static final String INVALID_MOBILE = "The mobile number +1 555 0100 cannot receive SMS";
  static final Duration REMINDER_LEAD_TIME = Duration.ofMinutes(15);

  /** How many of the next invitations fail because of invalid contact details. */
  int invalidContactDetailsToReport;
  /** The transcript the video platform has for the call, if it made one. */
  String platformTranscript;

  final List<String> ticketNotes = new ArrayList<>();
  final List<String> sessionsClosedAs = new ArrayList<>();
  final List<String> callsStarted = new ArrayList<>();
  final List<Integer> invitationRounds = new ArrayList<>();
  final List<String> contactDetailsTaskEvents = new ArrayList<>();
  final List<String> retryCountersIncremented = new ArrayList<>();
  final List<String> linkMessagesSent = new ArrayList<>();
  final List<String> recordingConsentTaskEvents = new ArrayList<>();
  final List<String> offerTaskEvents = new ArrayList<>();
  final List<String> customerContextShownOn = new ArrayList<>();
  final List<String> remindersSent = new ArrayList<>();
  final List<String> summariesSaved = new ArrayList<>();
  final List<String> followUpsSent = new ArrayList<>();
  final List<String> surveysRequested = new ArrayList<>();
  final List<String> transcriptDrafts = new ArrayList<>();
  final List<String> sessionsTakenBy = new ArrayList<>();
  /** Sessions closed without a video call, as "outcome" or DECLINED, with the phone call note if any. */
  final List<String> closedWithoutVideoCall = new ArrayList<>();
  /** The number "Call the customer back" shows, as the session record would give it. */
  String callbackPhone = "+1 415 555 0100";

  void register() {
    Mocks.register("registerSessionDelegate", (JavaDelegate) this::registerSession);
    Mocks.register("ticketNoteDelegate", (JavaDelegate) this::noteOnTicket);
    Mocks.register("offerVideoCallListener", (TaskListener) t -> offerTaskEvents.add(t.getEventName()));
    Mocks.register("prepareSessionListener", (TaskListener) this::prepareSession);
    Mocks.register("customerContextListener", (TaskListener) t -> customerContextShownOn.add(t.getTaskDefinitionKey()));
    Mocks.register("createMeetingDelegate", (JavaDelegate) e ->
        AGENT_JOIN_URL.on(e).set("https://video.example.test/host/" + SESSION_ID.from(e).get()));
    Mocks.register("sendInvitationDelegate", (JavaDelegate) this::sendInvitation);
    Mocks.register("contactDetailsTaskListener", (TaskListener) t -> contactDetailsTaskEvents.add(t.getEventName()));
    Mocks.register("sendReminderDelegate", (JavaDelegate) e -> remindersSent.add(SESSION_ID.from(e).get()));
    Mocks.register("resendJoinLinkDelegate", (JavaDelegate) this::resendJoinLink);
    Mocks.register("callStartedListener", (ExecutionListener) e -> callsStarted.add(SESSION_ID.from(e).get()));
    Mocks.register("recordingConsentListener", (TaskListener) t -> recordingConsentTaskEvents.add(t.getEventName()));
    Mocks.register("consentNoticeListener", (TaskListener) t -> { });
    Mocks.register("startRecordingDelegate", (JavaDelegate) e -> RECORDING_ACTIVE.on(e).set(true));
    Mocks.register("stopRecordingDelegate", (JavaDelegate) e -> RECORDING_ACTIVE.on(e).set(false));
    Mocks.register("inviteSpecialistDelegate", (JavaDelegate) this::inviteSpecialist);
    Mocks.register("escalationInviteesListener", (TaskListener) t -> { });
    Mocks.register("escalationInvitation", new EscalationInvitation());
    Mocks.register("endCallDelegate", (JavaDelegate) this::endCall);
    Mocks.register("draftSummaryFromTranscriptDelegate", (JavaDelegate) this::draftSummaryFromTranscript);
    Mocks.register("saveSummaryDelegate", (JavaDelegate) e -> summariesSaved.add(CALL_SUMMARY.from(e).get()));
    Mocks.register("sendFollowUpEmailDelegate", (JavaDelegate) e -> followUpsSent.add(SESSION_ID.from(e).get()));
    Mocks.register("requestSurveyDelegate", (JavaDelegate) this::requestSurvey);
    Mocks.register("closeWithoutVideoCallDelegate", (JavaDelegate) this::closeWithoutVideoCall);
    Mocks.register("callCustomerBackListener", (TaskListener) t -> CALLBACK_PHONE.on(t).setLocal(callbackPhone));
    Mocks.register("sessionTaskAccess", new SessionTaskAccess());
    Mocks.register("sessionAgentListener", (TaskListener) this::takeSession);
  }

  /** As the real listener: whoever is assigned an agent task becomes the session's agent. */
  private void takeSession(DelegateTask task) {
    if (task.getAssignee() != null && !task.getAssignee().equals(AGENT_ID.from(task).getOrNull())) {
      AGENT_ID.on(task.getExecution().getProcessInstance()).set(task.getAssignee());
      sessionsTakenBy.add(task.getAssignee());
    }
  }

  /** As the real delegate: keeps the escalation for the invitee's task and counts the new participant. */
  private void inviteSpecialist(DelegateExecution execution) {
    ESCALATED_TO.on(execution).set(EscalationInvitation.normalise(ESCALATION_INVITEE.from(execution).getOrNull()));
    ESCALATED_REASON.on(execution).set(ESCALATION_REASON.from(execution).getOrDefault("no reason given"));
    ESCALATING_AGENT.on(execution).set(AGENT_ID.from(execution).getOrNull());
    PARTICIPANT_COUNT.on(execution).update(count -> count + 1);
  }

  private void registerSession(DelegateExecution execution) {
    String ticketId = TICKET_ID.from(execution).get();
    SESSION_ID.on(execution).set("session-" + ticketId);
    // The agent who started the session in Tasklist owns its tasks; without one they go to the group
    execution.setVariable(AGENT_ID.getName(), SESSION_INITIATOR.from(execution).getOrNull());
    boolean hasCamera = HAS_CAMERA.from(execution).getOrDefault(true);
    CALL_MODE.on(execution).set((hasCamera ? CallMode.VIDEO : CallMode.SCREEN_SHARE_ONLY).name());
    PARTICIPANT_COUNT.on(execution).set(2);
    NO_SHOW_RETRIES.on(execution).set(0);
    CALL_DROP_RETRIES.on(execution).set(0);
    INVITE_ROUND.on(execution).set(0);
    RECORDING_ACTIVE.on(execution).set(false);
    CUSTOMER_EMAIL.on(execution).remove();
    CUSTOMER_MOBILE.on(execution).remove();
  }

  private void prepareSession(DelegateTask task) {
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
      CUSTOMER_LOCAL_TIME.on(task).setLocal("10:15");
      BUSINESS_HOURS.on(task).setLocal("09:00-17:00");
    } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
      boolean scheduled = CallTiming.SCHEDULED.name().equals(CALL_TIMING.from(task).get());
      Date startsAt = scheduled
          ? Date.from(LocalDateTime.parse(SCHEDULED_START.from(task).get())
              .atZone(ZoneId.of(CUSTOMER_TIME_ZONE.from(task).get())).toInstant())
          : null;
      DelegateExecution execution = task.getExecution();
      SCHEDULED.on(execution).set(scheduled);
      CALL_STARTS_AT.on(execution).set(startsAt);
      REMINDER_AT.on(execution).set(scheduled ? Date.from(startsAt.toInstant().minus(REMINDER_LEAD_TIME)) : null);
      INVITE_ROUND.on(execution).update(round -> round + 1);
    }
  }

  private void sendInvitation(DelegateExecution execution) {
    if (invalidContactDetailsToReport > 0) {
      invalidContactDetailsToReport--;
      throw new BpmnError(VideoSupportSession.Errors.INVALID_CONTACT_DETAILS, INVALID_MOBILE);
    }
    invitationRounds.add(INVITE_ROUND.from(execution).get());
  }

  private void noteOnTicket(DelegateExecution execution) {
    ticketNotes.add(TICKET_NOTE.from(execution).get());
    TicketNoteDelegate.CLOSE_SESSION_AS.from(execution).getOptional().ifPresent(sessionsClosedAs::add);
  }

  private void resendJoinLink(DelegateExecution execution) {
    String counter = RETRY_COUNTER.from(execution).getLocal();
    Integer count = (Integer) execution.getVariable(counter);
    execution.getProcessInstance().setVariable(counter, count + 1);
    retryCountersIncremented.add(counter);
    linkMessagesSent.add(LINK_MESSAGE.from(execution).getLocal());
  }

  private void endCall(DelegateExecution execution) {
    String outcome = CallOutcomes.decide(CALL_ACTION.from(execution).getOrNull(),
        CALL_OUTCOME.from(execution).getOrNull(), FALLBACK_CHANNEL.from(execution).getOrNull(),
        NO_SHOW_DECISION.from(execution).getOrNull()).name();
    CALL_OUTCOME.on(execution).set(outcome);
    if (platformTranscript != null) {
      TRANSCRIPT_DRAFT.on(execution).set(platformTranscript);
    }
  }

  private void closeWithoutVideoCall(DelegateExecution execution) {
    String note = PHONE_CALL_NOTE.from(execution).getOrNull();
    String outcome = CallOutcomes.withoutVideoCall(NO_SHOW_DECISION.from(execution).getOrNull(),
            CUSTOMER_JOIN_CHOICE.from(execution).getOrNull(), note != null)
        .map(Enum::name).orElse(SessionState.DECLINED.name());
    if (!outcome.equals(SessionState.DECLINED.name())) {
      CALL_OUTCOME.on(execution).set(outcome);
    }
    closedWithoutVideoCall.add(note == null ? outcome : outcome + ": " + note);
  }

  private void draftSummaryFromTranscript(DelegateExecution execution) {
    transcriptDrafts.add(SESSION_ID.from(execution).get());
    if (platformTranscript != null) {
      TRANSCRIPT_DRAFT.on(execution).set(platformTranscript);
    }
  }

  private void requestSurvey(DelegateExecution execution) {
    String sessionId = SESSION_ID.from(execution).get();
    execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(VideoSupportSession.Messages.SURVEY_REQUESTED)
        .processInstanceBusinessKey(execution.getProcessBusinessKey())
        .setVariable(SESSION_ID.getName(), sessionId)
        .setVariable(TICKET_ID.getName(), TICKET_ID.from(execution).get())
        .correlateStartMessage();
    surveysRequested.add(sessionId);
  }
}
