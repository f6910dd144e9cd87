package org.baton.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page asked for with a value it cannot read (a page key Baton did not give, a date that is not
 * one) answers 400 with a page naming the value, as the API answers with a problem naming the
 * field; never a 500. Forms handle their own problems and show them beside the fields; this catches
 * only what reaches no form. REST controllers have their own, earlier advice ({@link
 * ApiExceptionHandler}); the few API routes served by page controllers (an event stream, a
 * calendar) get a problem detail here too.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageInputErrors {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @ExceptionHandler(InvalidInputException.class)
  ModelAndView invalid(
      InvalidInputException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    return answer(e.problems(), HttpStatus.UNPROCESSABLE_CONTENT, request, response);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ModelAndView typeMismatch(
      MethodArgumentTypeMismatchException e,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    return answer(
        List.of(new FieldProblem(e.getName(), "This is not a value Baton can read here.")),
        HttpStatus.BAD_REQUEST,
        request,
        response);
  }

  /** The error page naming each value; on an API route, a problem detail written as JSON. */
  private static ModelAndView answer(
      List<FieldProblem> problems,
      HttpStatus apiStatus,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    if (request.getRequestURI().startsWith("/api/")) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "https://baton.example/problems/validation");
      problem.put("title", "Invalid input");
      problem.put("status", apiStatus.value());
      problem.put("detail", "Some values are invalid.");
      problem.put("instance", request.getRequestURI());
      problem.put(
          "errors",
          problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
      response.setStatus(apiStatus.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      JSON.writeValue(response.getWriter(), problem);
      return null; // answered
    }
    // what only people do, asked by an operator account or a token: the same 422 as the API, and a
    // page that says so in words rather than "not understood"
    boolean notAPerson =
        !problems.isEmpty()
            && problems.stream().allMatch(p -> p.message().startsWith("Sign in as yourself"));
    HttpStatus status = notAPerson ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
    ModelAndView page = new ModelAndView("error", status);
    page.addObject("status", status.value());
    page.addObject("notAPerson", notAPerson);
    page.addObject("problems", problems);
    return page;
  }
}
