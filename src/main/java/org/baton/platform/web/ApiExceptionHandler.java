package org.baton.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every API error is an RFC 9457 problem detail. Invalid fields are listed under {@code errors} as
 * {@code {field, message}}; nothing internal (stack traces, SQL) ever reaches the caller.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final URI VALIDATION = URI.create("https://baton.example/problems/validation");

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return validationProblem(HttpStatus.UNPROCESSABLE_CONTENT, e.problems());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
    return validationProblem(
        HttpStatus.BAD_REQUEST,
        List.of(new FieldProblem(e.getName(), "is not a valid value: " + e.getValue())));
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException e) {
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.FORBIDDEN, "You are not allowed to do this.");
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception e) {
    log.error("Unexpected error in an API call", e);
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; it has been logged.");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
            .toList();
    return ResponseEntity.badRequest().body(validationProblem(HttpStatus.BAD_REQUEST, problems));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field = fieldOf(e);
    if (field != null && reason(e).contains(StrictJson.UNPAIRED_SURROGATE)) {
      // well-formed JSON with a value no text field can keep: the field's problem, as for rules
      return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
          .body(
              validationProblem(
                  HttpStatus.UNPROCESSABLE_CONTENT,
                  List.of(new FieldProblem(field, StrictJson.UNPAIRED_SURROGATE))));
    }
    if (field != null) {
      return ResponseEntity.badRequest()
          .body(
              validationProblem(
                  HttpStatus.BAD_REQUEST, List.of(new FieldProblem(field, reason(e)))));
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            "The request body is not valid JSON for this call: " + reason(e));
    return ResponseEntity.badRequest().body(problem);
  }

  /** Where in the body the parser stopped, as people write it: rules[2].limit, panel[0]. */
  private static String fieldOf(HttpMessageNotReadableException e) {
    if (!(e.getMostSpecificCause() instanceof JacksonException parsing)
        || parsing.getPath() == null
        || parsing.getPath().isEmpty()) {
      return null;
    }
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : parsing.getPath()) {
      if (reference.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? null : path.toString();
  }

  /**
   * A value the database refused that no check caught (a text past its column, a broken
   * constraint): the caller's input, not our failure, so a 422 rather than a 500. The transaction
   * has rolled back, so nothing is half-saved.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail refusedByTheDatabase(DataIntegrityViolationException e) {
    log.warn(
        "The database refused a value no check caught: {}", e.getMostSpecificCause().getMessage());
    return validationProblem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        List.of(new FieldProblem("body", "A value is too long or not allowed here.")));
  }

  /** The parser's first line says what and where; the rest would leak class names. */
  private static String reason(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    String message = cause.getMessage() == null ? "unreadable" : cause.getMessage();
    message = message.lines().findFirst().orElse(message);
    return message.replaceAll("\\(class [^)]*\\)", "").replaceAll("`[a-z]+(\\.[A-Za-z$]+)+`", "");
  }

  static ProblemDetail validationProblem(HttpStatus status, List<FieldProblem> problems) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(status, "Some fields are invalid: " + fieldsOf(problems));
    problem.setType(VALIDATION);
    problem.setTitle("Invalid input");
    problem.setProperty(
        "errors",
        problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
    return problem;
  }

  private static String fieldsOf(List<FieldProblem> problems) {
    return String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList());
  }
}
