package io.videocallsupport.security;

import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Tasks opened before {@link TaskCardVariables} existed have no copies of the ticket and the
 * customer, so agents would see empty cards for them: at every start, open tasks that lack the
 * copies get them (a no-op once done).
 */
@Component
public class TaskCardVariablesUpgrade {

  private static final Logger LOG = LoggerFactory.getLogger(TaskCardVariablesUpgrade.class);

  private final TaskService tasks;

  TaskCardVariablesUpgrade(TaskService tasks) {
    this.tasks = tasks;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(4)
  public void copyToOpenTasks() {
    int copied = 0;
    for (Task task : tasks.createTaskQuery().active().list()) {
      if (task.getExecutionId() == null) {
        continue;
      }
      boolean changed = false;
      for (Map<String, String> card : RoleAuthorizations.CARD_VARIABLES) {
        String name = card.get("name");
        if (tasks.getVariableLocal(task.getId(), name) == null) {
          Object value = tasks.getVariable(task.getId(), name);
          if (value != null) {
            tasks.setVariableLocal(task.getId(), name, value);
            changed = true;
          }
        }
      }
      copied += changed ? 1 : 0;
    }
    if (copied > 0) {
      LOG.info("{} open tasks got the ticket and customer for their Tasklist cards", copied);
    }
  }
}
