package io.videocallsupport.security;

import io.videocallsupport.system.ApplicationQueries;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
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

  /** Someone who works sessions: user id and the name to show (the id when the user has no name). */
  public record Agent(String id, String name) {
  }

  /** Everyone who works sessions (agents and team leads), by name: for pickers on the staff pages. */
  public List<Agent> sessionWorkers() {
    Map<String, Agent> byId = new TreeMap<>();
    for (String group : List.of(Roles.AGENTS, Roles.TEAM_LEADS)) {
      ApplicationQueries.unrestricted(identity, () -> identity.createUserQuery().memberOfGroup(group).list())
          .forEach(user -> byId.putIfAbsent(user.getId(), new Agent(user.getId(), nameOf(user))));
    }
    return byId.values().stream()
        .sorted(Comparator.comparing((Agent a) -> a.name().toLowerCase(Locale.ROOT)).thenComparing(Agent::id))
        .toList();
  }

  /** The team leads and specialists, by name: whom an agent may invite into a call by name. */
  public List<Agent> teamLeads() {
    return ApplicationQueries.unrestricted(identity,
            () -> identity.createUserQuery().memberOfGroup(Roles.TEAM_LEADS).list()).stream()
        .map(user -> new Agent(user.getId(), nameOf(user)))
        .sorted(Comparator.comparing((Agent a) -> a.name().toLowerCase(Locale.ROOT)).thenComparing(Agent::id))
        .toList();
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
    String name = fullName(user);
    return name.isEmpty() ? null : name;
  }

  private static String nameOf(User user) {
    String name = fullName(user);
    return name.isEmpty() ? user.getId() : name;
  }

  private static String fullName(User user) {
    return ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
  }
}
