package org.baton.identity;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every sign-in session of an account, on every server (sessions live in the database): when
 * its password is set from a link (whoever held the old one is signed out) and when its person is
 * deactivated (so that reactivating does not revive a session). API tokens are not sessions and
 * stay.
 */
@Component
class SignedInSessions {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;
  private final Accounts accounts;

  SignedInSessions(
      FindByIndexNameSessionRepository<? extends Session> sessions, Accounts accounts) {
    this.sessions = sessions;
    this.accounts = accounts;
  }

  /**
   * Deletes the sessions signed in to this account, found by the name they signed in as (a person's
   * e-mail address, or an operator's user name); how many there were.
   */
  int endAll(long accountId) {
    return accounts
        .findUser(accountId)
        .map(
            user -> {
              var signedIn = sessions.findByPrincipalName(user.getUsername()).keySet();
              signedIn.forEach(sessions::deleteById);
              return signedIn.size();
            })
        .orElse(0);
  }
}
