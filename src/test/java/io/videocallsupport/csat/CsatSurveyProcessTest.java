package io.videocallsupport.csat;

import static io.holunda.camunda.bpm.data.CamundaBpmData.builder;
import static io.videocallsupport.csat.CsatSurvey.Elements.AWAIT_SURVEY_ANSWER;
import static io.videocallsupport.csat.CsatSurvey.Elements.CLOSE_SURVEY;
import static io.videocallsupport.csat.CsatSurvey.Elements.DECIDE_FOLLOW_UP;
import static io.videocallsupport.csat.CsatSurvey.Elements.END_FEEDBACK_RECORDED;
import static io.videocallsupport.csat.CsatSurvey.Elements.END_FEEDBACK_REVIEWED;
import static io.videocallsupport.csat.CsatSurvey.Elements.END_SURVEY_UNANSWERED;
import static io.videocallsupport.csat.CsatSurvey.Elements.REVIEW_FEEDBACK;
import static io.videocallsupport.csat.CsatSurvey.Elements.SEND_SURVEY;
import static io.videocallsupport.csat.CsatSurvey.Elements.SEND_SURVEY_REMINDER;
import static io.videocallsupport.csat.CsatSurvey.Elements.SURVEY_EXPIRED;
import static io.videocallsupport.csat.CsatSurvey.Elements.SURVEY_REMINDER_DUE;
import static io.videocallsupport.csat.CsatSurvey.Variables.COMMENT_GIVEN;
import static io.videocallsupport.csat.CsatSurvey.Variables.COMPLAINT;
import static io.videocallsupport.csat.CsatSurvey.Variables.CSAT_COMMENT;
import static io.videocallsupport.csat.CsatSurvey.Variables.CSAT_SCORE;
import static io.videocallsupport.csat.CsatSurvey.Variables.REVIEW_ACTION;
import static io.videocallsupport.csat.CsatSurvey.Variables.REVIEW_NEEDED;
import static io.videocallsupport.csat.CsatSurvey.Variables.REVIEW_NOTES;
import static io.videocallsupport.csat.CsatSurvey.Variables.SESSION_ID;
import static io.videocallsupport.csat.CsatSurvey.Variables.TICKET_ID;
import static io.videocallsupport.testing.EngineTestSupport.assertCamundaForm;
import static io.videocallsupport.testing.EngineTestSupport.engineWithFullCoverage;
import static io.videocallsupport.testing.EngineTestSupport.executeJobAt;
import static io.videocallsupport.testing.EngineTestSupport.jobAt;
import static io.videocallsupport.testing.EngineTestSupport.userTaskAt;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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

/** Walks every path of csat-survey with the real BPMN and decision table and stand-in delegates. */
@Deployment(resources = {"processes/csat-survey.bpmn", "decisions/csat-follow-up.dmn"})
class CsatSurveyProcessTest {

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = engineWithFullCoverage().build();

  private static final String TICKET = "HD-4711";
  private static final String SESSION = "session-" + TICKET;
  private static final String TEAM_LEADS = "team-leads";
  /** Not declared in CsatSurvey.Elements. */
  private static final String END_REMINDER_SENT = "EndEvent_ReminderSent";
  /** Timers are checked against a fixed clock; every step moves it on a little so history keeps its order. */
  private static final Instant SURVEY_SENT_AT = Instant.parse("2030-03-12T18:00:00Z");

  private final List<String> surveysSent = new ArrayList<>();
  private final List<String> remindersSent = new ArrayList<>();
  private final List<String> surveysClosed = new ArrayList<>();
  private final List<String> reviewTasksOpened = new ArrayList<>();
  private ProcessInstance survey;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(ENGINE.getProcessEngine());
    Mocks.register("sendSurveyDelegate", (JavaDelegate) e -> surveysSent.add(SESSION_ID.from(e).get()));
    Mocks.register("sendSurveyReminderDelegate", (JavaDelegate) e -> remindersSent.add(SESSION_ID.from(e).get()));
    Mocks.register("reviewFeedbackListener", (TaskListener) t -> reviewTasksOpened.add(t.getId()));
    Mocks.register("closeSurveyDelegate", (JavaDelegate) e -> surveysClosed.add(SESSION_ID.from(e).get()));
    ClockUtil.setCurrentTime(Date.from(SURVEY_SENT_AT));
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void goodScoreIsRecordedWithoutReview() {
    surveySent();

    answer(builder().set(CSAT_SCORE, 5).set(COMPLAINT, false).set(COMMENT_GIVEN, false).build());

    assertThat(survey)
        .hasPassedInOrder(SEND_SURVEY, AWAIT_SURVEY_ANSWER, DECIDE_FOLLOW_UP, END_FEEDBACK_RECORDED)
        .hasNotPassed(REVIEW_FEEDBACK, SEND_SURVEY_REMINDER)
        .isEnded();
    Assertions.assertThat(historicValue(REVIEW_NEEDED.getName())).isEqualTo(false);
    Assertions.assertThat(surveysSent).containsExactly(SESSION);
  }

