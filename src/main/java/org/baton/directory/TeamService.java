package org.baton.directory;

import java.util.ArrayList;
import java.util.List;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins add, edit and deactivate teams; the tree never gets a loop. */
@Service
public class TeamService {

  private final TeamRepository teams;
  private final PersonRepository people;
  private final ApplicationEventPublisher events;

  TeamService(TeamRepository teams, PersonRepository people, ApplicationEventPublisher events) {
    this.teams = teams;
    this.people = people;
    this.events = events;
  }

  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public Team create(TeamDraft draft) {
    check(draft, null);
    long id = teams.insert(draft.name(), draft.parentId(), draft.leaderId());
    events.publishEvent(new DirectoryChanged());
    return teams.findById(id).orElseThrow();
  }

  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public Team update(long id, TeamDraft draft) {
    existing(id);
    check(draft, id);
    teams.update(id, draft.name(), draft.parentId(), draft.leaderId());
    events.publishEvent(new DirectoryChanged());
    return teams.findById(id).orElseThrow();
  }

  /** A team can be deactivated once nobody active is in it and no active team is below it. */
  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public Team setActive(long id, boolean active) {
    existing(id);
    if (!active && (teams.countActiveMembers(id) > 0 || teams.countActiveChildren(id) > 0)) {
      throw new InvalidInputException(
          "active", "Move its people and sub-teams elsewhere before deactivating this team.");
    }
    teams.setActive(id, active);
    events.publishEvent(new DirectoryChanged());
    return teams.findById(id).orElseThrow();
  }

  private Team existing(long id) {
    return teams.findById(id).orElseThrow(() -> new NotFoundException("No team " + id + "."));
  }

  private void check(TeamDraft draft, Long id) {
    List<FieldProblem> problems = new ArrayList<>(draft.problems());
    teams
        .findByName(draft.name())
        .filter(other -> !other.name().isEmpty() && (id == null || other.id() != id))
        .ifPresent(other -> problems.add(new FieldProblem("name", "Another team has this name.")));
    if (draft.parentId() != null) {
      if (teams.findById(draft.parentId()).filter(Team::active).isEmpty()) {
        problems.add(new FieldProblem("parentId", "Choose an existing, active parent team."));
      } else if (id != null && new TeamTree(teams.all()).wouldCreateCycle(id, draft.parentId())) {
        problems.add(
            new FieldProblem("parentId", "A team cannot be placed below itself or its sub-teams."));
      }
    }
    if (draft.leaderId() != null
        && people.findById(draft.leaderId()).filter(Person::active).isEmpty()) {
      problems.add(new FieldProblem("leaderId", "Choose an active person as the leader."));
    }
    InvalidInputException.throwIfAny(problems);
  }
}
