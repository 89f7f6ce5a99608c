package io.videocallsupport.security;

import io.videocallsupport.system.ApplicationQueries;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Who the agents are, from Camunda's identity service. */
@Component
public class AgentDirectory {

  private final IdentityService identity;

  AgentDirectory(IdentityService identity) {
    this.identity = identity;
  }

  /**
   * True when the user works sessions: a member of the agents or team-leads group. Asked for the
   * application, whatever users and groups the caller may read.
   */
  public boolean worksSessions(String userId) {
    if (userId == null || userId.isBlank()) {
      return false;
    }
    return ApplicationQueries.unrestricted(identity, () -> identity.createGroupQuery().groupMember(userId).list())
        .stream()
        .anyMatch(g -> Roles.AGENTS.equals(g.getId()) || Roles.TEAM_LEADS.equals(g.getId()));
  }

  /** The name a customer sees for their agent. */
  public String displayName(String userId) {
    if (userId == null) {
      return null;
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      return null;
    }
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? null : name;
  }
}
