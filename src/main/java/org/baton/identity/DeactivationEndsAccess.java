package org.baton.identity;

import org.baton.directory.PersonDeactivated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a person is deactivated, their API tokens are revoked in the same transaction and their
 * sign-in sessions are deleted, so that a later reactivation revives neither; a session that is in
 * the middle of a request ends on its next one, on any server, by {@link ActiveAccountFilter}.
 */
@Component
class DeactivationEndsAccess {

  private final AccountRepository accounts;
  private final ApiTokens tokens;
  private final SignedInSessions sessions;

  DeactivationEndsAccess(AccountRepository accounts, ApiTokens tokens, SignedInSessions sessions) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.tokens = tokens;
  }

  @EventListener
  void on(PersonDeactivated event) {
    accounts
        .findByPerson(event.personId())
        .ifPresent(
            account -> {
              tokens.revokeAll(account.id());
              sessions.endAll(account.id());
            });
  }
}
