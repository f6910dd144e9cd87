package org.baton.strategy;

import java.util.Collection;
import org.baton.identity.BatonUser;

/**
 * Who may see and do what in strategy, as static answers from facts handed in ({@link
 * StrategyAccess} loads them and refuses); every page, API route, export and the calendar ask here.
 *
 * <ul>
 *   <li>The direction, its versions, goals and their progress, dialogue rounds, their
 *       contributions, supports, comments and answers: every member reads them.
 *   <li>Edit the direction, keep key figures and open dialogue rounds: admins and the strategy
 *       editors an admin names. Only admins name or remove editors.
 *   <li>Record a goal's progress: editors and the owner of the goal's priority.
 *   <li>See a key figure: by its level. EVERYONE: every member; LEADERS: anyone who leads a team,
 *       and admins; PEOPLE: the people named on it, and admins; ADMINS: admins. A figure one may
 *       not see does not exist for them: lists leave it out, its routes answer 404.
 *   <li>Change a figure or enter its values: an editor who may see it, and only to a level they
 *       would still see themselves (nobody hides a figure from themselves by mistake, or widens one
 *       they may not read).
 *   <li>Contribute to a round and support a contribution (not one's own): any person while
 *       contributions are open. Comment: any person until the round is published.
 *   <li>Answer contributions, group them into themes and publish the round: its leaders (the editor
 *       who opened it and those they named), and answers may be revised after publishing. The
 *       editor who opened a round leads it while she is a strategy editor: removed from the
 *       editors, she no longer leads it; the co-leaders she named keep leading it (they were named
 *       for that round). A round none of whose leaders may lead any more is led by admins, so that
 *       no round is stranded.
 * </ul>
 */
final class StrategyPermissions {

  private StrategyPermissions() {}

  /** Edits the direction, keeps figures, opens rounds: admins and the named editors. */
  static boolean mayEdit(BatonUser actor, boolean namedEditor) {
    return actor.isAdmin() || (actor.personId() != null && namedEditor);
  }

  /** Leads a team (team leaders and above), or is an admin. */
  static boolean isLeader(BatonUser actor, boolean leadsATeam) {
    return actor.isAdmin() || (actor.personId() != null && leadsATeam);
  }

  static boolean maySee(
      BatonUser actor, Visibility visibility, Collection<Long> namedPeople, boolean leadsATeam) {
    if (actor.isAdmin()) {
      return true;
    }
    return switch (visibility) {
      case EVERYONE -> true;
      case LEADERS -> isLeader(actor, leadsATeam);
      case PEOPLE -> actor.personId() != null && namedPeople.contains(actor.personId());
      case ADMINS -> false;
    };
  }

  static boolean mayRecordProgress(BatonUser actor, boolean editor, Direction.Priority priority) {
    return editor || actor.isPerson(priority.ownerId());
  }

  /**
   * Whether the actor leads the round now: a named leader (the opener only while still an editor),
   * or an admin when none of its leaders may lead it any more.
   *
   * @param actorIsEditor whether the actor may edit the strategy
   * @param openerIsEditor whether the person who opened the round is still an editor
   * @param coLeaderActive whether any co-leader the opener named is still active
   */
  static boolean leadsRound(
      BatonUser actor,
      DialogueRound round,
      boolean actorIsEditor,
      boolean openerIsEditor,
      boolean coLeaderActive) {
    Long me = actor.personId();
    if (me != null
        && round.leaderIds().contains(me)
        && (me != round.openedById() || actorIsEditor)) {
      return true;
    }
    return actor.isAdmin() && !coLeaderActive && !openerIsEditor;
  }
}
