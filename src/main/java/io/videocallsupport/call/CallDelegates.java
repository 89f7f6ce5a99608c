package io.videocallsupport.call;

import static io.videocallsupport.session.SessionVariables.AGENT_ID;
import static io.videocallsupport.session.SessionVariables.CALL_ACTION;
import static io.videocallsupport.session.SessionVariables.CALL_OUTCOME;
import static io.videocallsupport.session.SessionVariables.CUSTOMER_JOIN_CHOICE;
import static io.videocallsupport.session.SessionVariables.ESCALATED_REASON;
import static io.videocallsupport.session.SessionVariables.ESCALATED_TO;
import static io.videocallsupport.session.SessionVariables.ESCALATING_AGENT;
import static io.videocallsupport.session.SessionVariables.ESCALATION_INVITEE;
import static io.videocallsupport.session.SessionVariables.ESCALATION_REASON;
import static io.videocallsupport.session.SessionVariables.FALLBACK_CHANNEL;
import static io.videocallsupport.session.SessionVariables.NO_SHOW_DECISION;
import static io.videocallsupport.session.SessionVariables.PARTICIPANT_COUNT;
import static io.videocallsupport.session.SessionVariables.PHONE_CALL_NOTE;
import static io.videocallsupport.session.SessionVariables.SESSION_ID;
import static io.videocallsupport.session.SessionVariables.TICKET_ID;
import static io.videocallsupport.session.SessionVariables.TRANSCRIPT_DRAFT;

import io.videocallsupport.helpdesk.HelpDesk;
import io.videocallsupport.security.AgentDirectory;
import io.videocallsupport.session.InvalidTaskInputException;
import io.videocallsupport.session.SessionService;
import io.videocallsupport.session.SessionValues.CallOutcome;
import io.videocallsupport.session.VideoSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delegates of the call itself: escalation, the end of the call (or of a session without one) and the transcript draft. */
@Configuration(proxyBeanMethods = false)
class CallDelegates {

  /** The task-local variable holding the choices of whom to invite (the form's select reads its values from it). */
  static final String ESCALATION_INVITEES = "escalationInvitees";

  /**
   * "Invite specialist": checks whom the agent invites, keeps the reason, the invitee and the agent
   * for the invitee's task (the agent's next "Conduct video call" clears what the agent entered),
   * counts the new participant and notes the escalation on the ticket.
   */
  @Bean
  JavaDelegate inviteSpecialistDelegate(HelpDesk helpDesk, AgentDirectory directory) {
    return execution -> {
      String invitee = EscalationInvitation.normalise(ESCALATION_INVITEE.from(execution).getOrNull());
      String invitedName = "the team leads";
      if (invitee.startsWith(EscalationInvitation.USER_PREFIX)) {
        String userId = invitee.substring(EscalationInvitation.USER_PREFIX.length());
        invitedName = directory.teamLeads().stream().filter(lead -> lead.id().equals(userId))
            .map(AgentDirectory.Agent::name).findFirst()
            .orElseThrow(() -> new InvalidTaskInputException(
                "'" + userId + "' is not a team lead or specialist: choose one from the list."));
      }
      String reason = ESCALATION_REASON.from(execution).getOrDefault("no reason given");
      String agentId = AGENT_ID.from(execution).getOrNull();
      String agentName = directory.displayName(agentId);
      ESCALATED_TO.on(execution).set(invitee);
      ESCALATED_REASON.on(execution).set(reason);
      ESCALATING_AGENT.on(execution).set(agentName != null ? agentName : agentId);

      int participants = PARTICIPANT_COUNT.from(execution).getOrDefault(2) + 1;
      PARTICIPANT_COUNT.on(execution).set(participants);
      helpDesk.addNote(TICKET_ID.from(execution).get(), sessionId(execution), "video-session",
          "Escalated to " + invitedName + " with the customer's consent (" + participants + " participants): "
              + reason);
    };
  }

  /**
   * "Conduct video call" opens: the choices of whom to invite, as the select field of the form
   * reads them (a JSON list of labels and values): the team leads' group first, then each team lead
   * or specialist by name. Task-local, so it goes with the task.
   */
  @Bean
  TaskListener escalationInviteesListener(AgentDirectory directory) {
    return task -> {
      List<Map<String, String>> choices = new ArrayList<>();
      choices.add(Map.of("label", "Any team lead (the team leads' group)", "value", EscalationInvitation.TEAM_LEADS));
      for (AgentDirectory.Agent lead : directory.teamLeads()) {
        choices.add(Map.of("label", lead.name(), "value", EscalationInvitation.USER_PREFIX + lead.id()));
      }
      task.setVariableLocal(ESCALATION_INVITEES, SpinValues.jsonValue(Spin.JSON(choices)).create());
    };
  }

  /** "End meeting and record outcome": ends the meeting, decides the outcome and drafts from a transcript. */
  @Bean
  JavaDelegate endCallDelegate(Meetings meetings, SessionService sessions, HelpDesk helpDesk) {
    return execution -> {
      UUID sessionId = sessionId(execution);
      CallOutcome outcome = CallOutcomes.decide(CALL_ACTION.from(execution).getOrNull(),
          CALL_OUTCOME.from(execution).getOrNull(), FALLBACK_CHANNEL.from(execution).getOrNull(),
          NO_SHOW_DECISION.from(execution).getOrNull());
      meetings.endMeeting(sessionId);
      sessions.recordCallEnded(sessionId, outcome.name());
      VideoSession ended = sessions.get(sessionId);
      String duration = ended.customerJoinedAt() == null || ended.callEndedAt() == null ? "no call held"
          : "duration " + Math.max(1, Duration.between(ended.customerJoinedAt(), ended.callEndedAt()).toMinutes())
              + " min";
      helpDesk.addNote(ended.ticketId(), sessionId, "call-ended:" + execution.getActivityInstanceId(),
          "video-session", "Call ended: outcome " + outcome + ", " + duration + ".");
      CALL_OUTCOME.on(execution).set(outcome.name());
      meetings.keepTranscript(sessionId).ifPresent(excerpt -> TRANSCRIPT_DRAFT.on(execution).set(excerpt));
    };
  }

  /** "Cancel meeting and note outcome on ticket": the session ends without a video call. */
  @Bean
  JavaDelegate closeWithoutVideoCallDelegate(ClosingWithoutCall closing) {
    return execution -> closing.close(sessionId(execution),
            new ClosingWithoutCall.Facts(NO_SHOW_DECISION.from(execution).getOrNull(),
                CUSTOMER_JOIN_CHOICE.from(execution).getOrNull(), PHONE_CALL_NOTE.from(execution).getOrNull()),
            AGENT_ID.from(execution).getOrDefault("video-session"))
        .ifPresent(outcome -> CALL_OUTCOME.on(execution).set(outcome.name()));
  }

  /** "Draft summary from transcript": the platform reported a transcript while the agent writes the summary. */
  @Bean
  JavaDelegate draftSummaryFromTranscriptDelegate(Meetings meetings) {
    return execution -> meetings.keepTranscript(sessionId(execution))
        .ifPresent(excerpt -> TRANSCRIPT_DRAFT.on(execution).set(excerpt));
  }

  private static UUID sessionId(DelegateExecution execution) {
    return UUID.fromString(SESSION_ID.from(execution).get());
  }
}
