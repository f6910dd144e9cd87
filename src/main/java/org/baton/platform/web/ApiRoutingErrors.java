package org.baton.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
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
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Errors raised before a handler is chosen (a body of another content type, a method the path does
 * not take) reach no controller advice that is limited to REST controllers. On the API they are
 * problem details like every other error; on pages they go on to the error page unchanged, but one:
 * a form refused and shown again leaves its own address in the browser (where it was sent), and a
 * reload, a restored phone tab or a shared link then asks for that address. Instead of "something
 * went wrong" the person is taken to the page the form lives on: the address with {@code /new} (a
 * new review, a new person), or the one above it (the role an application was sent from).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiRoutingErrors {

  private final RequestMappingHandlerMapping mappings;

  ApiRoutingErrors(
      @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
    this.mappings = mappings;
  }

  @ExceptionHandler({
    HttpMediaTypeNotSupportedException.class,
    HttpMediaTypeNotAcceptableException.class,
    HttpRequestMethodNotSupportedException.class
  })
  ResponseEntity<ProblemDetail> beforeAnyHandler(
      Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
    if (!request.getRequestURI().startsWith("/api/")) {
      String page = e instanceof HttpRequestMethodNotSupportedException ? formsPage(request) : null;
      if (page == null) {
        throw e; // the same exception: the next resolver answers as it always did
      }
      response.sendRedirect(page);
      return null; // answered
    }
    ErrorResponse error = (ErrorResponse) e;
    return ResponseEntity.status(error.getStatusCode())
        .headers(error.getHeaders())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(error.getBody());
  }

  /** For a GET of a form's address, the page the form lives on; null when there is none. */
  private String formsPage(HttpServletRequest request) throws Exception {
    String path = request.getRequestURI();
    if (!"GET".equals(request.getMethod())) {
      return null;
    }
    String above = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    for (String page : List.of(path + "/new", above)) {
      if (!page.isEmpty() && isPage(request, page)) {
        return page;
      }
    }
    return null;
  }

  /** Whether a GET of {@code path} reaches one of Baton's pages. */
  private boolean isPage(HttpServletRequest request, String path) throws Exception {
    HttpServletRequest asked =
        new HttpServletRequestWrapper(request) {
          @Override
          public String getRequestURI() {
            return path;
          }

          @Override
          public String getServletPath() {
            return path;
          }

          @Override
          public String getPathInfo() {
            return null;
          }
        };
    ServletRequestPathUtils.parseAndCache(asked);
    try {
      return mappings.getHandler(asked) != null;
    } catch (HttpRequestMethodNotSupportedException notAPage) {
      return false;
    }
  }
}
