package io.videocallsupport.invitation;

import static io.videocallsupport.session.SessionVariables.CALL_MODE;
import static io.videocallsupport.session.SessionVariables.INVITE_ROUND;
import static io.videocallsupport.session.SessionVariables.LINK_MESSAGE;
import static io.videocallsupport.session.SessionVariables.RECORDING_ALLOWED;
import static io.videocallsupport.session.SessionVariables.RETRY_COUNTER;
import static io.videocallsupport.session.SessionVariables.SESSION_ID;
import static io.videocallsupport.session.SessionVariables.TICKET_SUBJECT;

import io.videocallsupport.messaging.MessagePurpose;
import io.videocallsupport.session.VideoSupportSession;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates of the invitation steps; each reads its variables and calls {@link Invitations}. */
@Configuration(proxyBeanMethods = false)
class InvitationDelegates {

  /** "Send invitation by email and SMS"; unusable contact details raise the BPMN error that opens "Fix contact details". */
  @Bean
  JavaDelegate sendInvitationDelegate(Invitations invitations) {
    return execution -> {
      try {
        invitations.sendInvitation(sessionId(execution), INVITE_ROUND.from(execution).getOrDefault(1),
            TICKET_SUBJECT.from(execution).getOrNull(), CALL_MODE.from(execution).getOrNull(),
            RECORDING_ALLOWED.from(execution).getOrDefault(true));
      } catch (InvalidContactDetailsException e) {
        throw new BpmnError(VideoSupportSession.Errors.INVALID_CONTACT_DETAILS, e.getMessage());
      }
    };
  }

  /** "Send SMS reminder" 15 minutes before a scheduled call. */
  @Bean
  JavaDelegate sendReminderDelegate(Invitations invitations) {
    return execution -> invitations.sendReminder(sessionId(execution), INVITE_ROUND.from(execution).getOrDefault(1),
        TICKET_SUBJECT.from(execution).getOrNull(), CALL_MODE.from(execution).getOrNull());
  }

  /**
   * "Re-send join link" and "Send rejoin link": inputs {@code retryCounter} (the counter variable
   * this retry counts against) and {@code linkMessage} (JOIN_LINK_RESENT or REJOIN_LINK).
   */
  @Bean
  JavaDelegate resendJoinLinkDelegate(Invitations invitations) {
    return execution -> {
      String counter = RETRY_COUNTER.from(execution).get();
      Object current = execution.getVariable(counter);
      int attempt = (current instanceof Number n ? n.intValue() : 0) + 1;
      MessagePurpose purpose = MessagePurpose.valueOf(LINK_MESSAGE.from(execution).get());
      invitations.resendLink(sessionId(execution), purpose, INVITE_ROUND.from(execution).getOrDefault(1), attempt,
          TICKET_SUBJECT.from(execution).getOrNull());
      execution.getProcessInstance().setVariable(counter, attempt);
    };
  }

  private static UUID sessionId(DelegateExecution execution) {
    return UUID.fromString(SESSION_ID.from(execution).get());
  }
}
