package io.videocallsupport.session;

import static io.videocallsupport.session.SessionVariables.AGENT_ID;

import io.videocallsupport.security.Roles;
import io.videocallsupport.security.TaskGrants;
import java.util.Collection;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Brings sessions that started before the agent-only task rule under it, at every start (a no-op
 * once done). Versions of {@code video-support-session} that still offered every agent task to the
 * whole {@code agents} group have their running instances migrated to the latest version, so that
 * their later tasks follow the rule; the open tasks of sessions that have an agent leave the group
 * and lose the group's task authorization.
 */
@Component
public class SessionTaskAccessUpgrade {

  private static final Logger LOG = LoggerFactory.getLogger(SessionTaskAccessUpgrade.class);

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final TaskGrants grants;

  SessionTaskAccessUpgrade(RepositoryService repository, RuntimeService runtime, TaskService tasks,
                           TaskGrants grants) {
    this.repository = repository;
    this.runtime = runtime;
    this.tasks = tasks;
    this.grants = grants;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(3)
  public void upgrade() {
    migrateSessionsOfGroupWideVersions();
    narrowOpenTasksOfAssignedSessions();
  }

  void migrateSessionsOfGroupWideVersions() {
    ProcessDefinition latest = repository.createProcessDefinitionQuery()
        .processDefinitionKey(VideoSupportSession.PROCESS_KEY).latestVersion().singleResult();
    if (latest == null || offersAgentTasksToAllAgents(latest)) {
      return;
    }
    for (ProcessDefinition older : repository.createProcessDefinitionQuery()
        .processDefinitionKey(VideoSupportSession.PROCESS_KEY).list()) {
      if (older.getVersion() >= latest.getVersion()
          || runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).count() == 0
          || !offersAgentTasksToAllAgents(older)) {
        continue;
      }
      try {
        MigrationPlan plan = runtime.createMigrationPlan(older.getId(), latest.getId())
            .mapEqualActivities().updateEventTriggers().build();
        runtime.newMigration(plan)
            .processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(older.getId()))
            .execute();
        LOG.info("Sessions of {} migrated to {}: their agent tasks go to the session's agent only",
            older.getId(), latest.getId());
      } catch (ProcessEngineException e) {
        // The tasks open now are narrowed below; only later tasks of these sessions stay group-wide.
        LOG.warn("Sessions of {} could not be migrated to {} ({}); their later tasks are offered to all agents",
            older.getId(), latest.getId(), e.getMessage());
      }
    }
  }

  /** True for a version from before the rule: agent tasks with the literal candidate group "agents". */
  private boolean offersAgentTasksToAllAgents(ProcessDefinition definition) {
    Collection<UserTask> userTasks = repository.getBpmnModelInstance(definition.getId())
        .getModelElementsByType(UserTask.class);
    return userTasks.stream().anyMatch(task -> Roles.AGENTS.equals(task.getCamundaCandidateGroups()));
  }

  void narrowOpenTasksOfAssignedSessions() {
    for (Task task : tasks.createTaskQuery().processDefinitionKey(VideoSupportSession.PROCESS_KEY)
        .taskCandidateGroup(Roles.AGENTS).includeAssignedTasks().list()) {
      Object agent = runtime.getVariable(task.getExecutionId(), AGENT_ID.getName());
      if (agent == null) {
        continue;
      }
      tasks.deleteCandidateGroup(task.getId(), Roles.AGENTS);
      grants.revoke(task.getId(), Roles.AGENTS, null);
      if (task.getAssignee() == null) {
        tasks.setAssignee(task.getId(), agent.toString());
      }
    }
  }
}
