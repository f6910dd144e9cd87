package org.baton.strategy;

import java.util.Collection;
import java.util.List;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Loads what {@link StrategyPermissions} decides from (who is an editor, who leads a team, which
 * co-leaders are still active) and refuses in one way for the module: an action one may not take is
 * forbidden with the reason, an account that is no person is told to sign in as themselves.
 */
@Component
class StrategyAccess {

  private final DirectionStore store;
  private final Directory directory;

  StrategyAccess(DirectionStore store, Directory directory) {
    this.store = store;
    this.directory = directory;
  }

  boolean isEditor(BatonUser actor) {
    return StrategyPermissions.mayEdit(
        actor, actor.personId() != null && store.isEditor(actor.personId()));
  }

  void requireEditor(BatonUser actor) {
    requireEditor(actor, "change the strategy");
  }

  void requireEditor(BatonUser actor, String what) {
    if (!isEditor(actor)) {
      throw new AccessDeniedException("Only admins and strategy editors " + what + ".");
    }
  }

  void requireAdmin(BatonUser actor) {
    if (!actor.isAdmin()) {
      throw new AccessDeniedException("Only admins name strategy editors.");
    }
  }

  boolean maySee(BatonUser actor, Visibility visibility, Collection<Long> namedPeople) {
    return StrategyPermissions.maySee(actor, visibility, namedPeople, leadsATeam(actor));
  }

  void requireProgressWriter(BatonUser actor, Direction.Priority priority) {
    if (!StrategyPermissions.mayRecordProgress(actor, isEditor(actor), priority)) {
      throw new AccessDeniedException(
          "Only the priority's owner and strategy editors record a goal's progress.");
    }
  }

  void requireRoundLeader(BatonUser actor, DialogueRound round, String what) {
    if (!leadsRound(actor, round)) {
      throw new AccessDeniedException("Only the round's leaders " + what + ".");
    }
  }

  /** Whether the actor leads the round now; pages show its tools by this. */
  boolean leadsRound(BatonUser actor, DialogueRound round) {
    boolean takingOver = actor.isAdmin();
    List<Long> coLeaders =
        round.leaderIds().stream().filter(id -> id != round.openedById()).toList();
    return StrategyPermissions.leadsRound(
        actor,
        round,
        isEditor(actor),
        // only an admin taking over a stranded round needs the opener's and co-leaders' standing
        !takingOver || store.isEditor(round.openedById()),
        takingOver && directory.people(coLeaders).stream().anyMatch(Person::active));
  }

  /** The acting person; operator accounts read dialogues but do not take part in them. */
  static long person(BatonUser actor, String field) {
    return actor.requirePerson(field, "people take part in dialogues.");
  }

  private boolean leadsATeam(BatonUser actor) {
    return actor.personId() != null
        && !directory.organisation().teamsLedBy(actor.personId()).isEmpty();
  }
}
