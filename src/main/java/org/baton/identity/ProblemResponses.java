package org.baton.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 for the API as RFC 9457 problem details, not a redirect to the sign-in page. */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer");
    String detail =
        e.getMessage() != null && e.getMessage().contains("token")
            ? e.getMessage()
            : "Sign in, or send a personal API token as 'Authorization: Bearer <token>'.";
    write(response, 401, "Unauthorized", detail);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    String detail =
        e.getClass().getSimpleName().contains("Csrf")
            ? "The CSRF token is missing or wrong; send it as the X-CSRF-TOKEN header."
            : "You are not allowed to do this.";
    write(response, 403, "Forbidden", detail);
  }

  private static void write(HttpServletResponse response, int status, String title, String detail)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\""
                + title
                + "\",\"status\":"
                + status
                + ",\"detail\":\""
                + detail.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}");
  }
}
