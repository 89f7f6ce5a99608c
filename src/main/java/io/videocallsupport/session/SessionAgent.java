package io.videocallsupport.session;

import io.videocallsupport.security.AgentDirectory;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The user id of someone who works sessions (a member of agents or team-leads); null or empty
 * leaves the session to the agents group. Checked against Camunda's users, so it needs Spring's
 * validator (which injects the directory).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SessionAgent.Validator.class)
public @interface SessionAgent {

  String message() default "must be the user id of an agent or team lead";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<SessionAgent, String> {

    private final AgentDirectory agents;

    Validator(AgentDirectory agents) {
      this.agents = agents;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || agents.worksSessions(value.trim());
    }
  }
}
