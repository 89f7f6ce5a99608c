package io.videocallsupport.system;

import io.videocallsupport.session.InvalidTaskInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Every text typed into a task form becomes a String process variable, which Camunda keeps in a
 * column of {@value #MAX_CHARS} characters ({@code ACT_RU_VARIABLE.TEXT_}) on H2 and PostgreSQL
 * alike. A longer one would fail only when the transaction commits, as a database error that
 * Tasklist shows as a 500. This check runs first when any user task completes and refuses such a
 * text with a message the agent can act on (a 400); the forms state the same maximum. Texts that
 * must be kept whole, such as transcripts, live in the application's tables instead.
 */
@Component
public class TaskTextLimit extends EveryUserTaskPlugin {

  /** The longest String a process variable holds: the width of Camunda's TEXT_ column. */
  public static final int MAX_CHARS = 4000;

  TaskTextLimit() {
    // Built in, so it runs before the process's own complete listeners act on the input.
    super(TaskListener.EVENTNAME_COMPLETE, TaskTextLimit::check);
  }

  static void check(DelegateTask task) {
    List<String> tooLong = new ArrayList<>();
    for (String name : task.getVariableNames()) {
      TypedValue value = task.getVariableTyped(name, false);
      if (value instanceof StringValue text && text.getValue() != null && text.getValue().length() > MAX_CHARS) {
        tooLong.add(String.format(Locale.ROOT, "'%s' has %,d characters", name, text.getValue().length()));
      }
    }
    if (!tooLong.isEmpty()) {
      throw new InvalidTaskInputException(String.join("; ", tooLong) + String.format(Locale.ROOT,
          ": at most %,d characters fit in one field. Shorten the text and complete the task again.", MAX_CHARS));
    }
  }
}
