package org.baton.roles;

import java.util.List;

/**
 * Something happened to a role or an application: facts only, listeners word them. {@code told} are
 * those who should hear of it personally (never the actor).
 *
 * @param applicationId the application concerned, or null for the role as a whole
 */
public record RolesChanged(
    Kind kind, long roleId, Long applicationId, Long actorPersonId, List<Long> told) {

  public enum Kind {
    /** Someone applied: the circle's lead, and the team leader (asked about the time). */
    APPLIED,
    /** The team leader answered about the time: the applicant and the lead. */
    TIME_ANSWERED,
    /** A message in the thread: the other side. */
    MESSAGE,
    /** A match proposed: the other side, to agree. */
    MATCH_PROPOSED,
    /** A match agreed: the applicant, the lead and the team leader. */
    MATCHED,
    /** The lead declined: the applicant. */
    DECLINED,
    /** The applicant withdrew: the lead. */
    WITHDRAWN,
    /** A role handed to someone: they and whoever passed it on. */
    HANDED,
    /** A holding waits for the approval of the owners of the role's rules: those owners. */
    APPROVAL_ASKED,
    /** Someone left a role or their holding ended: the lead and they. */
    LEFT,
    /** A role opened: people open to roles whose interests match it. */
    OPENED
  }

  public RolesChanged {
    told = told.stream().filter(p -> !p.equals(actorPersonId)).distinct().toList();
  }
}
