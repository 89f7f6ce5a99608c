package io.videocallsupport.session;

import static io.videocallsupport.session.SessionVariables.AGENT_ID;
import static io.videocallsupport.session.SessionVariables.SESSION_ID;

import io.videocallsupport.security.AgentDirectory;
import io.videocallsupport.security.Roles;
import io.videocallsupport.security.TaskGrants;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Assignment" of an agent task: the session belongs to whoever works its agent tasks. An agent who
 * claims a task of a session without an agent takes the session; a team lead who assigns a task to
 * another agent hands the session over. Either way the session record and the process get the new
 * agent (so later tasks are theirs), and the session's open agent tasks leave the {@code agents}
 * group and the previous agent: Camunda keeps the task authorizations of removed candidates and
 * previous assignees, so they are revoked here as well.
 */
@Component
class SessionAgentListener implements TaskListener {

  private final SessionService sessions;
  private final AgentDirectory agents;
  private final TaskGrants grants;

  SessionAgentListener(SessionService sessions, AgentDirectory agents, TaskGrants grants) {
    this.sessions = sessions;
    this.agents = agents;
    this.grants = grants;
  }

  @Override
  public void notify(DelegateTask task) {
    String assignee = task.getAssignee();
    String previous = AGENT_ID.from(task).getOrNull();
    if (assignee == null || assignee.equals(previous)) {
      // Unclaiming leaves the session with its agent.
      return;
    }
    // The agent who claims may neither read nor change the groups, authorizations and other tasks
    // this looks at.
    Context.getCommandContext().runWithoutAuthorization(() -> {
      // An admin who assigns a task to themselves takes nothing over.
      if (agents.worksSessions(assignee)) {
        takeOver(task, previous, assignee);
      }
      return null;
    });
  }

  private void takeOver(DelegateTask task, String previous, String agent) {
    AGENT_ID.on(task.getExecution().getProcessInstance()).set(agent);
    sessions.recordAgent(UUID.fromString(SESSION_ID.from(task).get()), agent);

    if (task.getCandidates().stream().anyMatch(link -> Roles.AGENTS.equals(link.getGroupId()))) {
      task.deleteCandidateGroup(Roles.AGENTS);
    }
    grants.revoke(task.getId(), Roles.AGENTS, previous);

    TaskService taskService = task.getProcessEngineServices().getTaskService();
    for (Task other : taskService.createTaskQuery().processInstanceId(task.getProcessInstanceId()).list()) {
      if (other.getId().equals(task.getId()) || !belongsToSession(taskService, other, previous)) {
        continue;
      }
      taskService.deleteCandidateGroup(other.getId(), Roles.AGENTS);
      taskService.setAssignee(other.getId(), agent);
      grants.revoke(other.getId(), Roles.AGENTS, previous);
    }
  }

  /** An open agent task: the previous agent's, or one still offered to all agents. Team leads' are not. */
  private static boolean belongsToSession(TaskService taskService, Task task, String previous) {
    if (task.getAssignee() != null) {
      return task.getAssignee().equals(previous);
    }
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && Roles.AGENTS.equals(link.getGroupId()));
  }
}
