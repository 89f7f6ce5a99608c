package io.videocallsupport.session;

import org.camunda.bpm.engine.ProcessEngineException;

/** Input the agent must correct; Tasklist shows the message and keeps the task open. */
public class InvalidTaskInputException extends ProcessEngineException {

  public InvalidTaskInputException(String message) {
    super(message);
  }
}
