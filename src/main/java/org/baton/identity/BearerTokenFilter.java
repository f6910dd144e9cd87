package org.baton.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <token>}. A wrong or revoked
 * token is refused at once with a 401 problem, rather than falling back to anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

  private final ApiTokens tokens;
  private final AuthenticationEntryPoint problems;

  BearerTokenFilter(ApiTokens tokens, AuthenticationEntryPoint problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SecurityConfiguration.hasBearerToken(request)) {
      chain.doFilter(request, response);
      return;
    }
    String secret = request.getHeader("Authorization").substring(7).strip();
    Optional<BatonUser> user = tokens.authenticate(secret);
    if (user.isEmpty()) {
      problems.commence(
          request, response, new BadCredentialsException("The API token is unknown or revoked."));
      return;
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            user.get(), null, user.get().getAuthorities()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
