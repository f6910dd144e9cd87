package org.baton.initiatives;

import java.time.Clock;
import java.util.Optional;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Loads what {@link InitiativesPermissions} decides from and refuses in one way for the module: an
 * action one may not take is forbidden with the reason, an account that is no person is told to
 * sign in as themselves, and a rule broken is refused with every problem.
 */
@Component
class InitiativesAccess {

  private final InitiativeRepository repository;
  private final Directory directory;
  private final Clock clock;

  InitiativesAccess(InitiativeRepository repository, Directory directory, Clock clock) {
    this.repository = repository;
    this.directory = directory;
    this.clock = clock;
  }

  /** The person acting; an account that is no person is refused. */
  long person(BatonUser actor) {
    return actor.requirePerson("person", "initiatives are led by people.");
  }

  /** The initiative, held until the transaction ends. */
  Initiative locked(long id) {
    return repository
        .findForUpdate(id)
        .orElseThrow(() -> new NotFoundException("No initiative " + id + "."));
  }

  /** Refuses anyone but the leader: handing over and changing the status are theirs. */
  void leader(long person, Initiative initiative) {
    if (!InitiativesPermissions.mayLead(person, initiative)) {
      throw new AccessDeniedException("Only the leader does this.");
    }
  }

  /** Refuses a pick-up while the leader is there, and by anyone the rule does not name. */
  void pickUp(long person, Initiative initiative, InitiativesPermissions.PickUpFacts facts) {
    if (!facts.unattended()) {
      throw new AccessDeniedException("The leader is here: ask them to hand the lead over.");
    }
    if (!InitiativesPermissions.mayPickUp(person, initiative, facts)) {
      throw new AccessDeniedException(
          "Supporters, leaders of affected teams and the departed leader's own leader pick it"
              + " up.");
    }
  }

  void offerHelp(long person, InitiativesPermissions.PickUpFacts facts) {
    if (!InitiativesPermissions.mayOfferHelp(person, facts)) {
      throw new AccessDeniedException("Leaders of the teams it affects offer help.");
    }
  }

  /** The facts the pick-up rule needs, loaded once for the service and the page alike. */
  InitiativesPermissions.PickUpFacts pickUpFacts(Long person, Initiative initiative) {
    Optional<Person> leader = directory.findPerson(initiative.leaderId());
    boolean leaderActive = leader.map(Person::active).orElse(false);
    boolean ledTheLeaver =
        person != null
            && leader
                .filter(l -> !l.active())
                .flatMap(directory::leaderOf)
                .map(leaderOfLeader -> leaderOfLeader.id() == person)
                .orElse(false);
    boolean leadsAffectedTeam =
        person != null
            && directory.teams().stream()
                .anyMatch(
                    t -> initiative.teamIds().contains(t.id()) && person.equals(t.leaderId()));
    return new InitiativesPermissions.PickUpFacts(
        initiative.isUnattended(leaderActive, clock.instant()), leadsAffectedTeam, ledTheLeaver);
  }
}
