package io.videocallsupport.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.ALL;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE_TASK;

import io.videocallsupport.privacy.PrivacyRequest;
import io.videocallsupport.session.VideoSupportSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The groups of the application and what each may do, created at start when missing (so an
 * administrator's later changes in Camunda Admin are kept):
 * <ul>
 *   <li>agents: Tasklist; start sessions and privacy requests. No right on instances, tasks or
 *       history as a group: an agent reaches a task only as its assignee or candidate, i.e. the
 *       tasks of their own sessions and of sessions without an agent ({@code SessionTaskAccess});</li>
 *   <li>team-leads: see and work every task (escalations, reviews, overdue erasures and any
 *       agent's session), Cockpit read access;</li>
 *   <li>managers: Cockpit and Tasklist, read-only: definitions, instances, tasks, history, decisions;</li>
 *   <li>camunda-admin: everything, on every resource (as Camunda's own setup grants its admins).</li>
 * </ul>
 * And the Tasklist filters "My tasks", "My group's tasks" and, for team leads and managers, "All tasks".
 * Every filter shows the ticket and the customer on each task card, so that two sessions' tasks of
 * the same name can be told apart; filters made by an earlier version get these columns at start.
 */
@Component
public class RoleAuthorizations {

  private static final Logger LOG = LoggerFactory.getLogger(RoleAuthorizations.class);
  private static final String ANY = Authorization.ANY;

  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final FilterService filters;
  private final TaskService tasks;

  RoleAuthorizations(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                     TaskService tasks) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.filters = filters;
    this.tasks = tasks;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(1)
  public void ensureRolesAndFilters() {
    group(Roles.AGENTS, "Support agents");
    group(Roles.TEAM_LEADS, "Team leads and specialists");
    group(Roles.MANAGERS, "Support managers");
    group(Roles.ADMINS, "Camunda administrators");

    for (String worker : List.of(Roles.AGENTS, Roles.TEAM_LEADS)) {
      grant(worker, Resources.APPLICATION, "tasklist", ACCESS);
      for (String process : List.of(VideoSupportSession.PROCESS_KEY, PrivacyRequest.PROCESS_KEY)) {
        grant(worker, Resources.PROCESS_DEFINITION, process, READ, CREATE_INSTANCE);
      }
      grant(worker, Resources.PROCESS_INSTANCE, ANY, CREATE);
      grant(worker, Resources.USER, ANY, READ);
      grant(worker, Resources.GROUP, ANY, READ);
    }
    for (String reader : List.of(Roles.TEAM_LEADS, Roles.MANAGERS)) {
      grant(reader, Resources.APPLICATION, "cockpit", ACCESS);
      grant(reader, Resources.PROCESS_DEFINITION, ANY, READ, READ_HISTORY, READ_INSTANCE, READ_TASK);
      grant(reader, Resources.PROCESS_INSTANCE, ANY, READ);
      grant(reader, Resources.TASK, ANY, READ);
      grant(reader, Resources.DECISION_DEFINITION, ANY, READ, READ_HISTORY);
      grant(reader, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, READ);
      grant(reader, Resources.DEPLOYMENT, ANY, READ);
    }
    // Team leads work every task; managers stay readers.
    grant(Roles.TEAM_LEADS, Resources.PROCESS_DEFINITION, ANY, UPDATE_TASK);
    grant(Roles.MANAGERS, Resources.APPLICATION, "tasklist", ACCESS);
    grant(Roles.MANAGERS, Resources.USER, ANY, READ);
    grant(Roles.MANAGERS, Resources.GROUP, ANY, READ);

    // The engine lets camunda-admin members pass its checks, but the webapps ask for application
    // access like anyone's: without these grants the demo admin could open none of them.
    for (Resources resource : Resources.values()) {
      grant(Roles.ADMINS, resource, ANY, ALL);
    }

    List<String> everyone = List.of(Roles.AGENTS, Roles.TEAM_LEADS, Roles.MANAGERS);
    taskFilter("My tasks", "Tasks assigned to me", -10, Map.of("assignee", "${currentUser()}"), everyone);
    taskFilter("My group's tasks", "Open tasks of my groups, assigned or not", 0,
        Map.of("candidateGroups", "${currentUserGroups()}"), everyone);
    taskFilter("All tasks", "Every open task the authorizations show", 10, Map.of(),
        List.of(Roles.TEAM_LEADS, Roles.MANAGERS));
  }

  private void group(String id, String name) {
    if (identity.createGroupQuery().groupId(id).singleResult() == null) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(Roles.ADMINS.equals(id) ? "SYSTEM" : "WORKFLOW");
      identity.saveGroup(group);
      LOG.info("Created group {}", id);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery()
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    if (existing == null) {
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }

  /**
   * The variables every filter shows on its task cards (Tasklist's filter property "variables"): the
   * labels Tasklist prints next to each value.
   */
  public static final List<Map<String, String>> CARD_VARIABLES = List.of(
      Map.of("name", "ticketId", "label", "Ticket"),
      Map.of("name", "customerName", "label", "Customer"));

  private void taskFilter(String name, String description, int priority, Map<String, String> criteria,
                          List<String> readers) {
    List<Filter> existing = filters.createTaskFilterQuery().filterName(name).list();
    if (!existing.isEmpty()) {
      existing.forEach(this::showCardVariables);
      return;
    }
    var query = tasks.createTaskQuery();
    if (criteria.containsKey("assignee")) {
      query.taskAssigneeExpression(criteria.get("assignee"));
    }
    if (criteria.containsKey("candidateGroups")) {
      query.taskCandidateGroupInExpression(criteria.get("candidateGroups")).includeAssignedTasks();
    }
    Filter filter = filters.newTaskFilter(name)
        .setQuery(query)
        .setProperties(new HashMap<>(Map.of("description", description, "priority", priority, "refresh", true,
            "variables", CARD_VARIABLES)));
    filters.saveFilter(filter);
    for (String group : readers) {
      grant(group, Resources.FILTER, filter.getId(), READ);
    }
  }

  /**
   * Adds the ticket and customer columns to a filter that lacks them, keeping any other variables an
   * administrator chose in Tasklist.
   */
  @SuppressWarnings("unchecked")
  private void showCardVariables(Filter filter) {
    Map<String, Object> properties = filter.getProperties() == null
        ? new HashMap<>() : new HashMap<>(filter.getProperties());
    List<Map<String, Object>> shown = properties.get("variables") instanceof List<?> list
        ? new ArrayList<>((List<Map<String, Object>>) list) : new ArrayList<>();
    boolean changed = false;
    for (Map<String, String> wanted : CARD_VARIABLES) {
      if (shown.stream().noneMatch(variable -> wanted.get("name").equals(variable.get("name")))) {
        shown.add(new HashMap<>(wanted));
        changed = true;
      }
    }
    if (changed) {
      properties.put("variables", shown);
      filter.setProperties(properties);
      filters.saveFilter(filter);
      LOG.info("Filter {} shows ticket and customer on its task cards", filter.getName());
    }
  }
}
