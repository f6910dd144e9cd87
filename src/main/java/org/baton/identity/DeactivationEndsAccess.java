package org.baton.identity;

import org.baton.directory.PersonDeactivated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a person is deactivated, their API tokens are revoked in the same transaction (so a later
 * reactivation does not revive them); their sessions end on their next request, on any server, by
 * {@link ActiveAccountFilter}.
 */
@Component
class DeactivationEndsAccess {

  private final AccountRepository accounts;
  private final ApiTokens tokens;

  DeactivationEndsAccess(AccountRepository accounts, ApiTokens tokens) {
    this.accounts = accounts;
    this.tokens = tokens;
  }

  @EventListener
  void on(PersonDeactivated event) {
    accounts.findByPerson(event.personId()).ifPresent(account -> tokens.revokeAll(account.id()));
  }
}
