package io.videocallsupport.session;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Clear errors for the application's API, as RFC 9457 problem details. */
@RestControllerAdvice(basePackages = "io.videocallsupport")
class ApiErrors {

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request has invalid fields; nothing was started.");
    List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
        .map(f -> Map.<String, Object>of("field", f.getField(), "message",
            f.getDefaultMessage() == null ? "is invalid" : f.getDefaultMessage()))
        .toList();
    problem.setProperty("errors", errors);
    return problem;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The request body is not valid JSON for this API (check field types and enum values); nothing was started.");
  }

  /** The process start found what {@code @Valid} cannot see beforehand (e.g. an agent removed meanwhile). */
  @ExceptionHandler(InvalidSessionStartException.class)
  ProblemDetail invalidStart(InvalidSessionStartException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setProperty("errors", e.problems().stream()
        .map(p -> Map.<String, Object>of("field", p.field(), "message", p.message()))
        .toList());
    return problem;
  }

  @ExceptionHandler(SessionAlreadyOpenException.class)
  ProblemDetail conflict(SessionAlreadyOpenException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
  }

  @ExceptionHandler(SessionNotFoundException.class)
  ProblemDetail notFound(SessionNotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }
}
