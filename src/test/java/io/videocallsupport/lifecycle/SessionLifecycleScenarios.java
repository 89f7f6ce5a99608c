package io.videocallsupport.lifecycle;

import static io.videocallsupport.session.VideoSupportSession.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.videocallsupport.call.PlatformEvents;
import io.videocallsupport.csat.CsatSurvey;
import io.videocallsupport.csat.Surveys;
import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.helpdesk.TicketNote;
import io.videocallsupport.inbox.InboxWorker;
import io.videocallsupport.messaging.Channel;
import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.messaging.Outbox;
import io.videocallsupport.messaging.OutboxMessage;
import io.videocallsupport.session.SessionRepository;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.SessionState;
import io.videocallsupport.session.VideoSession;
import io.videocallsupport.support.ProcessDriver;
import io.videocallsupport.support.SentMessages;
import io.videocallsupport.support.Sessions;
import io.videocallsupport.web.JoinChoice;
import io.videocallsupport.web.JoinChoices;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The video-support-session lifecycle with the real delegates, the manual-link platform and the
 * outbox transports, on whatever database the subclass runs. Tasks are completed through the
 * form service, as Tasklist does, after checking that each serves its Camunda Form.
 */
abstract class SessionLifecycleScenarios {

  private static final String MEETING_LINK = "https://meet.example.com/room-42";

  @Autowired ProcessEngine engine;
  @Autowired SessionRepository sessions;
  @Autowired SessionService sessionService;
  @Autowired Outbox outbox;
  @Autowired HelpDesk helpDesk;
  @Autowired Surveys surveys;
  @Autowired SentMessages sent;
  @Autowired JdbcClient jdbc;
  @Autowired JoinChoices joinChoices;
  @Autowired InboxWorker inbox;

  ProcessDriver driver;

  @BeforeEach
  void driver() {
    driver = new ProcessDriver(engine);
  }

