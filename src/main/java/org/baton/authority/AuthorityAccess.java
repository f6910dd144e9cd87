package org.baton.authority;

import org.baton.identity.BatonUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Refuses in one way for the authority module: asks {@link AuthorityPermissions} and, when it says
 * no, answers forbidden with the reason in words. Services and pages call these before they act;
 * none of them decides who may do what itself.
 */
final class AuthorityAccess {

  private AuthorityAccess() {}

  /** A check is for oneself, unless an admin or an integration with the permission asks. */
  static void checkFor(BatonUser actor, long personId) {
    refuseUnless(
        AuthorityPermissions.mayCheckFor(actor, personId),
        "Checking for someone else needs the permission to check for others.");
  }

  /** A new rule is made by an admin. */
  static void makeRules(BatonUser actor) {
    refuseUnless(AuthorityPermissions.mayMakeRules(actor), "Only admins make rules.");
  }

  /** A rule is changed by its owner or an admin. */
  static void change(BatonUser actor, AuthorityRule rule) {
    refuseUnless(
        AuthorityPermissions.mayChange(actor, rule),
        "Only the rule's owner or an admin may change it.");
  }

  /** A proposed change is answered by an admin other than its proposer. */
  static void answer(BatonUser actor, RuleChange change) {
    refuseUnless(
        AuthorityPermissions.mayAnswer(actor, change),
        "Only an admin other than its proposer answers a change.");
  }

  /** A person's limit is raised (or the raise previewed) by the owner of the rule limiting them. */
  static void raise(BatonUser actor, LimitRaises.Standing standing) {
    refuseUnless(
        AuthorityPermissions.mayRaise(actor, standing),
        "Only the owner of the rule that limits this person raises their limit.");
  }

  /** A delegation is ended early by its delegator, its delegate or an admin. */
  static void end(BatonUser actor, Delegation delegation) {
    refuseUnless(
        AuthorityPermissions.mayEnd(actor, delegation),
        "Only the delegator, the delegate or an admin ends a delegation.");
  }

  private static void refuseUnless(boolean allowed, String why) {
    if (!allowed) {
      throw new AccessDeniedException(why);
    }
  }
}
