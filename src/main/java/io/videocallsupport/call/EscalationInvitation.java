package io.videocallsupport.call;

import static io.videocallsupport.session.SessionVariables.PARTICIPANT_COUNT;

import io.videocallsupport.security.Roles;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Whom "Join escalated call" is offered to, from the agent's choice on "Conduct video call": the
 * team leads' group (the default) or one named team lead or specialist. The choice is a string,
 * {@code group:<id>} or {@code user:<id>}, so that one select field can offer both.
 * The join task names this bean for its candidate users and groups.
 */
@Component
public class EscalationInvitation {

  public static final String USER_PREFIX = "user:";
  public static final String GROUP_PREFIX = "group:";
  /** The default choice: anyone of the team leads may take the call. */
  public static final String TEAM_LEADS = GROUP_PREFIX + Roles.TEAM_LEADS;
  /** The fewest people in a call: the customer and the agent. */
  static final int CUSTOMER_AND_AGENT = 2;

  /** The choice as stored: a named person's {@code user:<id>}, otherwise the team leads. */
  public static String normalise(String invitee) {
    if (invitee != null && invitee.startsWith(USER_PREFIX) && invitee.length() > USER_PREFIX.length()) {
      return invitee.trim();
    }
    return TEAM_LEADS;
  }

  /** The named person, or nobody when the group is invited. */
  public List<String> candidateUsers(String invitee) {
    String choice = normalise(invitee);
    return choice.startsWith(USER_PREFIX) ? List.of(choice.substring(USER_PREFIX.length())) : List.of();
  }

  /** The team leads' group, or no group when a person is named (team leads still see it through their rights). */
  public List<String> candidateGroups(String invitee) {
    return normalise(invitee).startsWith(USER_PREFIX) ? List.of() : List.of(Roles.TEAM_LEADS);
  }

  /**
   * "Join escalated call" completes when the invitee leaves the call: the call has one participant
   * fewer. What is counted is the application's own count (customer, agent and every invitee whose
   * join task is open), not the video platform's roster.
   */
  public void invitedParticipantLeft(DelegateTask task) {
    var instance = task.getExecution().getProcessInstance();
    int participants = PARTICIPANT_COUNT.from(instance).getOrDefault(CUSTOMER_AND_AGENT + 1);
    PARTICIPANT_COUNT.on(instance).set(Math.max(CUSTOMER_AND_AGENT, participants - 1));
  }
}
