package io.videocallsupport.session;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input the agent must correct; Tasklist shows the message and keeps the task open. It is a form
 * validation failure because that is what the engine's REST API answers with 400 on completing or
 * submitting a task; any other engine exception there becomes a 500.
 */
public class InvalidTaskInputException extends FormFieldValidationException {

  public InvalidTaskInputException(String message) {
    super(null, message);
  }
}
