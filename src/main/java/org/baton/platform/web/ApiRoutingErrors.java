package org.baton.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Errors raised before a handler is chosen (a body of another content type, a method the path does
 * not take) reach no controller advice that is limited to REST controllers. On the API they are
 * problem details like every other error; on pages they go on to the error page unchanged.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRoutingErrors {

  @ExceptionHandler({
    HttpMediaTypeNotSupportedException.class,
    HttpMediaTypeNotAcceptableException.class,
    HttpRequestMethodNotSupportedException.class
  })
  ResponseEntity<ProblemDetail> beforeAnyHandler(Exception e, HttpServletRequest request)
      throws Exception {
    if (!request.getRequestURI().startsWith("/api/")) {
      throw e; // the same exception: the next resolver answers as it always did
    }
    ErrorResponse error = (ErrorResponse) e;
    return ResponseEntity.status(error.getStatusCode())
        .headers(error.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(error.getBody());
  }
}
