package io.videocallsupport.session;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A session start with invalid fields; nothing was started. The session API and the engine's REST
 * APIs answer 400, and Tasklist's start dialog shows the message.
 *
 * <p>Not a {@code ProcessEngineException} on purpose: engine-rest turns those into a 500 when a
 * process start fails.
 */
public class InvalidSessionStartException extends RuntimeException {

  /** One invalid field, named by its key in the start form and the API. */
  public record FieldProblem(String field, String message) {
  }

  private final List<FieldProblem> problems;

  public InvalidSessionStartException(List<FieldProblem> problems) {
    super("The video session was not started. " + problems.stream()
        .map(p -> p.field() + " " + p.message())
        .collect(Collectors.joining("; ")) + ".");
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
