package org.baton.decisions;

import org.baton.identity.BatonUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Refuses in one way for the decision record: asks {@link DecisionPermissions} and, when it says
 * no, answers forbidden with the reason in words. A decision or request one may not see is not
 * found before it gets here (the services' {@code find}).
 */
final class DecisionAccess {

  private DecisionAccess() {}

  /** A decision is reversed by its decider or an admin. */
  static void reverse(BatonUser actor, Decision decision) {
    refuseUnless(
        DecisionPermissions.mayReverse(actor, decision),
        "Only the decider or an admin reverses a decision.");
  }

  /** A decision is superseded by its decider, an admin, or who holds authority over it. */
  static void supersede(BatonUser actor, Decision decision, boolean holdsAuthority) {
    refuseUnless(
        DecisionPermissions.maySupersede(actor, decision, holdsAuthority),
        "Only its decider, an admin, or someone who holds authority over this decision"
            + " supersedes it.");
  }

  /** A request to decide is answered by the person asked. */
  static void answerRequest(BatonUser actor, HolderRequest request) {
    refuseUnless(
        DecisionPermissions.mayAnswerRequest(actor, request),
        "Only the person asked answers a request.");
  }

  private static void refuseUnless(boolean allowed, String why) {
    if (!allowed) {
      throw new AccessDeniedException(why);
    }
  }
}
