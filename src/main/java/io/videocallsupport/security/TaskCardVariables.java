package io.videocallsupport.security;

import io.videocallsupport.system.EveryUserTaskPlugin;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Tasklist fills a task card's variables ({@link RoleAuthorizations#CARD_VARIABLES}) with a
 * variable query that needs read access to the process instance, which agents deliberately lack
 * (they reach a session only through its tasks). A task's own variables need only access to the
 * task, so every user task gets task-local copies of the ticket id and the customer's name when it
 * is created: the agent's cards then tell two sessions apart, and nobody sees more than the tasks
 * they may already open.
 */
@Component
class TaskCardVariables extends EveryUserTaskPlugin {

  TaskCardVariables() {
    super(TaskListener.EVENTNAME_CREATE, TaskCardVariables::copy);
  }

  static void copy(DelegateTask task) {
    for (Map<String, String> variable : RoleAuthorizations.CARD_VARIABLES) {
      String name = variable.get("name");
      Object value = task.getExecution() == null ? null : task.getExecution().getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  }
}
