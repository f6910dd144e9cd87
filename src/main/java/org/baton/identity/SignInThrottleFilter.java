package org.baton.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a sign-in attempt for an account or address that failed too often recently. */
class SignInThrottleFilter extends OncePerRequestFilter {

  private static final RequestMatcher SIGN_IN =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

  private final SignInThrottle throttle;

  SignInThrottleFilter(SignInThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean signIn = SIGN_IN.matches(request);
    if (signIn && throttle.isBlocked(request.getParameter("username"), request.getRemoteAddr())) {
      response.sendRedirect(request.getContextPath() + "/login?throttled");
      return;
    }
    chain.doFilter(request, response);
  }
}
