package io.videocallsupport.session;

import io.videocallsupport.session.InvalidSessionStartException.FieldProblem;
import io.videocallsupport.session.SessionValues.CustomerTier;
import io.videocallsupport.session.SessionValues.IssueCategory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The rules a session start must pass, the same on every path: the API validates its body with
 * them ({@code @Valid}), and "Register session" applies them to the start variables of Tasklist's
 * start form and of engine-rest starts, synchronously in the start's transaction, so that an
 * invalid start creates nothing.
 */
@Component
public class SessionStartRules {

  private static final List<String> FIELD_ORDER = Arrays.stream(StartSessionRequest.class.getRecordComponents())
      .map(c -> c.getName()).toList();

  /** What "Fix contact details" can correct after the start, when a help desk start says so. */
  private static final java.util.Set<String> CONTACT_FIELDS = java.util.Set.of("customerEmail", "customerMobile");

  private final Validator validator;

  SessionStartRules(Validator validator) {
    this.validator = validator;
  }

  /** What is wrong with a start, field by field in the order of the form; empty when it may go ahead. */
  public List<FieldProblem> problems(StartSessionRequest request) {
    return sorted(validator.validate(request).stream().map(SessionStartRules::problem).toList());
  }

  /**
   * Reads a start from process variables as the form or an engine-rest client sent them, and
   * checks it; the process's business key, when one was given, must be the ticket id.
   *
   * @throws InvalidSessionStartException naming every invalid field
   */
  public StartSessionRequest fromProcessStart(Map<String, Object> variables, String businessKey) {
    Variables read = new Variables(variables);
    StartSessionRequest request = new StartSessionRequest(
        read.text("ticketId"), read.text("ticketSubject"), read.text("customerName"), read.text("customerEmail"),
        read.text("customerMobile"), read.text("customerTimeZone"), read.text("customerLocale"),
        read.text("jurisdictionCountry"), read.text("jurisdictionRegion"),
        read.choice("issueCategory", IssueCategory.class), read.wholeNumber("textExchangeCount"),
        read.choice("customerTier", CustomerTier.class), read.flag("declinedVideoBefore"), read.flag("hasCamera"),
        read.flag("customerAskedForVideo"), read.text("agentId"));
    List<FieldProblem> problems = new ArrayList<>(read.problems);
    boolean contactDetailsToFix = Boolean.TRUE.equals(read.flag(SessionVariables.CONTACT_DETAILS_TO_FIX.getName()));
    for (FieldProblem problem : problems(request)) {
      boolean fixedLater = contactDetailsToFix && CONTACT_FIELDS.contains(problem.field());
      if (!read.unreadable.contains(problem.field()) && !fixedLater) {
        problems.add(problem);
      }
    }
    if (businessKey != null && request.ticketId() != null && !businessKey.equals(request.ticketId())) {
      problems.add(new FieldProblem("businessKey", "must be empty or the ticket id (" + request.ticketId() + ")"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidSessionStartException(sorted(problems));
    }
    return request;
  }

  private static FieldProblem problem(ConstraintViolation<StartSessionRequest> violation) {
    return new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage());
  }

  /** One problem per field (the first), in the form's order; unknown fields last. */
  private static List<FieldProblem> sorted(List<FieldProblem> problems) {
    Map<String, FieldProblem> byField = problems.stream().collect(Collectors.toMap(FieldProblem::field,
        Function.identity(), (first, second) -> first, LinkedHashMap::new));
    return byField.values().stream()
        .sorted(Comparator.comparingInt(p -> {
          int index = FIELD_ORDER.indexOf(p.field());
          return index < 0 ? Integer.MAX_VALUE : index;
        }))
        .toList();
  }

  /** Start variables by type: engine-rest clients can send any type, and a wrong one is a field problem. */
  private static final class Variables {

    private final Map<String, Object> values;
    private final List<FieldProblem> problems = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();

    Variables(Map<String, Object> values) {
      this.values = values;
    }

    String text(String name) {
      Object value = values.get(name);
      if (value == null || value instanceof String) {
        return (String) value;
      }
      return wrongType(name, "must be text");
    }

    Integer wholeNumber(String name) {
      Object value = values.get(name);
      if (value == null) {
        return null;
      }
      if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
          && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
        return n.intValue();
      }
      return wrongType(name, "must be a whole number");
    }

    Boolean flag(String name) {
      Object value = values.get(name);
      if (value == null || value instanceof Boolean) {
        return (Boolean) value;
      }
      return wrongType(name, "must be true or false");
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
      Object value = values.get(name);
      if (value == null || (value instanceof String s && s.isBlank())) {
        return null;
      }
      if (value instanceof String s) {
        for (E option : type.getEnumConstants()) {
          if (option.name().equals(s.trim().toUpperCase(Locale.ROOT))) {
            return option;
          }
        }
      }
      return wrongType(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
          .collect(Collectors.joining(", ")));
    }

    private <T> T wrongType(String name, String message) {
      problems.add(new FieldProblem(name, message));
      unreadable.add(name);
      return null;
    }
  }
}
