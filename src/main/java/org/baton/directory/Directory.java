package org.baton.directory;

import java.util.List;
import java.util.Optional;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.baton.platform.PageOf;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory's public face: who is who, in which team, led by whom. Reads only. */
@Service
@Transactional(readOnly = true)
public class Directory {

  private final PersonRepository people;
  private final TeamRepository teams;
  private final PerspectiveRepository perspectives;
  private final OrganisationCache organisationCache;

  Directory(
      PersonRepository people,
      TeamRepository teams,
      PerspectiveRepository perspectives,
      OrganisationCache organisationCache) {
    this.people = people;
    this.teams = teams;
    this.perspectives = perspectives;
    this.organisationCache = organisationCache;
  }

  public Optional<Person> findPerson(long id) {
    return people.findById(id);
  }

  public Person person(long id) {
    return findPerson(id).orElseThrow(() -> new NotFoundException("No person " + id + "."));
  }

  /** The names of these people in one query, for lists that show who did what. */
  public java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
    return people.names(ids);
  }

  /**
   * The one way to resolve a person named in a form or request: by id (digits) or by e-mail
   * address. Nobody named, or nobody found, is the named field's error.
   */
  public Person resolvePerson(String idOrEmail, String field) {
    String value = idOrEmail == null ? "" : idOrEmail.strip();
    if (value.isEmpty()) {
      throw new InvalidInputException(field, "Name the person: an id or an e-mail address.");
    }
    if (value.chars().allMatch(Character::isDigit) && value.length() < 18) {
      return findPerson(Long.parseLong(value))
          .orElseThrow(() -> new InvalidInputException(field, "There is nobody with this id."));
    }
    return findPersonByEmail(value)
        .orElseThrow(
            () -> new InvalidInputException(field, "There is nobody with this e-mail address."));
  }

  /**
   * People named in one field by e-mail addresses (or ids) separated by commas, semicolons or
   * spaces; each one not found is a problem on {@code field}, and the rest are still read.
   */
  public List<Long> resolvePeople(
      String text, String field, List<org.baton.platform.FieldProblem> problems) {
    List<Long> people = new java.util.ArrayList<>();
    for (String who : (text == null ? "" : text).split("[,;\\s]+")) {
      if (!who.isBlank()) {
        try {
          people.add(resolvePerson(who, field).id());
        } catch (InvalidInputException e) {
          problems.add(
              new org.baton.platform.FieldProblem(
                  field, "There is nobody with the address " + who + "."));
        }
      }
    }
    return people;
  }

  /**
   * Teams named in one field by name (or id), separated by commas; each one not found is a problem
   * on {@code field}.
   */
  public List<Long> resolveTeams(
      String text, String field, List<org.baton.platform.FieldProblem> problems) {
    List<Long> teams = new java.util.ArrayList<>();
    for (String typed : (text == null ? "" : text).split(",")) {
      String name = typed.strip();
      if (name.isEmpty()) {
        continue;
      }
      Optional<Team> team =
          name.chars().allMatch(Character::isDigit) && name.length() < 18
              ? findTeam(Long.parseLong(name))
              : findTeamByName(name);
      team.ifPresentOrElse(
          t -> teams.add(t.id()),
          () ->
              problems.add(
                  new org.baton.platform.FieldProblem(field, "There is no team " + name + ".")));
    }
    return teams;
  }

  /** These people, active or not, in the order of their ids; unknown ids are left out. */
  public List<Person> people(java.util.Collection<Long> ids) {
    return people.byIds(ids);
  }

  public Optional<Team> findTeamByName(String name) {
    return teams.findByName(name);
  }

  public Optional<Team> findTeam(long id) {
    return teams.findById(id);
  }

  public Optional<Person> findPersonByEmail(String email) {
    return people.findByEmail(email);
  }

  public PageOf<Person> searchPeople(String query, int page, int size) {
    SearchQuery search = SearchQuery.of(query);
    int safeSize = PageOf.clampSize(size);
    int safePage = PageOf.clampPage(page);
    return search.isEmpty()
        ? people.allActive(safePage, safeSize)
        : people.search(search, safePage, safeSize);
  }

  public long countActivePeople() {
    return people.countActive();
  }

  public Team team(long id) {
    return teams.findById(id).orElseThrow(() -> new NotFoundException("No team " + id + "."));
  }

  public List<Team> teams() {
    return teams.all();
  }

  public TeamTree teamTree() {
    return new TeamTree(teams.all());
  }

  public PageOf<Person> activeMembersOf(long teamId, int page, int size) {
    return people.activeMembersOf(teamId, PageOf.clampPage(page), PageOf.clampSize(size));
  }

  /**
   * Everyone and every team, for modules that ask many questions of the organisation at once. Kept
   * in memory until a change to people or teams commits.
   */
  public Organisation organisation() {
    return organisationCache.get();
  }

  /** The ids of everyone active in the person's own team (the person included). */
  public List<Long> activeTeamMatesOf(long personId) {
    return people.activeTeamMateIds(personId);
  }

  public List<Perspective> perspectives() {
    return perspectives.all();
  }

  /**
   * Whom a person turns to: their team's leader or, for the leader, the leader of the team above.
   */
  public Optional<Person> leaderOf(Person person) {
    if (person.teamId() == null) {
      return Optional.empty();
    }
    TeamTree tree = teamTree();
    Optional<Team> team = tree.team(person.teamId());
    while (team.isPresent()) {
      Long leaderId = team.get().leaderId();
      if (leaderId != null && leaderId != person.id()) {
        return people.findById(leaderId);
      }
      team = team.get().parentId() == null ? Optional.empty() : tree.team(team.get().parentId());
    }
    return Optional.empty();
  }
}