  @Test
  void resolvedCallRunsFromStartFormToSurveyAnswer() {
    String ticket = ticket();
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket));
    VideoSession session = sessionOf(pid);
    assertThat(session.customerEmail()).isEqualTo("jo@example.com");
    assertThat(engine.getRuntimeService().getVariables(pid))
        .as("contact details live in the session record only")
        .doesNotContainKeys("customerEmail", "customerMobile")
        .containsEntry("offerMode", "AUTO_OFFER")
        .containsEntry("agentId", "anna");

    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    prepareNow(pid);

    List<OutboxMessage> invitations = messages(session, MessagePurpose.INVITATION);
    assertThat(invitations).extracting(OutboxMessage::channel).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
    assertThat(invitations).as("the join page's link, never the platform's own")
        .allSatisfy(m -> assertThat(m.bodyText()).contains("/join/").doesNotContain(MEETING_LINK));
    assertThat(invitations).filteredOn(m -> m.channel() == Channel.EMAIL).singleElement()
        .satisfies(m -> assertThat(m.recipient()).isEqualTo("jo@example.com"));
    assertThat(sessionOf(pid).state()).isEqualTo(SessionState.INVITED);

    driver.complete(pid, WAIT_FOR_CUSTOMER, Map.of("customerPresence", "JOINED"));
    assertThat(sessionOf(pid).state()).isEqualTo(SessionState.IN_CALL);
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", true, "sensitiveDataOnScreen", false));
    VideoSession inCall = sessionOf(pid);
    assertThat(inCall.consentGiven()).isTrue();
    assertThat(inCall.consentNoticeVersion()).isNotBlank();
    assertThat(inCall.consentRecordedBy()).isEqualTo("anna");
    assertThat(inCall.retentionDays()).isEqualTo(90);

    driver.complete(pid, CONDUCT_VIDEO_CALL, Map.of("callAction", "END_CALL", "callOutcome", "RESOLVED"));
    driver.complete(pid, WRITE_SUMMARY, Map.of("callSummary", "Reset the router to factory settings",
        "stepsTaken", "Factory reset\nNew Wi-Fi password", "usefulLinks", "https://help.example.com/router",
        "followUpActions", "None"));

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(sessionOf(pid).state()).isEqualTo(SessionState.COMPLETED);
    assertThat(sessionOf(pid).callOutcome()).isEqualTo("RESOLVED");
    assertThat(helpDesk.notes(ticket)).extracting(TicketNote::body)
        .anySatisfy(body -> assertThat(body).contains("Reset the router to factory settings").contains("RESOLVED"));
    assertThat(ticketStatus(ticket)).isEqualTo("RESOLVED");
    assertThat(messages(session, MessagePurpose.FOLLOW_UP)).singleElement()
        .satisfies(m -> assertThat(m.bodyText()).contains("Reset the router to factory settings"));

    OutboxMessage survey = messages(session, MessagePurpose.SURVEY).get(0);
    String token = linkToken(sent.text(survey), "survey");
    assertThat(surveys.answer(token, new Surveys.Answer(2, "It took too long", false)))
        .isEqualTo(Surveys.AnswerResult.ACCEPTED);
    ProcessInstance csat = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(CsatSurvey.PROCESS_KEY).processInstanceBusinessKey(ticket).singleResult();
    var review = engine.getTaskService().createTaskQuery().processInstanceId(csat.getId())
        .taskDefinitionKey(CsatSurvey.Elements.REVIEW_FEEDBACK).taskCandidateGroup("team-leads").singleResult();
    // The team lead sees the customer and the agent of the session (task-local, from the session record).
    assertThat(engine.getTaskService().getVariablesLocal(review.getId()))
        .containsEntry("customerName", "Jo Doe").containsEntry("sessionAgent", "Anna Agent");
    assertThat(surveys.answer(token, new Surveys.Answer(5, null, false)))
        .as("a survey is answered once").isNotEqualTo(Surveys.AnswerResult.ACCEPTED);
  }

  @Test
  void scheduledCallIsRemindedAndStartsAtItsSlot() {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket()));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    LocalDateTime slot = LocalDateTime.of(nextBusinessDay(), LocalTime.of(10, 0));
    driver.complete(pid, PREPARE_SESSION, prepare("SCHEDULED", slot.toString()));

    VideoSession session = sessionOf(pid);
    assertThat(session.scheduledStart().toInstant())
        .isEqualTo(slot.atZone(ZoneId.of("Europe/Berlin")).toInstant());
    Job reminder = engine.getManagementService().createJobQuery().processInstanceId(pid).activityId(REMINDER_DUE)
        .singleResult();
    assertThat(reminder.getDuedate().toInstant())
        .isEqualTo(slot.atZone(ZoneId.of("Europe/Berlin")).minusMinutes(15).toInstant());
    assertThat(messages(session, MessagePurpose.INVITATION)).filteredOn(m -> m.channel() == Channel.EMAIL)
        .singleElement().satisfies(m -> assertThat(m.bodyText()).contains("Europe/Berlin"));

    driver.fireTimer(pid, REMINDER_DUE);
    assertThat(messages(session, MessagePurpose.REMINDER)).singleElement()
        .satisfies(m -> assertThat(m.channel()).isEqualTo(Channel.SMS));
    driver.fireTimer(pid, CALL_START_TIME);
    driver.task(pid, WAIT_FOR_CUSTOMER);
  }

  @Test
  void slotOutsideBusinessHoursKeepsThePreparationOpen() {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket()));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    LocalDateTime lateEvening = LocalDateTime.of(nextBusinessDay(), LocalTime.of(21, 0));

    assertThatThrownBy(() -> driver.complete(pid, PREPARE_SESSION, prepare("SCHEDULED", lateEvening.toString())))
        .hasMessageContaining("outside business hours");
    driver.task(pid, PREPARE_SESSION);
  }

  @Test
  void invalidEmailBecomesATaskForTheAgentAndTheInvitationFollowsTheFix() {
    // The start refuses an invalid address; one can still reach the record later (a record from before
    // that check, or a correction written by a help desk), and the invitation checks again.
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket()));
    sessionService.updateContactDetails(sessionOf(pid).id(), "jo@localhost", sessionOf(pid).customerMobile());
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    prepareNow(pid);

    var fix = driver.task(pid, FIX_CONTACT_DETAILS);
    assertThat(engine.getTaskService().getVariablesLocal(fix.getId())).containsEntry("customerEmail", "jo@localhost");
    assertThat(engine.getRuntimeService().getVariable(pid, "contactProblem").toString()).contains("jo@localhost");
    assertThat(messages(sessionOf(pid), MessagePurpose.INVITATION)).isEmpty();

    driver.complete(pid, FIX_CONTACT_DETAILS, Map.of("customerEmail", "jo@example.org", "customerMobile", ""));
    assertThat(sessionOf(pid).customerEmail()).isEqualTo("jo@example.org");
    assertThat(messages(sessionOf(pid), MessagePurpose.INVITATION)).singleElement()
        .satisfies(m -> assertThat(m.recipient()).isEqualTo("jo@example.org"));
    assertThat(engine.getRuntimeService().getVariables(pid)).doesNotContainKeys("customerEmail", "customerMobile");
    driver.task(pid, WAIT_FOR_CUSTOMER);
  }

  @Test
  void noShowResendsTheLinkOnceThenTheAgentFallsBackToPhone() {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket()));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    prepareNow(pid);

    driver.fireTimer(pid, NO_SHOW_TIMEOUT);
    assertThat(messages(sessionOf(pid), MessagePurpose.JOIN_LINK_RESENT)).hasSize(2)
        .allSatisfy(m -> assertThat(m.bodyText()).contains("/join/"));
    driver.complete(pid, WAIT_FOR_CUSTOMER, Map.of("customerPresence", "NO_SHOW"));
    driver.complete(pid, HANDLE_NO_SHOW, Map.of("noShowDecision", "PHONE"));

    VideoSession session = sessionOf(pid);
    var callBack = driver.task(pid, CALL_CUSTOMER_BACK);
    assertThat(callBack.getAssignee()).isEqualTo("anna");
    assertThat(engine.getTaskService().getVariablesLocal(callBack.getId()))
        .containsEntry("callbackPhone", session.customerMobile());
    driver.complete(pid, CALL_CUSTOMER_BACK, Map.of("phoneCallNote", "Phoned her, router reset together"));

    assertEndedWithoutVideoFollowUp(pid, session, "FALLBACK_USED");
    assertThat(helpDesk.notes(session.ticketId())).extracting(TicketNote::body)
        .anySatisfy(body -> assertThat(body).contains("FALLBACK_USED").contains("Phoned her, router reset together"));
  }

  @Test
  void callMeInsteadOnTheJoinPageReachesTheAgentAndStopsTheWaitingReminders() {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket()));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    prepareNow(pid);
    VideoSession session = sessionOf(pid);

    joinChoices.record(session.id(), JoinChoice.PHONE, "+49 30 555 1234");
    inbox.processDue();
    driver.runDueJobs();

    var callBack = driver.task(pid, CALL_CUSTOMER_BACK);
    assertThat(engine.getTaskService().getVariablesLocal(callBack.getId()))
        .containsEntry("callbackPhone", "+49 30 555 1234");
    assertThat(engine.getRuntimeService().getVariables(pid)).doesNotContainKey("callbackPhone");
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(pid).activityId(NO_SHOW_TIMEOUT)
        .count()).as("the no-show timer").isZero();
    driver.complete(pid, CALL_CUSTOMER_BACK, Map.of("phoneCallNote", "Solved on the phone"));

    assertEndedWithoutVideoFollowUp(pid, session, "FALLBACK_USED");
    assertThat(messages(session, MessagePurpose.JOIN_LINK_RESENT)).isEmpty();
  }

  @Test
  void callMeInsteadBeforeTheScheduledStartIsKeptAndActedOnAtTheSlot() {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket()));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    driver.complete(pid, PREPARE_SESSION,
        prepare("SCHEDULED", LocalDateTime.of(nextBusinessDay(), LocalTime.of(10, 0)).toString()));
    VideoSession session = sessionOf(pid);

    joinChoices.record(session.id(), JoinChoice.PHONE, "+49 30 555 7777");
    assertThat(inbox.processDue()).isOne();
    assertThat(jdbc.sql("SELECT status FROM inbox_event WHERE dedupe_key = :key")
        .param("key", session.id() + ":PHONE").query(String.class).single())
        .as("handled now, not left to wait for the process").isEqualTo("DONE");

    driver.fireTimer(pid, REMINDER_DUE);
    driver.fireTimer(pid, CALL_START_TIME);
    var callBack = driver.task(pid, CALL_CUSTOMER_BACK);
    assertThat(engine.getTaskService().getVariablesLocal(callBack.getId()))
        .containsEntry("callbackPhone", "+49 30 555 7777");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(pid).taskDefinitionKey(WAIT_FOR_CUSTOMER)
        .count()).isZero();
  }

  @Test
  void declineOnTheJoinPageIsTheAgentsTaskAndClosesTheSession() {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket()));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    prepareNow(pid);
    VideoSession session = sessionOf(pid);

    joinChoices.record(session.id(), JoinChoice.DECLINE, null);
    inbox.processDue();
    driver.runDueJobs();
    driver.complete(pid, ACKNOWLEDGE_JOIN_PAGE_DECLINE, Map.of());

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(sessionOf(pid).state()).isEqualTo(SessionState.DECLINED);
    assertThat(sessionOf(pid).callOutcome()).isNull();
    assertThat(messages(session, MessagePurpose.FOLLOW_UP)).isEmpty();
    assertThat(messages(session, MessagePurpose.SURVEY)).isEmpty();
  }

  /** The session ended without a call: no summary task, no "thanks for the video call", no survey, no held call. */
  private void assertEndedWithoutVideoFollowUp(String pid, VideoSession session, String outcome) {
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid)
        .activityId(WRITE_SUMMARY).count()).isZero();
    VideoSession closed = sessionOf(pid);
    assertThat(closed.state()).isEqualTo(SessionState.COMPLETED);
    assertThat(closed.callOutcome()).isEqualTo(outcome);
    assertThat(closed.customerJoinedAt()).isNull();
    assertThat(closed.callEndedAt()).as("no call ended: nothing counts as held").isNull();
    assertThat(messages(session, MessagePurpose.FOLLOW_UP)).isEmpty();
    assertThat(messages(session, MessagePurpose.SURVEY)).isEmpty();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(CsatSurvey.PROCESS_KEY)
        .processInstanceBusinessKey(session.ticketId()).count()).isZero();
  }

  @Test
  void platformEventsDriveTheCallAndTwoDropsLeadToAFallback() {
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket()));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", true));
    prepareNow(pid);

    driver.correlate(pid, PlatformEvents.CUSTOMER_JOINED, Map.of());
    driver.complete(pid, ASK_RECORDING_CONSENT, Map.of("recordingConsent", false, "sensitiveDataOnScreen", false));
    assertThat(sessionOf(pid).consentGiven()).isFalse();
    driver.correlate(pid, PlatformEvents.CALL_DROPPED, Map.of());
    driver.correlate(pid, PlatformEvents.CALL_DROPPED, Map.of());
    assertThat(messages(sessionOf(pid), MessagePurpose.REJOIN_LINK)).hasSize(4);
    driver.correlate(pid, PlatformEvents.CALL_DROPPED, Map.of());
    driver.complete(pid, CHOOSE_FALLBACK, Map.of("fallbackChannel", "AUDIO_ONLY"));
    assertThat(engine.getRuntimeService().getVariable(pid, "callOutcome")).isEqualTo("FALLBACK_USED");
  }

  @Test
  void declinedOfferClosesTheSessionWithANoteOnTheTicket() {
    String ticket = ticket();
    String pid = Sessions.startAsAgent(engine, Sessions.startForm(ticket));
    driver.complete(pid, OFFER_VIDEO_CALL, Map.of("customerAcceptedVideo", false, "declineReason", "prefers chat"));
    assertThat(sessionOf(pid).state()).isEqualTo(SessionState.DECLINED);
    assertThat(helpDesk.notes(ticket)).extracting(TicketNote::body)
        .containsExactly("Video call offered (AUTO_OFFER): the customer declined.",
            "Customer declined the video call: prefers chat");
  }

  @Test
  void simpleQueryGetsNoVideo() {
    Map<String, Object> form = Sessions.startForm(ticket());
    form.put("issueCategory", "SIMPLE_QUERY");
    String pid = Sessions.startAsAgent(engine, form);
    driver.runDueJobs();
    assertThat(sessionOf(pid).state()).isEqualTo(SessionState.NO_VIDEO);
    assertThat(helpDesk.notes((String) form.get("ticketId"))).extracting(TicketNote::body)
        .singleElement().asString().startsWith("No video session: Simple query");

    var explain = driver.task(pid, EXPLAIN_NO_VIDEO);
    assertThat(explain.getAssignee()).as("the agent who started it is told").isEqualTo("anna");
    assertThat(engine.getTaskService().getVariable(explain.getId(), "offerReason").toString())
        .startsWith("Simple query");
    driver.complete(pid, EXPLAIN_NO_VIDEO, Map.of());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
  }

  private void prepareNow(String pid) {
    driver.complete(pid, PREPARE_SESSION, prepare("NOW", null));
  }

  private static Map<String, Object> prepare(String timing, String scheduledStart) {
    var form = new java.util.HashMap<String, Object>(Map.of("callTiming", timing, "expectedDurationMinutes", 10,
        "customerPreparation", "Your router and its admin password", "callMode", "VIDEO",
        "meetingLink", MEETING_LINK, "agentDevicesChecked", true, "callNowOutsideHours", true));
    if (scheduledStart != null) {
      form.put("scheduledStart", scheduledStart);
    }
    return form;
  }

  private VideoSession sessionOf(String pid) {
    UUID id = UUID.fromString((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pid).variableName("sessionId").singleResult().getValue());
    return sessions.findById(id).orElseThrow();
  }

  private List<OutboxMessage> messages(VideoSession session, MessagePurpose purpose) {
    return outbox.forSession(session.id()).stream().filter(m -> m.purpose() == purpose).toList();
  }

  private String ticketStatus(String ticket) {
    return jdbc.sql("SELECT status FROM ticket WHERE ticket_id = :id").param("id", ticket).query(String.class)
        .single();
  }

  static String linkToken(String text, String page) {
    Matcher matcher = Pattern.compile("/" + page + "/([A-Za-z0-9_-]{40,})").matcher(text);
    assertThat(matcher.find()).as("a /%s/ link in %s", page, text).isTrue();
    return matcher.group(1);
  }

  static LocalDate nextBusinessDay() {
    return TestDates.nextBusinessDay();
  }

  private static String ticket() {
    return "T-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
