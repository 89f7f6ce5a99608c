package io.videocallsupport.csat;

import static io.holunda.camunda.bpm.data.CamundaBpmData.booleanVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.intVariable;
import static io.holunda.camunda.bpm.data.CamundaBpmData.stringVariable;

import io.holunda.camunda.bpm.data.factory.VariableFactory;

/** Key, messages, element ids and variables of {@code processes/csat-survey.bpmn}. */
public final class CsatSurvey {

  public static final String PROCESS_KEY = "csat-survey";

  public static final class Messages {
    public static final String SURVEY_REQUESTED = "SurveyRequested";
    public static final String SURVEY_ANSWERED = "SurveyAnswered";

    private Messages() {
    }
  }

  public static final class Elements {
    public static final String SEND_SURVEY = "Task_SendSurvey";
    public static final String AWAIT_SURVEY_ANSWER = "Task_AwaitSurveyAnswer";
    public static final String SURVEY_REMINDER_DUE = "Event_SurveyReminderDue";
    public static final String SEND_SURVEY_REMINDER = "Task_SendSurveyReminder";
    public static final String SURVEY_EXPIRED = "Event_SurveyExpired";
    public static final String CLOSE_SURVEY = "Task_CloseSurvey";
    public static final String DECIDE_FOLLOW_UP = "Task_DecideFollowUp";
    public static final String REVIEW_FEEDBACK = "Task_ReviewFeedback";
    public static final String END_FEEDBACK_REVIEWED = "EndEvent_FeedbackReviewed";
    public static final String END_FEEDBACK_RECORDED = "EndEvent_FeedbackRecorded";
    public static final String END_SURVEY_UNANSWERED = "EndEvent_SurveyUnanswered";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final VariableFactory<String> SESSION_ID = stringVariable("sessionId");
    public static final VariableFactory<String> TICKET_ID = stringVariable("ticketId");
    /** Task-local on "Review customer feedback", read from the session record when the task opens. */
    public static final VariableFactory<String> CUSTOMER_NAME = stringVariable("customerName");
    /** Task-local on "Review customer feedback": the name of the agent who had the session. */
    public static final VariableFactory<String> SESSION_AGENT = stringVariable("sessionAgent");
    public static final VariableFactory<Integer> CSAT_SCORE = intVariable("csatScore");
    public static final VariableFactory<String> CSAT_COMMENT = stringVariable("csatComment");
    public static final VariableFactory<Boolean> COMPLAINT = booleanVariable("complaint");
    public static final VariableFactory<Boolean> COMMENT_GIVEN = booleanVariable("commentGiven");
    public static final VariableFactory<Boolean> REVIEW_NEEDED = booleanVariable("reviewNeeded");
    public static final VariableFactory<String> REVIEW_REASON = stringVariable("reviewReason");
    public static final VariableFactory<String> REVIEW_ACTION = stringVariable("reviewAction");
    public static final VariableFactory<String> REVIEW_NOTES = stringVariable("reviewNotes");

    private Variables() {
    }
  }

  private CsatSurvey() {
  }
}
