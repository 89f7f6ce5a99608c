package io.videocallsupport.session;

import static io.holunda.camunda.bpm.data.CamundaBpmData.builder;
import static io.videocallsupport.session.SessionVariables.AGENT_DEVICES_CHECKED;
import static io.videocallsupport.session.SessionVariables.BREAK_SUGGESTION;
import static io.videocallsupport.session.SessionVariables.BUSINESS_HOURS;
import static io.videocallsupport.session.SessionVariables.CALLBACK_PHONE;
import static io.videocallsupport.session.SessionVariables.CALL_ACTION;
import static io.videocallsupport.session.SessionVariables.CALL_DROP_RETRIES;
import static io.videocallsupport.session.SessionVariables.CALL_MODE;
import static io.videocallsupport.session.SessionVariables.CALL_OUTCOME;
import static io.videocallsupport.session.SessionVariables.CALL_SUMMARY;
import static io.videocallsupport.session.SessionVariables.CALL_TIMING;
import static io.videocallsupport.session.SessionVariables.CONSENT_RULE;
import static io.videocallsupport.session.SessionVariables.CONTACT_PROBLEM;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_ACCEPTED_VIDEO;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_ASKED_FOR_VIDEO;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_EMAIL;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_JOIN_CHOICE;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_LOCALE;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_LOCAL_TIME;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_MOBILE;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_NAME;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_PRESENCE;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_TIER;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_TIME_ZONE;
import static io.videocallsupport.session.SessionVariables.DECLINED_VIDEO_BEFORE;
import static io.videocallsupport.session.SessionVariables.DECLINE_REASON;
import static io.videocallsupport.session.SessionVariables.ESCALATION_CONSENT;
import static io.videocallsupport.session.SessionVariables.ESCALATION_REASON;
import static io.videocallsupport.session.SessionVariables.ESCALATING_AGENT;
import static io.videocallsupport.session.SessionVariables.ESCALATION_INVITEE;
import static io.videocallsupport.session.SessionVariables.EXPECTED_DURATION_MINUTES;
import static io.videocallsupport.session.SessionVariables.FALLBACK_CHANNEL;
import static io.videocallsupport.session.SessionVariables.HAS_CAMERA;
import static io.videocallsupport.session.SessionVariables.ISSUE_CATEGORY;
import static io.videocallsupport.session.SessionVariables.JURISDICTION_COUNTRY;
import static io.videocallsupport.session.SessionVariables.JURISDICTION_REGION;
import static io.videocallsupport.session.SessionVariables.MISUSE_REASON;
import static io.videocallsupport.session.SessionVariables.NO_SHOW_DECISION;
import static io.videocallsupport.session.SessionVariables.NO_SHOW_RETRIES;
import static io.videocallsupport.session.SessionVariables.OFFER_MODE;
import static io.videocallsupport.session.SessionVariables.OFFER_REASON;
import static io.videocallsupport.session.SessionVariables.PARTICIPANT_COUNT;
import static io.videocallsupport.session.SessionVariables.PHONE_CALL_NOTE;
import static io.videocallsupport.session.SessionVariables.RECORDING_ACTIVE;
import static io.videocallsupport.session.SessionVariables.RECORDING_ALLOWED;
import static io.videocallsupport.session.SessionVariables.RECORDING_CONSENT;
import static io.videocallsupport.session.SessionVariables.RETENTION_DAYS;
import static io.videocallsupport.session.SessionVariables.SCHEDULED_START;
import static io.videocallsupport.session.SessionVariables.SENSITIVE_DATA_ON_SCREEN;
import static io.videocallsupport.session.SessionVariables.SESSION_ID;
import static io.videocallsupport.session.SessionVariables.SESSION_INITIATOR;
import static io.videocallsupport.session.SessionVariables.SPECIALIST_INTRODUCED;
import static io.videocallsupport.session.SessionVariables.STEPS_TAKEN;
import static io.videocallsupport.session.SessionVariables.TEXT_EXCHANGE_COUNT;
import static io.videocallsupport.session.SessionVariables.TICKET_ID;
import static io.videocallsupport.session.SessionVariables.TICKET_SUBJECT;
import static io.videocallsupport.session.SessionVariables.TRANSCRIPT_DRAFT;
import static io.videocallsupport.session.VideoSupportSession.Elements.ACKNOWLEDGE_JOIN_PAGE_DECLINE;
import static io.videocallsupport.session.VideoSupportSession.Elements.ASK_RECORDING_CONSENT;
import static io.videocallsupport.session.VideoSupportSession.Elements.CALL_CUSTOMER_BACK;
import static io.videocallsupport.session.VideoSupportSession.Elements.CALL_DROPPED;
import static io.videocallsupport.session.VideoSupportSession.Elements.CALL_ENDED;
import static io.videocallsupport.session.VideoSupportSession.Elements.CALL_RUNNING_45_MINUTES;
import static io.videocallsupport.session.VideoSupportSession.Elements.CALL_START_TIME;
import static io.videocallsupport.session.VideoSupportSession.Elements.CHOOSE_FALLBACK;
import static io.videocallsupport.session.VideoSupportSession.Elements.CLOSE_WITHOUT_VIDEO_CALL;
import static io.videocallsupport.session.VideoSupportSession.Elements.CONDUCT_VIDEO_CALL;
import static io.videocallsupport.session.VideoSupportSession.Elements.CREATE_MEETING;
import static io.videocallsupport.session.VideoSupportSession.Elements.CUSTOMER_ASKED_FOR_PHONE_CALL;
import static io.videocallsupport.session.VideoSupportSession.Elements.CUSTOMER_DECLINED_ON_JOIN_PAGE;
import static io.videocallsupport.session.VideoSupportSession.Elements.CUSTOMER_JOINED;
import static io.videocallsupport.session.VideoSupportSession.Elements.DECIDE_ELIGIBILITY;
import static io.videocallsupport.session.VideoSupportSession.Elements.DECIDE_RECORDING_POLICY;
import static io.videocallsupport.session.VideoSupportSession.Elements.DRAFT_SUMMARY_FROM_TRANSCRIPT;
import static io.videocallsupport.session.VideoSupportSession.Elements.END_CALL;
import static io.videocallsupport.session.VideoSupportSession.Elements.END_CLOSED_WITHOUT_VIDEO_CALL;
import static io.videocallsupport.session.VideoSupportSession.Elements.END_NO_VIDEO;
import static io.videocallsupport.session.VideoSupportSession.Elements.END_SESSION_COMPLETED;
import static io.videocallsupport.session.VideoSupportSession.Elements.END_VIDEO_DECLINED;
import static io.videocallsupport.session.VideoSupportSession.Elements.EXPLAIN_NO_VIDEO;
import static io.videocallsupport.session.VideoSupportSession.Elements.FIX_CONTACT_DETAILS;
import static io.videocallsupport.session.VideoSupportSession.Elements.HANDLE_NO_SHOW;
import static io.videocallsupport.session.VideoSupportSession.Elements.INVALID_CONTACT_DETAILS;
import static io.videocallsupport.session.VideoSupportSession.Elements.INVITE_SPECIALIST;
import static io.videocallsupport.session.VideoSupportSession.Elements.JOIN_ESCALATED_CALL;
import static io.videocallsupport.session.VideoSupportSession.Elements.NOTE_NO_VIDEO;
import static io.videocallsupport.session.VideoSupportSession.Elements.NOTE_VIDEO_DECLINED;
import static io.videocallsupport.session.VideoSupportSession.Elements.NO_SHOW_TIMEOUT;
import static io.videocallsupport.session.VideoSupportSession.Elements.OFFER_VIDEO_CALL;
import static io.videocallsupport.session.VideoSupportSession.Elements.PREPARE_SESSION;
import static io.videocallsupport.session.VideoSupportSession.Elements.RECORD_CALL_OUTCOME;
import static io.videocallsupport.session.VideoSupportSession.Elements.REGISTER_SESSION;
import static io.videocallsupport.session.VideoSupportSession.Elements.REMINDER_DUE;
import static io.videocallsupport.session.VideoSupportSession.Elements.RESEND_JOIN_LINK;
import static io.videocallsupport.session.VideoSupportSession.Elements.SAVE_SUMMARY_TO_TICKET;
import static io.videocallsupport.session.VideoSupportSession.Elements.SEND_FOLLOW_UP_EMAIL;
import static io.videocallsupport.session.VideoSupportSession.Elements.SEND_INVITATION;
import static io.videocallsupport.session.VideoSupportSession.Elements.SEND_REJOIN_LINK;
import static io.videocallsupport.session.VideoSupportSession.Elements.SEND_REMINDER;
import static io.videocallsupport.session.VideoSupportSession.Elements.START_RECORDING;
import static io.videocallsupport.session.VideoSupportSession.Elements.START_SESSION_REQUESTED;
import static io.videocallsupport.session.VideoSupportSession.Elements.STOP_RECORDING;
import static io.videocallsupport.session.VideoSupportSession.Elements.SUGGEST_BREAK;
import static io.videocallsupport.session.VideoSupportSession.Elements.SURVEY_REQUESTED;
import static io.videocallsupport.session.VideoSupportSession.Elements.TRANSCRIPT_READY;
import static io.videocallsupport.session.VideoSupportSession.Elements.VIDEO_CALL;
import static io.videocallsupport.session.VideoSupportSession.Elements.WAIT_FOR_CUSTOMER;
import static io.videocallsupport.session.VideoSupportSession.Elements.WRITE_SUMMARY;
import static io.videocallsupport.testing.EngineTestSupport.assertCamundaForm;
import static io.videocallsupport.testing.EngineTestSupport.engineWithFullCoverage;
import static io.videocallsupport.testing.EngineTestSupport.executeJobAt;
import static io.videocallsupport.testing.EngineTestSupport.fireTimerAt;
import static io.videocallsupport.testing.EngineTestSupport.jobAt;
import static io.videocallsupport.testing.EngineTestSupport.userTaskAt;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processDefinitionQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import io.holunda.camunda.bpm.data.factory.VariableFactory;
import io.videocallsupport.call.PlatformEvents;
import io.videocallsupport.csat.CsatSurvey;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.session.SessionValues.BreakSuggestion;
import io.videocallsupport.session.SessionValues.CallAction;
import io.videocallsupport.session.SessionValues.CallMode;
import io.videocallsupport.session.SessionValues.CallOutcome;
import io.videocallsupport.session.SessionValues.CallTiming;
import io.videocallsupport.session.SessionValues.ConsentRule;
import io.videocallsupport.session.SessionValues.CustomerPresence;
import io.videocallsupport.session.SessionValues.CustomerTier;
import io.videocallsupport.session.SessionValues.FallbackChannel;
import io.videocallsupport.session.SessionValues.IssueCategory;
import io.videocallsupport.session.SessionValues.NoShowDecision;
import io.videocallsupport.session.SessionValues.OfferMode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Walks every path of video-support-session on an in-memory engine with the real BPMN and decision
 * tables and stand-ins for the delegates. csat-survey is deployed too, so that "Survey requested"
 * really starts a survey; its own paths are covered by CsatSurveyProcessTest.
 */
