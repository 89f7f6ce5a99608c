package io.videocallsupport.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Walks processes in Spring Boot tests the way the job executor and Tasklist would: runs the due
 * jobs of an instance, fires its timers, and completes user tasks after checking that each serves
 * the Camunda Form its BPMN names.
 */
public class ProcessDriver {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final FormService forms;
  private final RepositoryService repository;

  public ProcessDriver(ProcessEngine engine) {
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.forms = engine.getFormService();
    this.repository = engine.getRepositoryService();
  }

  /**
   * Runs every job that is due now and has not failed before, until none is left. Failed jobs
   * wait for the test that retries them on purpose (and do not spill into other tests).
   */
  public void runDueJobs() {
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().executable().active().list().stream()
          .filter(job -> job.getRetries() > 0 && job.getExceptionMessage() == null)
          .toList();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
      }
    }
    throw new AssertionError("Jobs keep coming after 100 rounds");
  }

  /** Fires the timer of the given activity now, then runs what became due. */
  public void fireTimer(String processInstanceId, String activityId) {
    Job timer = management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).timers()
        .singleResult();
    assertThat(timer).as("timer at %s", activityId).isNotNull();
    management.executeJob(timer.getId());
    runDueJobs();
  }

  public Task task(String processInstanceId, String taskDefinitionKey) {
    Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey)
        .initializeFormKeys().singleResult();
    assertThat(task).as("open task %s", taskDefinitionKey).isNotNull();
    return task;
  }

  /** Completes the task as Tasklist would submit its form, then runs the jobs that became due. */
  public void complete(String processInstanceId, String taskDefinitionKey, Map<String, Object> variables) {
    Task task = task(processInstanceId, taskDefinitionKey);
    assertServesItsForm(task);
    VariableMap submitted = Variables.createVariables();
    submitted.putAll(variables);
    forms.submitTaskForm(task.getId(), submitted);
    runDueJobs();
  }

  /** The task's formRef names a form of its deployment, and the engine serves that form. */
  public void assertServesItsForm(Task task) {
    assertThat(task.getCamundaFormRef()).as("form of %s", task.getTaskDefinitionKey()).isNotNull();
    String form = new String(readAll(forms.getDeployedTaskForm(task.getId())));
    assertThat(form).contains("\"id\"").contains("\"" + task.getCamundaFormRef().getKey() + "\"");
  }

  public void correlate(String processInstanceId, String message, Map<String, Object> variables) {
    runtime.createMessageCorrelation(message).processInstanceId(processInstanceId).setVariables(variables)
        .correlateWithResult();
    runDueJobs();
  }

  public RepositoryService repository() {
    return repository;
  }

  private static byte[] readAll(java.io.InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
