package org.baton.platform;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs start-up work (bootstrap, the demo organisation) through the same guarded services a person
 * uses, as the system with admin rights, instead of through back doors.
 */
public final class SystemTask {

  private SystemTask() {}

  public static <T> T runAsAdmin(Supplier<T> task) {
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext system = SecurityContextHolder.createEmptyContext();
    system.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            "system", null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
    SecurityContextHolder.setContext(system);
    try {
      return task.get();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