@Deployment(resources = {
    "processes/video-support-session.bpmn",
    "processes/csat-survey.bpmn",
    "decisions/video-eligibility.dmn",
    "decisions/recording-policy.dmn"})
class VideoSupportSessionProcessTest {

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = engineWithFullCoverage()
      .excludeProcessDefinitionKeys(CsatSurvey.PROCESS_KEY)
      .build();

  private static final String TICKET = "HD-4711";
  private static final String SESSION = "session-" + TICKET;
  private static final String AGENT = "agent-7";
  private static final String AGENTS = "agents";
  private static final String TEAM_LEADS = "team-leads";
  private static final String CUSTOMER_ZONE = "America/Los_Angeles";

  // Element ids the constants class does not declare (the code never refers to them)
  private static final String END_CALL_COMPLETED = "EndEvent_CallCompleted";
  private static final String END_CALL_ENDED_ON_PLATFORM = "EndEvent_CallEndedOnPlatform";
  private static final String END_FALLBACK_CHOSEN = "EndEvent_FallbackChosen";
  private static final String END_CALL_ENDED_FOR_MISUSE = "EndEvent_CallEndedForMisuse";
  private static final String END_SPECIALIST_JOINED = "EndEvent_SpecialistJoined";
  private static final String END_BREAK_SUGGESTED = "EndEvent_BreakSuggested";
  private static final String END_SUMMARY_DRAFTED = "EndEvent_SummaryDrafted";

  private final SessionTestDoubles doubles = new SessionTestDoubles();

