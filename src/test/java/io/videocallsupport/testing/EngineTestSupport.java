package io.videocallsupport.testing;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.util.Date;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.junit5.common.ProcessEngineCoverageExtensionBuilder;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * Small helpers for the fast engine tests. The engine runs without job executor, so the tests
 * execute async continuations and timers themselves; several jobs can exist at once (a running
 * call always has its 45-minute timer), hence jobs are picked by the activity they belong to.
 */
public final class EngineTestSupport {

  /** Configuration of the in-memory engine for process tests (see the file for why it has its own name). */
  public static final String ENGINE_CONFIGURATION = "process-tests.cfg.xml";

  /** The binding every Camunda Form reference must use, so a form is deployed with its process. */
  public static final String FORM_BINDING_DEPLOYMENT = "deployment";

  private EngineTestSupport() {
  }

  /**
   * The engine for a process test class; it fails the class unless its tests walk every flow node
   * and sequence flow of the processes it deploys.
   */
  public static ProcessEngineCoverageExtensionBuilder<ProcessEngineCoverageExtension> engineWithFullCoverage() {
    return ProcessEngineCoverageExtension.builder(ENGINE_CONFIGURATION).assertClassCoverageAtLeast(1.0);
  }

  /** The one job of this process instance that belongs to the given activity. */
  public static Job jobAt(ProcessInstance processInstance, String activityId) {
    Job job = jobQuery().processInstanceId(processInstance.getId()).activityId(activityId).singleResult();
    Assertions.assertThat(job)
        .as("job at %s of process instance %s", activityId, processInstance.getId())
        .isNotNull();
    return job;
  }

  /** Executes the one job (async continuation or timer) at the given activity. */
  public static void executeJobAt(ProcessInstance processInstance, String activityId) {
    execute(jobAt(processInstance, activityId));
  }

  /** Executes the timer at the given activity after checking it is due at the expected time. */
  public static void fireTimerAt(ProcessInstance processInstance, String activityId, Date expectedDueDate) {
    Job timer = jobAt(processInstance, activityId);
    Assertions.assertThat(timer.getDuedate()).as("due date of the timer at %s", activityId).isEqualTo(expectedDueDate);
    execute(timer);
  }

  /** The open user task at the given activity, with its form reference loaded. */
  public static Task userTaskAt(ProcessInstance processInstance, String activityId) {
    Task task = taskQuery()
        .processInstanceId(processInstance.getId())
        .taskDefinitionKey(activityId)
        .initializeFormKeys()
        .singleResult();
    Assertions.assertThat(task)
        .as("open user task %s of process instance %s", activityId, processInstance.getId())
        .isNotNull();
    return task;
  }

  /** Asserts that the task shows the Camunda Form with this id, deployed with the process. */
  public static void assertCamundaForm(Task task, String formId) {
    assertCamundaForm(task.getCamundaFormRef(), task.getTaskDefinitionKey(), formId);
  }

  public static void assertCamundaForm(CamundaFormRef formRef, String owner, String formId) {
    Assertions.assertThat(formRef).as("Camunda Form reference of %s", owner).isNotNull();
    Assertions.assertThat(formRef.getKey()).as("form id of %s", owner).isEqualTo(formId);
    Assertions.assertThat(formRef.getBinding()).as("form binding of %s", owner).isEqualTo(FORM_BINDING_DEPLOYMENT);
  }
}
