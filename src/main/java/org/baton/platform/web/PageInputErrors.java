package org.baton.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A page asked for with a value it cannot read (a page key Baton did not give, a date that is not
 * one) answers 400 with a page naming the value, as the API answers with a problem naming the
 * field; never a 500. Forms handle their own problems and show them beside the fields; this catches
 * only what reaches no form. API controllers have their own, earlier advice ({@link
 * ApiExceptionHandler}).
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageInputErrors {

  @ExceptionHandler(InvalidInputException.class)
  String invalid(InvalidInputException e, Model model, HttpServletResponse response) {
    return page(e.problems(), model, response);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String typeMismatch(
      MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
    return page(
        List.of(new FieldProblem(e.getName(), "This is not a value Baton can read here.")),
        model,
        response);
  }

  private static String page(
      List<FieldProblem> problems, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("status", 400);
    model.addAttribute("problems", problems);
    return "error";
  }
}
