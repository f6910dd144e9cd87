package org.baton.authority;

import org.baton.identity.BatonUser;

/** Who may do what with authority: the rules in one place, each a plain question. */
final class AuthorityPermissions {

  static final String CHECK_FOR_OTHERS = "authority:check-others";

  private AuthorityPermissions() {}

  /** Anyone checks for themselves; admins and integrations with the permission for anyone. */
  static boolean mayCheckFor(BatonUser actor, long personId) {
    return actor.isAdmin()
        || actor.hasPermission(CHECK_FOR_OTHERS)
        || (actor.personId() != null && actor.personId() == personId);
  }

  /** Admins change any rule; a rule's owner changes their own. */
  static boolean mayChange(BatonUser actor, AuthorityRule rule) {
    return actor.isAdmin()
        || (actor.personId() != null && actor.personId().equals(rule.ownerPersonId()));
  }
}