  /** What the agent enters on the start form; tests change it before they start the session. */
  private VariableMap request;
  private ProcessInstance session;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(ENGINE.getProcessEngine());
    doubles.register();
    request = builder()
        .set(TICKET_ID, TICKET)
        .set(TICKET_SUBJECT, "Printer driver will not install")
        .set(CUSTOMER_NAME, "Dana Customer")
        .set(CUSTOMER_EMAIL, "dana@example.test")
        .set(CUSTOMER_MOBILE, "+1 415 555 0100")
        .set(CUSTOMER_TIME_ZONE, CUSTOMER_ZONE)
        .set(CUSTOMER_LOCALE, "en-US")
        .set(JURISDICTION_COUNTRY, "US")
        .set(JURISDICTION_REGION, "CA")
        .set(ISSUE_CATEGORY, IssueCategory.VISUAL_DEBUGGING.name())
        .set(TEXT_EXCHANGE_COUNT, 2)
        .set(CUSTOMER_TIER, CustomerTier.STANDARD.name())
        .set(DECLINED_VIDEO_BEFORE, false)
        .set(HAS_CAMERA, true)
        .set(CUSTOMER_ASKED_FOR_VIDEO, true)
        .build();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
    identityService().clearAuthentication();
    BpmnAwareTests.reset();
  }

  @Test
  void sessionNeedingNoVideoIsNotedOnTheTicket() {
    request.putValue(CUSTOMER_ASKED_FOR_VIDEO.getName(), false);
    request.putValue(ISSUE_CATEGORY.getName(), IssueCategory.SIMPLE_QUERY.name());

    startSession(AGENT);
    assertThat(session).isWaitingAt(NOTE_NO_VIDEO);
    Assertions.assertThat(value(OFFER_MODE)).isEqualTo(OfferMode.NO_VIDEO.name());
    executeJobAt(session, NOTE_NO_VIDEO);

    Task explain = agentTask(EXPLAIN_NO_VIDEO, "video-not-offered");
    Assertions.assertThat(taskService().getVariable(explain.getId(), OFFER_REASON.getName()))
        .as("the reason the form shows").isEqualTo("Simple query: text is faster");
    complete(explain);

    assertThat(session)
        .hasPassedInOrder(
            START_SESSION_REQUESTED, REGISTER_SESSION, DECIDE_ELIGIBILITY, NOTE_NO_VIDEO, EXPLAIN_NO_VIDEO, END_NO_VIDEO)
        .hasNotPassed(OFFER_VIDEO_CALL)
        .isEnded();
    Assertions.assertThat(doubles.ticketNotes).singleElement().asString().startsWith("No video session: ");
    Assertions.assertThat(doubles.sessionsClosedAs).containsExactly(SessionState.NO_VIDEO.name());
  }

  @Test
  void startFormIsTheCamundaFormAndRegisteringKeepsNoContactDetailsInTheProcess() {
    String definitionId = processDefinitionQuery()
        .processDefinitionKey(VideoSupportSession.PROCESS_KEY).latestVersion().singleResult().getId();
    assertCamundaForm(formService().getStartFormData(definitionId).getCamundaFormRef(),
        START_SESSION_REQUESTED, "start-video-session");

    startSession(AGENT);

    assertThat(session).hasBusinessKey(TICKET).isWaitingAt(OFFER_VIDEO_CALL);
    assertThat(session).variables()
        .containsEntry(SESSION_ID.getName(), SESSION)
        .containsEntry(SESSION_INITIATOR.getName(), AGENT)
        .containsEntry(CALL_MODE.getName(), CallMode.VIDEO.name())
        .containsEntry(PARTICIPANT_COUNT.getName(), 2)
        .containsEntry(OFFER_MODE.getName(), OfferMode.AUTO_OFFER.name())
        .doesNotContainKeys(CUSTOMER_EMAIL.getName(), CUSTOMER_MOBILE.getName());
  }

  @Test
  void declinedVideoIsNotedOnTheTicketAndTasksWithoutOwnerGoToTheAgentsGroup() {
    startSession(null);

    Task offer = userTaskAt(session, OFFER_VIDEO_CALL);
    assertThat(offer).isNotAssigned().hasCandidateGroup(AGENTS);
    assertCamundaForm(offer, "offer-video-call");
    complete(offer, builder()
        .set(CUSTOMER_ACCEPTED_VIDEO, false)
        .set(DECLINE_REASON, "No camera at hand")
        .build());
    executeJobAt(session, NOTE_VIDEO_DECLINED);

    assertThat(session)
        .hasPassedInOrder(OFFER_VIDEO_CALL, NOTE_VIDEO_DECLINED, END_VIDEO_DECLINED)
        .hasNotPassed(PREPARE_SESSION)
        .isEnded();
    Assertions.assertThat(doubles.ticketNotes).containsExactly("Customer declined the video call: No camera at hand");
    Assertions.assertThat(doubles.sessionsClosedAs).containsExactly(SessionState.DECLINED.name());
  }

  @Test
  void anAgentWhoClaimsATaskOfASessionWithoutAgentTakesTheSession() {
    startSession(null);
    Task offer = userTaskAt(session, OFFER_VIDEO_CALL);

    taskService().claim(offer.getId(), AGENT);
    complete(offer, builder().set(CUSTOMER_ACCEPTED_VIDEO, true).build());

    Assertions.assertThat(doubles.sessionsTakenBy).containsExactly(AGENT);
    agentTask(PREPARE_SESSION, "prepare-session");
  }

  @Test
  void scheduledCallGetsAReminderAndStartsAtTheAgreedTime() {
    acceptVideo();
    Task prepare = agentTask(PREPARE_SESSION, "prepare-session");
    Assertions.assertThat(taskService().getVariablesLocal(prepare.getId()))
        .containsKeys(CUSTOMER_LOCAL_TIME.getName(), BUSINESS_HOURS.getName());
    complete(prepare, builder()
        .set(CALL_TIMING, CallTiming.SCHEDULED.name())
        .set(SCHEDULED_START, "2030-03-12T10:30")
        .set(EXPECTED_DURATION_MINUTES, 10)
        .set(AGENT_DEVICES_CHECKED, true)
        .build());
    inviteCustomer();

    Date startsAt = Date.from(LocalDateTime.parse("2030-03-12T10:30").atZone(ZoneId.of(CUSTOMER_ZONE)).toInstant());
    assertThat(session).isWaitingAt(REMINDER_DUE);
    fireTimerAt(session, REMINDER_DUE, Date.from(startsAt.toInstant().minus(Duration.ofMinutes(15))));
    executeJobAt(session, SEND_REMINDER);
    assertThat(session).isWaitingAt(CALL_START_TIME);
    fireTimerAt(session, CALL_START_TIME, startsAt);

    assertThat(session)
        .hasPassedInOrder(
            PREPARE_SESSION, CREATE_MEETING, SEND_INVITATION, REMINDER_DUE, SEND_REMINDER, CALL_START_TIME)
        .isWaitingAt(WAIT_FOR_CUSTOMER);
    Assertions.assertThat(doubles.remindersSent).containsExactly(SESSION);
  }

  @Test
  void invalidContactDetailsAreFixedByTheAgentAndTheInvitationGoesOutAgain() {
    doubles.invalidContactDetailsToReport = 1;
    acceptVideo();
    prepareCallNow();
    executeJobAt(session, CREATE_MEETING);
    executeJobAt(session, SEND_INVITATION);

    Task fix = agentTask(FIX_CONTACT_DETAILS, "fix-contact-details");
    Assertions.assertThat(value(CONTACT_PROBLEM)).isEqualTo(SessionTestDoubles.INVALID_MOBILE);
    complete(fix, builder().set(CUSTOMER_MOBILE, "+1 415 555 0199").build());
    executeJobAt(session, SEND_INVITATION);

    assertThat(session)
        .hasPassedInOrder(SEND_INVITATION, INVALID_CONTACT_DETAILS, FIX_CONTACT_DETAILS, SEND_INVITATION)
        .isWaitingAt(WAIT_FOR_CUSTOMER);
    Assertions.assertThat(doubles.invitationRounds).containsExactly(1);
    Assertions.assertThat(doubles.contactDetailsTaskEvents).containsExactly("create", "complete");
  }

  @Test
  void customerJoiningOnThePlatformStartsTheCall() {
    waitForCustomer();

    correlate(PlatformEvents.CUSTOMER_JOINED);

    assertThat(session)
        .hasPassedInOrder(WAIT_FOR_CUSTOMER, DECIDE_RECORDING_POLICY)
        .hasPassed(CUSTOMER_JOINED)
        .isWaitingAt(ASK_RECORDING_CONSENT);
    Assertions.assertThat(doubles.callsStarted).containsExactly(SESSION);
  }

  @Test
  void agentReportingTheCustomerJoinedStartsTheCall() {
    waitForCustomer();

    complete(agentTask(WAIT_FOR_CUSTOMER, "wait-for-customer"),
        builder().set(CUSTOMER_PRESENCE, CustomerPresence.JOINED.name()).build());

    assertThat(session)
        .hasPassedInOrder(WAIT_FOR_CUSTOMER, DECIDE_RECORDING_POLICY)
        .hasNotPassed(CUSTOMER_JOINED, RESEND_JOIN_LINK)
        .isWaitingAt(ASK_RECORDING_CONSENT);
  }

  @Test
  void customerMissingTwiceGetsTheLinkOnceMoreAndCanBeRescheduled() {
    waitForCustomer();

    customerDoesNotShowTwice();
    Assertions.assertThat(doubles.retryCountersIncremented).containsExactly(NO_SHOW_RETRIES.getName());
    Assertions.assertThat(doubles.linkMessagesSent).containsExactly(MessagePurpose.JOIN_LINK_RESENT.name());
    Assertions.assertThat(value(NO_SHOW_RETRIES)).isEqualTo(1);
    // A "call me instead" the customer chose after the wait is shown on the no-show task; rescheduling
    // (agreed with the customer) sets it aside, so that the next wait does not act on it again.
    CUSTOMER_JOIN_CHOICE.on(runtimeService(), session.getId()).set("PHONE");
    complete(agentTask(HANDLE_NO_SHOW, "handle-no-show"),
        builder().set(NO_SHOW_DECISION, NoShowDecision.RESCHEDULE.name()).build());

    assertThat(session).isWaitingAt(PREPARE_SESSION);
    Assertions.assertThat(runtimeService().getVariable(session.getId(), CUSTOMER_JOIN_CHOICE.getName())).isNull();
    prepareCallNow();
    inviteCustomer();
    assertThat(session)
        .hasPassedInOrder(WAIT_FOR_CUSTOMER, NO_SHOW_TIMEOUT, RESEND_JOIN_LINK, WAIT_FOR_CUSTOMER, HANDLE_NO_SHOW,
            PREPARE_SESSION, CREATE_MEETING, SEND_INVITATION)
        .isWaitingAt(WAIT_FOR_CUSTOMER);
    Assertions.assertThat(doubles.invitationRounds).containsExactly(1, 2);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"TEXT, FALLBACK_USED", "CLOSE, NO_SHOW"})
  void customerMissingTwiceFallsBackToTextOrIsClosedWithoutVideoFollowUp(NoShowDecision decision,
                                                                          CallOutcome outcome) {
    waitForCustomer();
    customerDoesNotShowTwice();

    complete(agentTask(HANDLE_NO_SHOW, "handle-no-show"), builder().set(NO_SHOW_DECISION, decision.name()).build());
    executeJobAt(session, CLOSE_WITHOUT_VIDEO_CALL);

    assertThat(session).hasPassedInOrder(HANDLE_NO_SHOW, CLOSE_WITHOUT_VIDEO_CALL, END_CLOSED_WITHOUT_VIDEO_CALL)
        .isEnded();
    assertNoVideoCallFollowUp();
    Assertions.assertThat(historicValue(CALL_OUTCOME)).isEqualTo(outcome.name());
    Assertions.assertThat(doubles.closedWithoutVideoCall).containsExactly(outcome.name());
  }

  @Test
  void customerMissingTwiceIsCalledBackByPhoneWithoutVideoFollowUp() {
    waitForCustomer();
    customerDoesNotShowTwice();

    complete(agentTask(HANDLE_NO_SHOW, "handle-no-show"),
        builder().set(NO_SHOW_DECISION, NoShowDecision.PHONE.name()).build());
    callCustomerBack("Reached her on the phone, driver reinstalled");

    assertThat(session).hasPassedInOrder(HANDLE_NO_SHOW, CALL_CUSTOMER_BACK, CLOSE_WITHOUT_VIDEO_CALL,
        END_CLOSED_WITHOUT_VIDEO_CALL).isEnded();
    assertNoVideoCallFollowUp();
    Assertions.assertThat(historicValue(CALL_OUTCOME)).isEqualTo(CallOutcome.FALLBACK_USED.name());
    Assertions.assertThat(doubles.closedWithoutVideoCall)
        .containsExactly("FALLBACK_USED: Reached her on the phone, driver reinstalled");
  }

  @Test
  void customerAskingForAPhoneCallOnTheJoinPageEndsTheWaitAndItsReminders() {
    waitForCustomer();

    customerChoosesOnJoinPage("PHONE", VideoSupportSession.Messages.CUSTOMER_ASKED_FOR_PHONE_CALL);

    assertThat(session).hasPassed(CUSTOMER_ASKED_FOR_PHONE_CALL).isWaitingAt(CALL_CUSTOMER_BACK);
    Assertions.assertThat(jobQuery().processInstanceId(session.getId()).activityId(NO_SHOW_TIMEOUT).count())
        .as("no-show timer").isZero();
    callCustomerBack("Called back, solved on the phone");

    assertThat(session).hasPassedInOrder(WAIT_FOR_CUSTOMER, CALL_CUSTOMER_BACK, CLOSE_WITHOUT_VIDEO_CALL)
        .hasNotPassed(NO_SHOW_TIMEOUT, RESEND_JOIN_LINK, HANDLE_NO_SHOW)
        .isEnded();
    assertNoVideoCallFollowUp();
    Assertions.assertThat(doubles.linkMessagesSent).isEmpty();
    Assertions.assertThat(historicValue(CALL_OUTCOME)).isEqualTo(CallOutcome.FALLBACK_USED.name());
  }

  @Test
  void customerDecliningOnTheJoinPageEndsTheWaitAndTheAgentIsTold() {
    waitForCustomer();

    customerChoosesOnJoinPage("DECLINE", VideoSupportSession.Messages.CUSTOMER_DECLINED_ON_JOIN_PAGE);
    complete(agentTask(ACKNOWLEDGE_JOIN_PAGE_DECLINE, "join-page-declined"));
    executeJobAt(session, CLOSE_WITHOUT_VIDEO_CALL);

    assertThat(session)
        .hasPassedInOrder(WAIT_FOR_CUSTOMER, CUSTOMER_DECLINED_ON_JOIN_PAGE, ACKNOWLEDGE_JOIN_PAGE_DECLINE,
            CLOSE_WITHOUT_VIDEO_CALL, END_CLOSED_WITHOUT_VIDEO_CALL)
        .hasNotPassed(NO_SHOW_TIMEOUT)
        .isEnded();
    assertNoVideoCallFollowUp();
    Assertions.assertThat(doubles.closedWithoutVideoCall).containsExactly(SessionState.DECLINED.name());
  }

  @Test
  void aPhoneCallAskedForBeforeTheScheduledStartIsActedOnInsteadOfWaiting() {
    acceptVideo();
    complete(agentTask(PREPARE_SESSION, "prepare-session"), builder()
        .set(CALL_TIMING, CallTiming.SCHEDULED.name())
        .set(SCHEDULED_START, "2030-03-12T10:30")
        .set(EXPECTED_DURATION_MINUTES, 10)
        .set(AGENT_DEVICES_CHECKED, true)
        .build());
    inviteCustomer();
    // The join page records the choice; the process does not wait for the message yet.
    CUSTOMER_JOIN_CHOICE.on(runtimeService(), session.getId()).set("PHONE");

    Date startsAt = Date.from(LocalDateTime.parse("2030-03-12T10:30").atZone(ZoneId.of(CUSTOMER_ZONE)).toInstant());
    fireTimerAt(session, REMINDER_DUE, Date.from(startsAt.toInstant().minus(Duration.ofMinutes(15))));
    executeJobAt(session, SEND_REMINDER);
    fireTimerAt(session, CALL_START_TIME, startsAt);

    assertThat(session).hasNotPassed(WAIT_FOR_CUSTOMER).isWaitingAt(CALL_CUSTOMER_BACK);
  }

  @Test
  void aDeclineBeforeTheInvitationIsSentEndsTheSessionWhenTheWaitWouldBegin() {
    acceptVideo();
    prepareCallNow();
    executeJobAt(session, CREATE_MEETING);
    CUSTOMER_JOIN_CHOICE.on(runtimeService(), session.getId()).set("DECLINE");
    executeJobAt(session, SEND_INVITATION);

    assertThat(session).hasNotPassed(WAIT_FOR_CUSTOMER).isWaitingAt(ACKNOWLEDGE_JOIN_PAGE_DECLINE);
  }

  @Test
  void recordingIsNotOfferedWhereTheJurisdictionIsUnknown() {
    request.putValue(JURISDICTION_COUNTRY.getName(), null);
    request.putValue(JURISDICTION_REGION.getName(), null);
    waitForCustomer();

    correlate(PlatformEvents.CUSTOMER_JOINED);

    assertThat(session).isWaitingAt(CONDUCT_VIDEO_CALL).hasNotPassed(ASK_RECORDING_CONSENT);
    Assertions.assertThat(value(RECORDING_ALLOWED)).isFalse();
  }

  @ParameterizedTest(name = "consent {0}, sensitive data on screen {1}")
  @CsvSource({"false, false", "true, true"})
  void recordingDoesNotStartWithoutConsentOrWithSensitiveDataOnScreen(boolean consent, boolean sensitiveDataOnScreen) {
    waitForCustomer();
    correlate(PlatformEvents.CUSTOMER_JOINED);

    complete(agentTask(ASK_RECORDING_CONSENT, "ask-recording-consent"), builder()
        .set(RECORDING_CONSENT, consent)
        .set(SENSITIVE_DATA_ON_SCREEN, sensitiveDataOnScreen)
        .build());

    assertThat(session).isWaitingAt(CONDUCT_VIDEO_CALL).hasNotPassed(START_RECORDING);
    Assertions.assertThat(doubles.recordingConsentTaskEvents).containsExactly("create", "complete");
  }

  @Test
  void recordingStartsWithConsentAndCanBeStoppedAndAskedForAgain() {
    request.putValue(JURISDICTION_COUNTRY.getName(), "DE");
    request.putValue(JURISDICTION_REGION.getName(), null);
    waitForCustomer();
    correlate(PlatformEvents.CUSTOMER_JOINED);
    Assertions.assertThat(value(CONSENT_RULE)).isEqualTo(ConsentRule.ALL_PARTY.name());
    Assertions.assertThat(value(RETENTION_DAYS)).isEqualTo(90);

    giveRecordingConsent();
    Assertions.assertThat(value(RECORDING_ACTIVE)).isTrue();

    conductCall(builder().set(CALL_ACTION, CallAction.STOP_RECORDING.name()).build());
    executeJobAt(session, STOP_RECORDING);
    Assertions.assertThat(value(RECORDING_ACTIVE)).isFalse();

    conductCall(builder().set(CALL_ACTION, CallAction.ASK_CONSENT.name()).build());
    giveRecordingConsent();
    Assertions.assertThat(value(RECORDING_ACTIVE)).isTrue();

    assertThat(session)
        .hasPassedInOrder(ASK_RECORDING_CONSENT, START_RECORDING, CONDUCT_VIDEO_CALL, STOP_RECORDING,
            CONDUCT_VIDEO_CALL, ASK_RECORDING_CONSENT, START_RECORDING)
        .isWaitingAt(CONDUCT_VIDEO_CALL);
  }

  @Test
  void recordingStopsWhenTheCustomerWithdrawsConsentAndNeverRunsTwice() {
    request.putValue(JURISDICTION_COUNTRY.getName(), "DE");
    waitForCustomer();
    correlate(PlatformEvents.CUSTOMER_JOINED);
    giveRecordingConsent();

    conductCall(builder().set(CALL_ACTION, CallAction.ASK_CONSENT.name()).build());
    complete(agentTask(ASK_RECORDING_CONSENT, "ask-recording-consent"),
        builder().set(RECORDING_CONSENT, true).set(SENSITIVE_DATA_ON_SCREEN, false).build());
    assertThat(session).as("already recording: no second start").isWaitingAt(CONDUCT_VIDEO_CALL);

    conductCall(builder().set(CALL_ACTION, CallAction.ASK_CONSENT.name()).build());
    complete(agentTask(ASK_RECORDING_CONSENT, "ask-recording-consent"),
        builder().set(RECORDING_CONSENT, false).set(SENSITIVE_DATA_ON_SCREEN, false).build());
    executeJobAt(session, STOP_RECORDING);

    Assertions.assertThat(value(RECORDING_ACTIVE)).isFalse();
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(session.getId())
        .activityId(START_RECORDING).count()).isOne();
    assertThat(session).isWaitingAt(CONDUCT_VIDEO_CALL);
  }

  @Test
  void resolvedCallEndsWithSummaryFollowUpAndSurvey() {
    waitForCustomer();
    correlate(PlatformEvents.CUSTOMER_JOINED);
    giveRecordingConsent();

    endCall(CallOutcome.RESOLVED);
    finishSession();

    assertThat(session).hasPassedInOrder(
        START_SESSION_REQUESTED, REGISTER_SESSION, DECIDE_ELIGIBILITY, OFFER_VIDEO_CALL, PREPARE_SESSION,
        CREATE_MEETING, SEND_INVITATION, DECIDE_RECORDING_POLICY, ASK_RECORDING_CONSENT, START_RECORDING,
        CONDUCT_VIDEO_CALL, END_CALL_COMPLETED, END_CALL, WRITE_SUMMARY, SAVE_SUMMARY_TO_TICKET,
        SEND_FOLLOW_UP_EMAIL, SURVEY_REQUESTED, END_SESSION_COMPLETED)
        .hasPassed(CUSTOMER_JOINED, VIDEO_CALL);
    Assertions.assertThat(historicValue(CALL_OUTCOME)).isEqualTo(CallOutcome.RESOLVED.name());
    Assertions.assertThat(doubles.summariesSaved).containsExactly("Reinstalled the driver together");
    Assertions.assertThat(doubles.followUpsSent).containsExactly(SESSION);
    assertSurveyRequested(true);
  }

  @Test
  void droppedCallGetsTwoRejoinLinksAndThenAFallbackChannel() {
    callRunning();

    correlate(PlatformEvents.CALL_DROPPED);
    executeJobAt(session, SEND_REJOIN_LINK);
    conductCall(builder().set(CALL_ACTION, CallAction.CALL_DROPPED.name()).build());
    executeJobAt(session, SEND_REJOIN_LINK);
    Assertions.assertThat(value(CALL_DROP_RETRIES)).isEqualTo(2);
    correlate(PlatformEvents.CALL_DROPPED);

    complete(agentTask(CHOOSE_FALLBACK, "choose-fallback"),
        builder().set(FALLBACK_CHANNEL, FallbackChannel.PHONE.name()).build());
    finishSession();

    assertThat(session).hasPassedInOrder(
        CALL_DROPPED, SEND_REJOIN_LINK, CONDUCT_VIDEO_CALL, SEND_REJOIN_LINK, CALL_DROPPED, CHOOSE_FALLBACK,
        END_FALLBACK_CHOSEN, END_CALL);
    Assertions.assertThat(doubles.retryCountersIncremented)
        .containsExactly(CALL_DROP_RETRIES.getName(), CALL_DROP_RETRIES.getName());
    Assertions.assertThat(doubles.linkMessagesSent)
        .containsExactly(MessagePurpose.REJOIN_LINK.name(), MessagePurpose.REJOIN_LINK.name());
    Assertions.assertThat(historicValue(CALL_OUTCOME)).isEqualTo(CallOutcome.FALLBACK_USED.name());
    assertSurveyRequested(true);
  }

  @Test
  void escalationBringsASpecialistInWhileTheCallGoesOn() {
    callRunning();

    conductCall(builder()
        .set(CALL_ACTION, CallAction.ESCALATE.name())
        .set(ESCALATION_CONSENT, true)
        .set(ESCALATION_REASON, "Needs the print server team")
        .build());

    assertThat(session).isWaitingAt(JOIN_ESCALATED_CALL, CONDUCT_VIDEO_CALL);
    Assertions.assertThat(value(PARTICIPANT_COUNT)).isEqualTo(3);
    Task join = userTaskAt(session, JOIN_ESCALATED_CALL);
    assertThat(join).isNotAssigned().hasCandidateGroup(TEAM_LEADS);
    assertCamundaForm(join, "join-escalated-call");
    // The call goes on: the agent's new "Conduct video call" cleared what the agent entered, but the
    // team lead's task keeps the reason and names the agent.
    Assertions.assertThat(runtimeService().getVariable(session.getId(), ESCALATION_REASON.getName())).isNull();
    Assertions.assertThat(taskService().getVariables(join.getId()))
        .containsEntry(ESCALATION_REASON.getName(), "Needs the print server team")
        .containsEntry(ESCALATING_AGENT.getName(), AGENT)
        .containsEntry(TICKET_ID.getName(), TICKET)
        .containsEntry(CUSTOMER_NAME.getName(), "Dana Customer");
    complete(join, builder().set(SPECIALIST_INTRODUCED, true).build());

    assertThat(session)
        .hasPassedInOrder(INVITE_SPECIALIST, JOIN_ESCALATED_CALL, END_SPECIALIST_JOINED)
        .isWaitingAt(CONDUCT_VIDEO_CALL);
    Assertions.assertThat(value(PARTICIPANT_COUNT)).as("the specialist left the call").isEqualTo(2);
    endCall(CallOutcome.RESOLVED);
    assertThat(session).isWaitingAt(END_CALL);
  }

  @Test
  void theAgentCanInviteOneTeamLeadByName() {
    callRunning();

    conductCall(builder()
        .set(CALL_ACTION, CallAction.ESCALATE.name())
        .set(ESCALATION_CONSENT, true)
        .set(ESCALATION_REASON, "Tom knows this printer")
        .set(ESCALATION_INVITEE, "user:tom")
        .build());

    Task join = userTaskAt(session, JOIN_ESCALATED_CALL);
    assertThat(join).isNotAssigned().hasCandidateUser("tom");
    Assertions.assertThat(taskService().getIdentityLinksForTask(join.getId()))
        .noneMatch(link -> TEAM_LEADS.equals(link.getGroupId()));
    // A second invitation while Tom is still in the call: both count, each task keeps its reason.
    conductCall(builder()
        .set(CALL_ACTION, CallAction.ESCALATE.name())
        .set(ESCALATION_CONSENT, true)
        .set(ESCALATION_REASON, "Needs the network team")
        .build());
    Assertions.assertThat(value(PARTICIPANT_COUNT)).isEqualTo(4);
    Assertions.assertThat(taskService().getVariable(join.getId(), ESCALATION_REASON.getName()))
        .isEqualTo("Tom knows this printer");
    complete(join, builder().set(SPECIALIST_INTRODUCED, true).build());
    Assertions.assertThat(value(PARTICIPANT_COUNT)).isEqualTo(3);
  }

  @Test
  void endingTheCallWithdrawsTheSpecialistInvitationNobodyTookUp() {
    callRunning();
    conductCall(builder().set(CALL_ACTION, CallAction.ESCALATE.name()).set(ESCALATION_CONSENT, true).build());

    endCall(CallOutcome.NEEDS_FOLLOW_UP);

    assertThat(session).isWaitingAt(END_CALL).isNotWaitingAt(JOIN_ESCALATED_CALL).hasNotPassed(END_SPECIALIST_JOINED);
  }

  @ParameterizedTest(name = "consent {0}, {1} in the call")
  @CsvSource({"false, 2", "true, 6"})
  void escalationIsRefusedWithoutConsentOrWhenTheCallIsFull(boolean consent, int participants) {
    callRunning();
    PARTICIPANT_COUNT.on(runtimeService(), session.getId()).set(participants);

    conductCall(builder().set(CALL_ACTION, CallAction.ESCALATE.name()).set(ESCALATION_CONSENT, consent).build());

    assertThat(session).isWaitingAt(CONDUCT_VIDEO_CALL).hasNotPassed(INVITE_SPECIALIST, JOIN_ESCALATED_CALL);
    Assertions.assertThat(value(PARTICIPANT_COUNT)).isEqualTo(participants);
  }

  @Test
  void callEndedOnThePlatformAsksTheAgentForTheOutcome() {
    callRunning();

    correlate(PlatformEvents.CALL_ENDED);
    complete(agentTask(RECORD_CALL_OUTCOME, "record-call-outcome"),
        builder().set(CALL_OUTCOME, CallOutcome.NEEDS_FOLLOW_UP.name()).build());
    finishSession();

    assertThat(session).hasPassedInOrder(CALL_ENDED, RECORD_CALL_OUTCOME, END_CALL_ENDED_ON_PLATFORM, END_CALL);
    Assertions.assertThat(historicValue(CALL_OUTCOME)).isEqualTo(CallOutcome.NEEDS_FOLLOW_UP.name());
    assertSurveyRequested(true);
  }

  @Test
  void misuseEndsTheCallWithoutSurvey() {
    callRunning();

    conductCall(builder()
        .set(CALL_ACTION, CallAction.END_FOR_MISUSE.name())
        .set(MISUSE_REASON, "Abusive language")
        .build());
    finishSession();

    assertThat(session).hasPassedInOrder(CONDUCT_VIDEO_CALL, END_CALL_ENDED_FOR_MISUSE, END_CALL);
    Assertions.assertThat(historicValue(CALL_OUTCOME)).isEqualTo(CallOutcome.ENDED_FOR_MISUSE.name());
    assertSurveyRequested(false);
  }

  @Test
  void agentIsRemindedOnceAfter45MinutesWhileTheCallRuns() {
    callRunning();

    Job reminder = jobAt(session, CALL_RUNNING_45_MINUTES);
    Assertions.assertThat(reminder.getDuedate())
        .isCloseTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(45))), 60_000);
    execute(reminder);
    complete(agentTask(SUGGEST_BREAK, "suggest-break"),
        builder().set(BREAK_SUGGESTION, BreakSuggestion.FOLLOW_UP_CALL.name()).build());

    assertThat(session).hasPassedInOrder(CALL_RUNNING_45_MINUTES, SUGGEST_BREAK, END_BREAK_SUGGESTED)
        .isWaitingAt(CONDUCT_VIDEO_CALL);
    Assertions.assertThat(jobQuery().processInstanceId(session.getId()).activityId(CALL_RUNNING_45_MINUTES).count())
        .isZero();
  }

  @Test
  void transcriptArrivingWhileTheAgentWritesTheSummaryIsDraftedIntoIt() {
    callRunning();
    endCall(CallOutcome.RESOLVED);
    executeJobAt(session, END_CALL);
    assertThat(session).isWaitingAt(WRITE_SUMMARY);

    Assertions.assertThat(taskService().getVariable(userTaskAt(session, WRITE_SUMMARY).getId(),
        TRANSCRIPT_DRAFT.getName())).isNull();

    doubles.platformTranscript = "Agent: please open the printer settings ...";
    correlate(PlatformEvents.TRANSCRIPT_READY);
    executeJobAt(session, DRAFT_SUMMARY_FROM_TRANSCRIPT);

    assertThat(session).hasPassedInOrder(TRANSCRIPT_READY, DRAFT_SUMMARY_FROM_TRANSCRIPT, END_SUMMARY_DRAFTED)
        .isWaitingAt(WRITE_SUMMARY);
    Assertions.assertThat(doubles.transcriptDrafts).containsExactly(SESSION);
    Assertions.assertThat(value(TRANSCRIPT_DRAFT)).isEqualTo(doubles.platformTranscript);
    summariseAndFollowUp();
    assertThat(session).isEnded();
  }

  // --- walking the process -------------------------------------------------------------------

  private void startSession(String agent) {
    identityService().setAuthenticatedUserId(agent);
    try {
      String definitionId = processDefinitionQuery()
          .processDefinitionKey(VideoSupportSession.PROCESS_KEY).latestVersion().singleResult().getId();
      session = formService().submitStartForm(definitionId, TICKET, request);
    } finally {
      identityService().clearAuthentication();
    }
  }

  private void acceptVideo() {
    startSession(AGENT);
    complete(agentTask(OFFER_VIDEO_CALL, "offer-video-call"), builder().set(CUSTOMER_ACCEPTED_VIDEO, true).build());
  }

  private void prepareCallNow() {
    complete(agentTask(PREPARE_SESSION, "prepare-session"), builder()
        .set(CALL_TIMING, CallTiming.NOW.name())
        .set(EXPECTED_DURATION_MINUTES, 15)
        .set(AGENT_DEVICES_CHECKED, true)
        .build());
  }

  private void inviteCustomer() {
    executeJobAt(session, CREATE_MEETING);
    executeJobAt(session, SEND_INVITATION);
  }

  private void waitForCustomer() {
    acceptVideo();
    prepareCallNow();
    inviteCustomer();
    assertThat(session).isWaitingAt(WAIT_FOR_CUSTOMER);
  }

  /** First the 10-minute timer, then the agent: the link is re-sent once in between. */
  private void customerDoesNotShowTwice() {
    Job timeout = jobAt(session, NO_SHOW_TIMEOUT);
    Assertions.assertThat(timeout.getDuedate())
        .isCloseTo(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(10))), 60_000);
    execute(timeout);
    executeJobAt(session, RESEND_JOIN_LINK);
    complete(agentTask(WAIT_FOR_CUSTOMER, "wait-for-customer"),
        builder().set(CUSTOMER_PRESENCE, CustomerPresence.NO_SHOW.name()).build());
    assertThat(session).isWaitingAt(HANDLE_NO_SHOW);
  }

  /** The customer joined and declined recording: the agent is in the call. */
  private void callRunning() {
    waitForCustomer();
    correlate(PlatformEvents.CUSTOMER_JOINED);
    complete(agentTask(ASK_RECORDING_CONSENT, "ask-recording-consent"),
        builder().set(RECORDING_CONSENT, false).set(SENSITIVE_DATA_ON_SCREEN, false).build());
    assertThat(session).isWaitingAt(CONDUCT_VIDEO_CALL);
  }

  private void giveRecordingConsent() {
    complete(agentTask(ASK_RECORDING_CONSENT, "ask-recording-consent"),
        builder().set(RECORDING_CONSENT, true).set(SENSITIVE_DATA_ON_SCREEN, false).build());
    executeJobAt(session, START_RECORDING);
    assertThat(session).isWaitingAt(CONDUCT_VIDEO_CALL);
  }

  private void conductCall(VariableMap outcome) {
    complete(agentTask(CONDUCT_VIDEO_CALL, "conduct-video-call"), outcome);
  }

  private void endCall(CallOutcome outcome) {
    conductCall(builder().set(CALL_ACTION, CallAction.END_CALL.name()).set(CALL_OUTCOME, outcome.name()).build());
  }

  private void finishSession() {
    executeJobAt(session, END_CALL);
    summariseAndFollowUp();
    assertThat(session).hasPassed(END_SESSION_COMPLETED).isEnded();
  }

  private void summariseAndFollowUp() {
    complete(agentTask(WRITE_SUMMARY, "write-summary"), builder()
        .set(CALL_SUMMARY, "Reinstalled the driver together")
        .set(STEPS_TAKEN, "Removed the old driver, installed 4.2")
        .build());
    executeJobAt(session, SAVE_SUMMARY_TO_TICKET);
    executeJobAt(session, SEND_FOLLOW_UP_EMAIL);
  }

  /** As JoinChoiceInboxHandler: the choice is recorded, and correlated only where the process waits for it. */
  private void customerChoosesOnJoinPage(String choice, String message) {
    CUSTOMER_JOIN_CHOICE.on(runtimeService(), session.getId()).set(choice);
    runtimeService().createMessageCorrelation(message).processInstanceId(session.getId()).correlateWithResult();
  }

  private void callCustomerBack(String note) {
    Task callBack = agentTask(CALL_CUSTOMER_BACK, "call-customer-back");
    Assertions.assertThat(taskService().getVariablesLocal(callBack.getId()))
        .containsEntry(CALLBACK_PHONE.getName(), doubles.callbackPhone);
    complete(callBack, builder().set(PHONE_CALL_NOTE, note).build());
    executeJobAt(session, CLOSE_WITHOUT_VIDEO_CALL);
  }

  /** Nothing about a video call that never happened: no summary, no "thanks for the video call", no survey. */
  private void assertNoVideoCallFollowUp() {
    assertThat(session).hasNotPassed(VIDEO_CALL, END_CALL, WRITE_SUMMARY, SEND_FOLLOW_UP_EMAIL);
    Assertions.assertThat(doubles.followUpsSent).isEmpty();
    Assertions.assertThat(doubles.summariesSaved).isEmpty();
    assertSurveyRequested(false);
  }

  private void correlate(String message) {
    runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(TICKET).correlate();
  }

  /** The open task of the session's agent, checked for its owner, form and that no group shares it. */
  private Task agentTask(String activityId, String formId) {
    Task task = userTaskAt(session, activityId);
    assertThat(task).isAssignedTo(AGENT);
    Assertions.assertThat(taskService().getIdentityLinksForTask(task.getId()))
        .as("candidates of %s", activityId).noneMatch(link -> link.getGroupId() != null);
    assertCamundaForm(task, formId);
    return task;
  }

  private void assertSurveyRequested(boolean requested) {
    ProcessInstance survey = processInstanceQuery()
        .processDefinitionKey(CsatSurvey.PROCESS_KEY).processInstanceBusinessKey(TICKET).singleResult();
    if (requested) {
      assertThat(session).hasPassed(SURVEY_REQUESTED);
      Assertions.assertThat(doubles.surveysRequested).containsExactly(SESSION);
      assertThat(survey).isWaitingAt(CsatSurvey.Elements.SEND_SURVEY).variables()
          .containsEntry(CsatSurvey.Variables.SESSION_ID.getName(), SESSION)
          .containsEntry(CsatSurvey.Variables.TICKET_ID.getName(), TICKET);
    } else {
      assertThat(session).hasNotPassed(SURVEY_REQUESTED);
      Assertions.assertThat(doubles.surveysRequested).isEmpty();
      Assertions.assertThat(survey).isNull();
    }
  }

  private <T> T value(VariableFactory<T> variable) {
    return variable.from(runtimeService(), session.getId()).get();
  }

  private Object historicValue(VariableFactory<?> variable) {
    return historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(session.getId()).variableName(variable.getName()).singleResult().getValue();
  }
}
