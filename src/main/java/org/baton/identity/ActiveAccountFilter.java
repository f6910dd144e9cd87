package org.baton.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session as soon as its account may no longer sign in (its person was
 * deactivated): the session is invalidated and the request goes on unauthenticated, so pages send
 * it to sign-in and the API answers 401. One primary-key lookup per session request; it asks the
 * database, not this server's memory, so a deactivation on one server ends sessions on all.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

  private final AccountRepository accounts;

  ActiveAccountFilter(AccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!SecurityConfiguration.hasBearerToken(request)
        && authentication != null
        && authentication.getPrincipal() instanceof BatonUser user
        && !accounts.maySignIn(user.accountId())) {
      SecurityContextHolder.clearContext();
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
    }
    chain.doFilter(request, response);
  }
}
