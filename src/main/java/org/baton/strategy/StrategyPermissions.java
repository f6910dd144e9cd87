package org.baton.strategy;

import java.util.Collection;
import java.util.List;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in strategy; every page, API route, export and the calendar ask here.
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
@Component
class StrategyPermissions {

  private final DirectionStore store;
  private final Directory directory;

  StrategyPermissions(DirectionStore store, Directory directory) {
    this.store = store;
    this.directory = directory;
  }

  boolean isEditor(BatonUser actor) {
    return actor.isAdmin() || (actor.personId() != null && isEditor(actor.personId()));
  }

  boolean isEditor(long personId) {
    return store.isEditor(personId);
  }

  void requireEditor(BatonUser actor) {
    if (!isEditor(actor)) {
      throw new AccessDeniedException("Only admins and strategy editors change the strategy.");
    }
  }

  void requireAdmin(BatonUser actor) {
    if (!actor.isAdmin()) {
      throw new AccessDeniedException("Only admins name strategy editors.");
    }
  }

  /** Leads a team (team leaders and above), or is an admin. */
  boolean isLeader(BatonUser actor) {
    return actor.isAdmin()
        || (actor.personId() != null
            && !directory.organisation().teamsLedBy(actor.personId()).isEmpty());
  }

  boolean maySee(BatonUser actor, Visibility visibility, Collection<Long> namedPeople) {
    if (actor.isAdmin()) {
      return true;
    }
    return switch (visibility) {
      case EVERYONE -> true;
      case LEADERS -> isLeader(actor);
      case PEOPLE -> actor.personId() != null && namedPeople.contains(actor.personId());
      case ADMINS -> false;
    };
  }

  void requireProgressWriter(BatonUser actor, Direction.Priority priority) {
    if (!isEditor(actor) && (actor.personId() == null || actor.personId() != priority.ownerId())) {
      throw new AccessDeniedException(
          "Only the priority's owner and strategy editors record a goal's progress.");
    }
  }

  void requireRoundLeader(BatonUser actor, DialogueRound round, String what) {
    if (!leadsRound(actor, round)) {
      throw new AccessDeniedException("Only the round's leaders " + what + ".");
    }
  }

  /** Whether the actor leads the round now (the bounds above); pages show its tools by this. */
  boolean leadsRound(BatonUser actor, DialogueRound round) {
    Long me = actor.personId();
    if (me != null
        && round.leaderIds().contains(me)
        && (me != round.openedById() || isEditor(actor))) {
      return true;
    }
    if (!actor.isAdmin()) {
      return false;
    }
    // An admin takes over a round none of whose leaders may still lead it (an opener who is no
    // longer an editor, co-leaders who have left).
    List<Long> coLeaders =
        round.leaderIds().stream().filter(id -> id != round.openedById()).toList();
    boolean coLeaderActive =
        directory.people(coLeaders).stream().anyMatch(org.baton.directory.Person::active);
    return !coLeaderActive && !isEditor(round.openedById());
  }

  /** The acting person; operator accounts read dialogues but do not take part in them. */
  static long person(BatonUser actor, String field) {
    return actor.requirePerson(field, "people take part in dialogues.");
  }
}
