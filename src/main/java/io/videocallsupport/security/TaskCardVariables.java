package io.videocallsupport.security;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
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
class TaskCardVariables extends AbstractProcessEnginePlugin {

  private static final TaskListener COPY = TaskCardVariables::copy;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, COPY);
      }
    });
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
