package org.baton.growth;

import org.baton.authority.LimitRaises;
import org.baton.identity.BatonUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with track records and growth suggestions; every page and API route asks
 * here.
 *
 * <ul>
 *   <li>A track record: the person themselves (all of it); their team leader (every decision type
 *       that is not confidential); the owner of a rule that limits them (the types that rule
 *       limits, confidential ones included). Nobody else, admins included: a record is not a
 *       ranking and is never listed across people.
 *   <li>A growth suggestion: the owner of the rule it would raise, who answers it (approve, decline
 *       with a reason, defer to a date), and the person it concerns, who reads it and the answer.
 *       For anyone else it does not exist (404).
 *   <li>Rebuilding every record from the decision record (after tuning the policy): admins.
 *   <li>Approving raises the limit through {@link LimitRaises}, which asks again whether the actor
 *       owns the rule that limits the person today and holds the new limit herself.
 * </ul>
 */
@Component
class GrowthPermissions {

  void requireAdmin(BatonUser actor) {
    if (!actor.isAdmin()) {
      throw new AccessDeniedException("Only admins rebuild track records.");
    }
  }

  boolean isSelf(BatonUser actor, long personId) {
    return actor.isPerson(personId);
  }

  boolean owns(BatonUser actor, LimitRaises.Standing standing) {
    return LimitRaises.mayRaise(actor, standing);
  }

  static boolean maySeeType(boolean self, boolean leader, boolean owner, boolean confidential) {
    return self || owner || (leader && !confidential);
  }

  boolean maySee(BatonUser actor, GrowthStore.Row suggestion) {
    return mayAnswer(actor, suggestion) || isSelf(actor, suggestion.personId());
  }

  boolean mayAnswer(BatonUser actor, GrowthStore.Row suggestion) {
    return actor.isPerson(suggestion.ownerPersonId());
  }

  void requireAnswer(BatonUser actor, GrowthStore.Row suggestion) {
    if (!mayAnswer(actor, suggestion)) {
      throw new AccessDeniedException("Only the owner of the rule it would raise answers it.");
    }
  }

  /** A track record: the person, their team leader, an owner of a rule that limits them. */
  static boolean maySeeTrackRecord(boolean self, boolean leader, boolean ownsAny) {
    return self || leader || ownsAny;
  }

  static void requireSeeTrackRecord(boolean self, boolean leader, boolean ownsAny) {
    if (!maySeeTrackRecord(self, leader, ownsAny)) {
      throw new AccessDeniedException(
          "A track record is seen by the person, their team leader and the owners of the rules that"
              + " limit them.");
    }
  }
}
