package org.baton.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.baton.platform.TextLimits;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query or form parameter with a NUL character, or longer than any text Baton takes ({@link
 * TextLimits#ANY}), is refused with a 400 naming the parameter, before any controller: no text
 * field can store a NUL, and no page should answer either with a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SafeTextParameters extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String field = offendingParameter(request);
    if (field == null) {
      field = tooLongParameter(request);
    }
    if (field == null) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    String name = field.replaceAll("[^A-Za-z0-9_.\\[\\]-]", "?");
    response
        .getWriter()
        .write(
            "{\"type\":\"https://baton.example/problems/validation\",\"title\":\"Invalid input\","
                + "\"status\":400,\"detail\":\"Some fields are invalid: "
                + name
                + "\",\"errors\":[{\"field\":\""
                + name
                + "\",\"message\":\""
                + (offendingParameter(request) != null
                    ? "Text may not contain NUL characters or half of a character."
                    : "Text is at most " + TextLimits.ANY + " characters.")
                + "\"}]}");
  }

  private static String offendingParameter(HttpServletRequest request) {
    for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
      if (entry.getKey().indexOf('\u0000') >= 0) {
        return entry.getKey();
      }
      for (String value : entry.getValue()) {
        if (value != null
            && (value.indexOf('\u0000') >= 0 || StrictJson.hasUnpairedSurrogate(value))) {
          return entry.getKey();
        }
      }
    }
    return null;
  }

  private static String tooLongParameter(HttpServletRequest request) {
    for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
      for (String value : entry.getValue()) {
        if (value != null && value.length() > TextLimits.ANY) {
          return entry.getKey();
        }
      }
    }
    return null;
  }
}