  @ParameterizedTest(name = "score {0}, complaint {1}, comment {2}")
  @CsvSource({"4, true, true", "2, false, false", "3, false, true"})
  void complaintsLowScoresAndCommentedAverageScoresAreReviewedByATeamLead(int score, boolean complaint,
      boolean commentGiven) {
    surveySent();

    answer(builder()
        .set(CSAT_SCORE, score)
        .set(COMPLAINT, complaint)
        .set(COMMENT_GIVEN, commentGiven)
        .set(CSAT_COMMENT, commentGiven ? "The agent could not see my screen" : null)
        .build());

    Task review = userTaskAt(survey, REVIEW_FEEDBACK);
    assertThat(review).isNotAssigned().hasCandidateGroup(TEAM_LEADS);
    assertCamundaForm(review, "review-feedback");
    Assertions.assertThat(reviewTasksOpened).as("customer and agent looked up for the review").containsExactly(review.getId());
    complete(review, builder().set(REVIEW_ACTION, "CALL_CUSTOMER").set(REVIEW_NOTES, "Called back").build());

    assertThat(survey)
        .hasPassedInOrder(AWAIT_SURVEY_ANSWER, DECIDE_FOLLOW_UP, REVIEW_FEEDBACK, END_FEEDBACK_REVIEWED)
        .isEnded();
    Assertions.assertThat(historicValue(REVIEW_NEEDED.getName())).isEqualTo(true);
  }

  @Test
  void customerIsRemindedAfterTwoDaysAndCanStillAnswer() {
    surveySent();

    fireTimerAfter(SURVEY_REMINDER_DUE, Duration.ofDays(2));
    executeJobAt(survey, SEND_SURVEY_REMINDER);
    assertThat(survey).hasPassedInOrder(SURVEY_REMINDER_DUE, SEND_SURVEY_REMINDER, END_REMINDER_SENT)
        .isWaitingAt(AWAIT_SURVEY_ANSWER);
    answer(builder().set(CSAT_SCORE, 4).set(COMPLAINT, false).set(COMMENT_GIVEN, false).build());

    assertThat(survey).hasPassed(END_FEEDBACK_RECORDED).hasNotPassed(SURVEY_EXPIRED).isEnded();
    Assertions.assertThat(remindersSent).containsExactly(SESSION);
  }

  @Test
  void unansweredSurveyIsClosedAfterSevenDaysWithOneReminderBefore() {
    surveySent();

    fireTimerAfter(SURVEY_REMINDER_DUE, Duration.ofDays(2));
    executeJobAt(survey, SEND_SURVEY_REMINDER);
    fireTimerAfter(SURVEY_EXPIRED, Duration.ofDays(7));

    assertThat(survey)
        .hasPassedInOrder(SEND_SURVEY_REMINDER, SURVEY_EXPIRED, CLOSE_SURVEY, END_SURVEY_UNANSWERED)
        .hasNotPassed(DECIDE_FOLLOW_UP)
        .isEnded();
    Assertions.assertThat(remindersSent).containsExactly(SESSION);
    Assertions.assertThat(surveysClosed).containsExactly(SESSION);
  }

  private void surveySent() {
    survey = runtimeService().createMessageCorrelation(CsatSurvey.Messages.SURVEY_REQUESTED)
        .processInstanceBusinessKey(TICKET)
        .setVariable(SESSION_ID.getName(), SESSION)
        .setVariable(TICKET_ID.getName(), TICKET)
        .correlateStartMessage();
    executeJobAt(survey, SEND_SURVEY);
    tick();
    assertThat(survey).isWaitingAt(AWAIT_SURVEY_ANSWER);
  }

  private void answer(VariableMap answer) {
    runtimeService().createMessageCorrelation(CsatSurvey.Messages.SURVEY_ANSWERED)
        .processInstanceId(survey.getId())
        .setVariables(answer)
        .correlate();
  }

  /** Fires the timer that the survey set up when it started waiting, after checking its delay. */
  private void fireTimerAfter(String activityId, Duration delay) {
    Job timer = jobAt(survey, activityId);
    Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(SURVEY_SENT_AT.plus(delay)));
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
    tick();
  }

  /** History orders by end time: move the fixed clock on so steps do not share a timestamp. */
  private static void tick() {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(1, ChronoUnit.SECONDS)));
  }

  private Object historicValue(String name) {
    return historyService().createHistoricVariableInstanceQuery()
        .processInstanceId(survey.getId()).variableName(name).singleResult().getValue();
  }
}
