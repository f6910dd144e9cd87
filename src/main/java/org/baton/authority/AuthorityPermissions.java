package org.baton.authority;

import java.util.List;
import org.baton.identity.BatonUser;

/** Who may do what with authority: the rules in one place, each a plain question. */
final class AuthorityPermissions {

  static final String CHECK_FOR_OTHERS = "authority:check-others";

  private AuthorityPermissions() {}

  /** Anyone checks for themselves; admins and integrations with the permission for anyone. */
  static boolean mayCheckFor(BatonUser actor, long personId) {
    return actor.isAdmin() || actor.hasPermission(CHECK_FOR_OTHERS) || actor.isPerson(personId);
  }

  /**
   * Whether a past question (a logged check or a recorded decision) may be shown or counted to this
   * actor, in previews and anything else that replays them: questions of a confidential type only
   * to admins and to the person who asked; the same bounds as confidential decisions.
   */
  static boolean maySee(BatonUser actor, PastQuestion question, DecisionType type) {
    return type == null
        || !type.confidential()
        || actor.isAdmin()
        || actor.isPerson(question.personId());
  }

  /**
   * Whether a change the actor may make applies at once: an admin's always; an owner's only when it
   * widens nothing. Otherwise it waits for an admin's approval.
   */
  static boolean mayChangeAtOnce(BatonUser actor, List<RuleChangePolicy.Widening> widenings) {
    return actor.isAdmin() || widenings.isEmpty();
  }

  /** Admins approve or decline proposed changes; nobody approves their own. */
  static boolean mayAnswer(BatonUser actor, RuleChange change) {
    return actor.isAdmin()
        && (actor.personId() == null || actor.personId() != change.proposedByPersonId());
  }

  /** Admins see every proposed change; a person sees the ones they proposed. */
  static boolean maySee(BatonUser actor, RuleChange change) {
    return actor.isAdmin() || actor.isPerson(change.proposedByPersonId());
  }

  /** Admins make new rules; a person's own authority grows through a rule's owner instead. */
  static boolean mayMakeRules(BatonUser actor) {
    return actor.isAdmin();
  }

  /** The delegator, the delegate or an admin ends a delegation early. */
  static boolean mayEnd(BatonUser actor, Delegation delegation) {
    return actor.isAdmin()
        || actor.isPerson(delegation.fromPersonId())
        || actor.isPerson(delegation.toPersonId());
  }

  /** Admins change any rule; a rule's owner changes their own (see {@link #mayChangeAtOnce}). */
  static boolean mayChange(BatonUser actor, AuthorityRule rule) {
    return actor.isAdmin() || actor.isPerson(rule.ownerPersonId());
  }

  /**
   * Previewing a change to a rule against past questions: an admin previews any draft; the rule's
   * owner a draft that keeps its kind of decision and its holder (a higher limit, other advice,
   * other conditions: story 8), and sees only the questions of that kind asked by those holders. A
   * draft that reaches another kind of decision or other holders is previewed by an admin.
   */
  static boolean mayPreview(BatonUser actor, AuthorityRule current, AuthorityRule drafted) {
    return actor.isAdmin()
        || (mayChange(actor, current)
            && current.type().equals(drafted.type())
            && current.holder().equals(drafted.holder()));
  }

  /**
   * Raising a person's limit ({@link LimitRaises}): the owner of the rule that limits them, not an
   * admin as such (admins change rules instead, where every change is proposed and versioned).
   */
  static boolean mayRaise(BatonUser actor, LimitRaises.Standing standing) {
    return actor.isPerson(standing.ownerPersonId());
  }
}
