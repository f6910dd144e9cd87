package org.baton.decisions;

import org.baton.identity.BatonUser;

/**
 * Who may do what to a recorded decision; the only place these rules are written. Pages and API ask
 * it, through the services, and view models carry its answers.
 *
 * <ul>
 *   <li>Reverse: the decider, or an admin (the operator account included), and only a decision that
 *       has no reversal or supersession yet.
 *   <li>Supersede: with a decision of the same type, by its decider, an admin who is a person, or a
 *       person who holds authority over that type at that amount today ({@code holdsAuthority}: the
 *       check, asked by the caller); only while it has no reversal or supersession.
 *   <li>Dispute the advice named on it: only a person the decider named as an adviser, once.
 *   <li>See a request to decide: its requester, the holder asked, and admins; to anyone else it
 *       does not exist.
 *   <li>Answer a request to decide (approve or decline): the holder asked alone, while it is open.
 *   <li>Ask a holder: a person, never oneself, and only for what is outside one's own authority and
 *       inside the holder's ({@code HolderRequests}, from the check).
 * </ul>
 */
final class DecisionPermissions {

  private DecisionPermissions() {}

  static boolean mayReverse(BatonUser actor, Decision decision) {
    return decision.kind() == Decision.Kind.DECISION
        && (actor.isAdmin() || isDecider(actor, decision));
  }

  static boolean maySupersede(BatonUser actor, Decision decision, boolean holdsAuthority) {
    return decision.kind() == Decision.Kind.DECISION
        && actor.personId() != null
        && (actor.isAdmin() || isDecider(actor, decision) || holdsAuthority);
  }

  static boolean mayDisputeAdvice(BatonUser actor, java.util.List<NamedAdvice.Named> named) {
    return actor.personId() != null
        && named.stream().anyMatch(n -> n.personId() == actor.personId() && n.disputedAt() == null);
  }

  static boolean maySeeRequest(BatonUser actor, HolderRequest request) {
    return actor.isAdmin()
        || actor.isPerson(request.holderPersonId())
        || actor.isPerson(request.requesterPersonId());
  }

  static boolean mayAnswerRequest(BatonUser actor, HolderRequest request) {
    return actor.isPerson(request.holderPersonId());
  }

  private static boolean isDecider(BatonUser actor, Decision decision) {
    return actor.isPerson(decision.deciderPersonId());
  }
}
