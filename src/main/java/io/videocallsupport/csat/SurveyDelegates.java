package io.videocallsupport.csat;

import static io.videocallsupport.csat.CsatSurvey.Variables.SESSION_ID;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of the csat-survey process, and the one that starts it from a session. */
@Configuration(proxyBeanMethods = false)
class SurveyDelegates {

  /** "Survey requested" (message throw in video-support-session): starts csat-survey for the session. */
  @Bean
  JavaDelegate requestSurveyDelegate() {
    return execution -> execution.getProcessEngineServices().getRuntimeService()
        .createMessageCorrelation(CsatSurvey.Messages.SURVEY_REQUESTED)
        .processInstanceBusinessKey(execution.getProcessBusinessKey())
        .setVariable(SESSION_ID.getName(), SESSION_ID.from(execution).get())
        .setVariable(CsatSurvey.Variables.TICKET_ID.getName(), execution.getProcessBusinessKey())
        .correlateStartMessage();
  }

  @Bean
  JavaDelegate sendSurveyDelegate(Surveys surveys) {
    return execution -> surveys.send(sessionId(execution), execution.getProcessInstanceId());
  }

  @Bean
  JavaDelegate sendSurveyReminderDelegate(Surveys surveys) {
    return execution -> surveys.remind(sessionId(execution));
  }

  @Bean
  JavaDelegate closeSurveyDelegate(Surveys surveys) {
    return execution -> surveys.close(sessionId(execution));
  }

  private static UUID sessionId(DelegateExecution execution) {
    return UUID.fromString(SESSION_ID.from(execution).get());
  }
}
