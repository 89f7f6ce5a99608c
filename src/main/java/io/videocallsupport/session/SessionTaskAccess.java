package io.videocallsupport.session;

import io.videocallsupport.security.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who may see and work a session's agent tasks, the rule of the session API: the session's agent
 * alone (as the task's assignee), or every agent while the session has none. Team leads, managers
 * and admins reach every task through their process-definition authorizations, not through the
 * task. The agent tasks of {@code video-support-session} name this bean as their candidate groups.
 */
@Component
public class SessionTaskAccess {

  /** The candidate groups of an agent task: {@code agents} only while the session has no agent. */
  public List<String> candidateGroups(String agentId) {
    return agentId == null || agentId.isBlank() ? List.of(Roles.AGENTS) : List.of();
  }
}
