package org.baton.roles;

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

  boolean leads(BatonUser actor, Circle circle) {
    return actor.personId() != null && actor.personId() == circle.leadPersonId();
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
    if (actor.personId() == null) {
      throw new AccessDeniedException("Only people in the directory take roles.");
    }
    return actor.personId();
  }

  boolean isApplicant(BatonUser actor, RoleApplication application) {
    return actor.personId() != null && actor.personId() == application.applicant().id();
  }

  boolean isTeamLeader(BatonUser actor, RoleApplication application) {
    return actor.personId() != null
        && application.teamLeader() != null
        && actor.personId() == application.teamLeader().id();
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
}
