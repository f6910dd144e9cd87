package org.baton.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins add, edit, deactivate and reactivate people. Each is one transaction, checked first. */
@Service
public class PeopleService {

  private final PersonRepository people;
  private final TeamRepository teams;
  private final PerspectiveRepository perspectives;
  private final ApplicationEventPublisher events;

  PeopleService(
      PersonRepository people,
      TeamRepository teams,
      PerspectiveRepository perspectives,
      ApplicationEventPublisher events) {
    this.people = people;
    this.teams = teams;
    this.perspectives = perspectives;
    this.events = events;
  }

  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public Person create(PersonDraft draft) {
    List<Long> perspectiveIds = check(draft, null);
    long id = people.insert(draft);
    people.replacePerspectives(id, perspectiveIds);
    people.refreshSearchText(Set.of(id));
    events.publishEvent(new DirectoryChanged());
    return people.findById(id).orElseThrow();
  }

  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public Person update(long id, PersonDraft draft) {
    existing(id);
    List<Long> perspectiveIds = check(draft, id);
    people.update(id, draft);
    people.replacePerspectives(id, perspectiveIds);
    people.refreshSearchText(Set.of(id));
    events.publishEvent(new DirectoryChanged());
    return people.findById(id).orElseThrow();
  }

  /** Deactivated people keep their history but cannot sign in and leave searches and teams. */
  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public Person setActive(long id, boolean active) {
    Person before = existing(id);
    people.setActive(id, active);
    if (before.active() && !active) {
      events.publishEvent(new PersonDeactivated(id));
    }
    events.publishEvent(new DirectoryChanged());
    return people.findById(id).orElseThrow();
  }

  private Person existing(long id) {
    return people.findById(id).orElseThrow(() -> new NotFoundException("No person " + id + "."));
  }

  /** Every problem at once, so the form shows them all; the perspective ids when all is well. */
  private List<Long> check(PersonDraft draft, Long id) {
    List<FieldProblem> problems = new ArrayList<>(draft.problems());
    if (Email.isValid(draft.email()) && people.emailTakenByOther(draft.email(), id)) {
      problems.add(new FieldProblem("email", "Someone else already has this e-mail address."));
    }
    if (draft.teamId() != null) {
      teams
          .findById(draft.teamId())
          .filter(Team::active)
          .ifPresentOrElse(
              team -> {},
              () -> problems.add(new FieldProblem("teamId", "Choose an existing, active team.")));
    }
    Map<String, Perspective> known = perspectives.byCode();
    List<Long> perspectiveIds = new ArrayList<>();
    for (String code : draft.perspectives()) {
      Perspective perspective = known.get(code);
      if (perspective == null) {
        problems.add(new FieldProblem("perspectives", "Unknown perspective: " + code + "."));
      } else if (!perspectiveIds.contains(perspective.id())) {
        perspectiveIds.add(perspective.id());
      }
    }
    InvalidInputException.throwIfAny(problems);
    return perspectiveIds;
  }
}
