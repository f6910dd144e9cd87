package org.baton.roles;

import java.util.ArrayList;
import java.util.List;
import org.baton.authority.AuthorityAdministration;
import org.baton.identity.BatonUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what with roles; every page and API route asks here.
 *
 * <ul>
 *   <li>Circles, roles, their holders and history, and open roles: every member reads them (a role
 *       and who holds it is no secret: others need to know whom to ask).
 *   <li>Make a circle and name its lead: admins.
 *   <li>Make and change a circle's roles, open and close them, hand a role to someone or end
 *       someone's holding: the circle's lead, and admins.
 *   <li>A role that holds authority rules grants their authority to a holder (the lead herself
 *       included) only with the approval of each rule's owner, or of an admin: until then the
 *       holding is proposed, shown on the role, and grants nothing. An owner's own hand-over counts
 *       as her approval, except to herself (then an admin approves); an admin's hand-over needs
 *       none, except to herself. Nobody approves a holding of their own. The approvals a holding
 *       waits for follow the role's rules and owners as they are when someone approves. Seats and
 *       rules change under the same bound: a new seat grants nothing until a holding of it is
 *       approved, and a rule that names a role is a widening an admin approves.
 *   <li>Leave a role: its holder.
 *   <li>Apply to an open role: any person, once while an application is live, not to a role they
 *       hold. Withdraw: the applicant.
 *   <li>An application and its thread: the applicant, the circle's lead and the applicant's team
 *       leader (asked when they applied) only; not admins, not the other applicants. For anyone
 *       else it does not exist (404). The applicant and the lead write in the thread; the team
 *       leader reads it and answers about the time.
 *   <li>Propose a match: the lead or the applicant; agree it: the other of the two. Decline: the
 *       lead, with a reason the applicant sees.
 *   <li>A person's role profile (open to roles, interests, hours): they change their own; the hours
 *       committed against what they can give are shown on their page to everyone.
 * </ul>
 */
@Component
class RolesPermissions {

  /** An approval a holding needs: of a rule, by its owner (null: an admin). */
  record Approval(long ruleId, Long approverPersonId) {}

  /** The approvals missing before a holding given by {@code actor} to a person grants anything. */
  static List<Approval> approvalsNeeded(
      BatonUser actor, long toPersonId, List<AuthorityAdministration.RoleRuleOwner> rules) {
    if (actor.isAdmin() && !Long.valueOf(toPersonId).equals(actor.personId())) {
      return List.of();
    }
    List<Approval> needed = new ArrayList<>();
    for (AuthorityAdministration.RoleRuleOwner rule : rules) {
      Long owner = rule.ownerPersonId();
      boolean ownersOwnHandOver =
          owner != null && owner.equals(actor.personId()) && owner != toPersonId;
      if (!ownersOwnHandOver) {
        needed.add(
            new Approval(rule.ruleId(), owner == null || owner == toPersonId ? null : owner));
      }
    }
    return needed;
  }

  /** Whether the actor may give an approval a holding waits for (never to themselves). */
  static boolean mayApprove(BatonUser actor, long holderPersonId, Long approverPersonId) {
    if (Long.valueOf(holderPersonId).equals(actor.personId())) {
      return false; // nobody approves authority for themselves, an admin neither
    }
    return actor.isAdmin()
        || (approverPersonId != null && approverPersonId.equals(actor.personId()));
  }

  boolean leads(BatonUser actor, Circle circle) {
    return actor.isPerson(circle.leadPersonId());
  }

  boolean mayKeepRoles(BatonUser actor, Circle circle) {
    return actor.isAdmin() || leads(actor, circle);
  }

  void requireKeepRoles(BatonUser actor, Circle circle) {
    if (!mayKeepRoles(actor, circle)) {
      throw new AccessDeniedException("Only the circle's lead or an admin keeps its roles.");
    }
  }

  void requireAdmin(BatonUser actor) {
    if (!actor.isAdmin()) {
      throw new AccessDeniedException("Only admins make circles.");
    }
  }

  long requirePerson(BatonUser actor) {
    return actor.requirePerson("person", "only people in the directory take roles.");
  }

  boolean isApplicant(BatonUser actor, RoleApplication application) {
    return actor.isPerson(application.applicant().id());
  }

  boolean isTeamLeader(BatonUser actor, RoleApplication application) {
    return actor.personId() != null
        && application.teamLeader() != null
        && actor.isPerson(application.teamLeader().id());
  }

  boolean maySee(BatonUser actor, RoleApplication application, Circle circle) {
    return isApplicant(actor, application)
        || leads(actor, circle)
        || isTeamLeader(actor, application);
  }

  /** The two sides of the conversation. */
  boolean mayWrite(BatonUser actor, RoleApplication application, Circle circle) {
    return isApplicant(actor, application) || leads(actor, circle);
  }

  /** Writing in an application's thread, or agreeing its match ({@code what}): its two sides. */
  void requireWrite(BatonUser actor, RoleApplication application, Circle circle, String what) {
    if (!mayWrite(actor, application, circle)) {
      throw new AccessDeniedException("Only the applicant and the circle's lead " + what + ".");
    }
  }

  /** The time an application asks for is answered by the applicant's team leader. */
  void requireTeamLeader(BatonUser actor, RoleApplication application) {
    if (!isTeamLeader(actor, application)) {
      throw new AccessDeniedException("Only the applicant's team leader answers about the time.");
    }
  }

  /** An application is declined by the circle's lead. */
  void requireLead(BatonUser actor, Circle circle) {
    if (!leads(actor, circle)) {
      throw new AccessDeniedException("Only the circle's lead declines an application.");
    }
  }

  /** An application is withdrawn by its applicant. */
  void requireApplicant(BatonUser actor, RoleApplication application) {
    if (!isApplicant(actor, application)) {
      throw new AccessDeniedException("Only the applicant withdraws an application.");
    }
  }

  /**
   * A holding waiting for approvals is approved by the owners of the role's rules (or an admin):
   * refused when approvals wait and none of them is the actor's ({@link #mayApprove}).
   */
  static void requireAnApproval(boolean anyWaiting, boolean anyOfTheActor) {
    if (anyWaiting && !anyOfTheActor) {
      throw new AccessDeniedException(
          "Only the owners of the role's rules, or an admin, approve who holds its authority.");
    }
  }
}
