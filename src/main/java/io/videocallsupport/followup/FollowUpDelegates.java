package io.videocallsupport.followup;

import static io.videocallsupport.session.SessionVariables.*;

import io.videocallsupport.session.SessionValues.CallOutcome;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Save summary to ticket" and "Send follow-up email". */
@Configuration(proxyBeanMethods = false)
class FollowUpDelegates {

  @Bean
  JavaDelegate saveSummaryDelegate(FollowUps followUps) {
    return execution -> followUps.saveToTicket(sessionId(execution), outcome(execution), summary(execution),
        AGENT_ID.from(execution).getOrDefault("video-session"));
  }

  @Bean
  JavaDelegate sendFollowUpEmailDelegate(FollowUps followUps) {
    return execution -> followUps.sendFollowUpEmail(sessionId(execution), TICKET_SUBJECT.from(execution).getOrNull(),
        outcome(execution), summary(execution));
  }

  private static FollowUps.Summary summary(DelegateExecution execution) {
    return new FollowUps.Summary(CALL_SUMMARY.from(execution).getOrNull(), STEPS_TAKEN.from(execution).getOrNull(),
        USEFUL_LINKS.from(execution).getOrNull(), FOLLOW_UP_ACTIONS.from(execution).getOrNull());
  }

  private static CallOutcome outcome(DelegateExecution execution) {
    return CallOutcome.valueOf(CALL_OUTCOME.from(execution).get());
  }

  private static UUID sessionId(DelegateExecution execution) {
    return UUID.fromString(SESSION_ID.from(execution).get());
  }
}
