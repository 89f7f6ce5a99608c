package io.videocallsupport.bench;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/** An agent in a benchmark: waits, as one refreshing Tasklist would, until a task is there, then submits its form. */
public final class BenchmarkAgent {

  private static final long POLL_MILLIS = 20;

  public static void complete(ProcessEngine engine, String processInstanceId, String taskKey,
                              Map<String, Object> form, Duration limit) throws InterruptedException {
    engine.getFormService().submitTaskForm(awaitTask(engine, processInstanceId, taskKey, limit).getId(), form);
  }

  /** The open task, as soon as it appears (polled every 20 ms); fails after {@code limit}. */
  public static Task awaitTask(ProcessEngine engine, String processInstanceId, String taskKey, Duration limit)
      throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    Task task;
    while ((task = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskKey).singleResult()) == null) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("No task " + taskKey + " in " + processInstanceId + " after " + limit);
      }
      Thread.sleep(POLL_MILLIS);
    }
    return task;
  }

  private BenchmarkAgent() {
  }
}
