package org.baton.provisioning;

import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.PatchOpType;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.types.Member;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.baton.directory.Directory;
import org.baton.directory.PeopleService;
import org.baton.directory.Person;
import org.baton.directory.PersonDraft;
import org.baton.directory.Team;
import org.baton.directory.TeamDraft;
import org.baton.directory.TeamService;
import org.baton.platform.BatonProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SCIM groups are active teams. A group's members are the people in the team and the teams directly
 * below it (members of type {@code Group}): adding a person moves them into the team (a person is
 * in one team), adding a group places that team below this one, unless that would make a team its
 * own ancestor. Group ids are {@code team-<id>}, so that no user and group share an id. Removing
 * members accepts RFC 7644's {@code members[value eq "…"]} and the forms providers send instead
 * ({@code path: "members"} with the members as the value). Every call is one transaction.
 */
@Service
class ScimGroups {

  static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  private static final String PREFIX = "team-";
  private static final Set<String> ATTRIBUTES =
      Set.of("schemas", "id", "externalid", "meta", "displayname", "members");

  private final Directory directory;
  private final TeamService teams;
  private final PeopleService people;
  private final ProvisioningRepository repository;
  private final String base;

  ScimGroups(
      Directory directory,
      TeamService teams,
      PeopleService people,
      ProvisioningRepository repository,
      BatonProperties properties) {
    this.directory = directory;
    this.teams = teams;
    this.people = people;
    this.repository = repository;
    this.base = properties.baseUrl() + "/scim/v2";
  }

  static String id(long teamId) {
    return PREFIX + teamId;
  }

  /** The number in an id ({@code 12}, or {@code team-12} with the prefix); else not found. */
  static long number(String id, String prefix) throws ResourceNotFoundException {
    if (id != null && id.startsWith(prefix) && id.substring(prefix.length()).matches("\\d{1,18}")) {
      return Long.parseLong(id.substring(prefix.length()));
    }
    throw new ResourceNotFoundException("No " + (prefix.isEmpty() ? "user " : "group ") + id + ".");
  }

  @Transactional(readOnly = true, rollbackFor = ScimException.class)
  ObjectNode get(String id, boolean withMembers) throws ScimException {
    return render(existing(id), withMembers);
  }

  @Transactional(readOnly = true, rollbackFor = ScimException.class)
  ObjectNode list(String filter, int startIndex, int count, boolean withMembers)
      throws ScimException {
    int start = Math.max(1, startIndex);
    int size = Math.max(0, Math.min(ScimUsers.MAX_COUNT, count));
    if (filter != null && !filter.isBlank()) {
      List<Team> found = find(Filter.fromString(filter)).stream().toList();
      List<ObjectNode> page = new ArrayList<>();
      for (Team team : found.stream().skip(start - 1L).limit(size).toList()) {
        page.add(render(team, withMembers));
      }
      return ScimJson.listResponse(page, found.size(), start);
    }
    // The teams in one read, not one per group; each group's members are still a query of its own.
    Map<Long, Team> teams = new java.util.HashMap<>();
    directory.teams().forEach(team -> teams.put(team.id(), team));
    List<ObjectNode> page = new ArrayList<>();
    for (long teamId : repository.groupIds(start - 1L, size)) {
      page.add(render(teams.get(teamId), withMembers));
    }
    return ScimJson.listResponse(page, repository.countGroups(), start);
  }

  @Transactional(rollbackFor = ScimException.class)
  ObjectNode create(ObjectNode body) throws ScimException {
    ScimJson.onlyKnownAttributes(body, ATTRIBUTES);
    String name = displayName(body);
    if (directory.findTeamByName(name).isPresent()) {
      throw ScimJson.conflict("A group named " + name + " exists.");
    }
    Team team = ScimUsers.asProvisioner(() -> teams.create(new TeamDraft(name, null, null)));
    JsonNode members = ScimJson.attribute(body, "members");
    if (members != null && !members.isNull()) {
      add(team, members(members));
    }
    return render(directory.team(team.id()), true);
  }

  @Transactional(rollbackFor = ScimException.class)
  ObjectNode replace(String id, ObjectNode body) throws ScimException {
    Team team = existing(id);
    ScimJson.onlyKnownAttributes(body, ATTRIBUTES);
    rename(team, displayName(body));
    JsonNode members = ScimJson.attribute(body, "members");
    replaceMembers(team, members == null || members.isNull() ? List.of() : members(members));
    return render(directory.team(team.id()), true);
  }

  @Transactional(rollbackFor = ScimException.class)
  ObjectNode patch(String id, ObjectNode body, boolean withMembers) throws ScimException {
    Team team = existing(id);
    for (PatchOperation operation : ScimUsers.patchRequest(body)) {
      apply(team, operation);
      team = directory.team(team.id());
    }
    return render(team, withMembers);
  }

  /** Empties the team (its people keep no team, its sub-teams become top-level) and ends it. */
  @Transactional(rollbackFor = ScimException.class)
  void delete(String id) throws ScimException {
    Team team = existing(id);
    replaceMembers(team, List.of());
    ScimUsers.asProvisioner(() -> teams.setActive(team.id(), false));
  }

  private void apply(Team team, PatchOperation operation) throws ScimException {
    Path path = operation.getPath();
    String attribute =
        path == null || path.isRoot()
            ? ""
            : path.getElement(0).getAttribute().toLowerCase(Locale.ROOT);
    PatchOpType op = operation.getOpType();
    JsonNode value = operation.getJsonNode();
    switch (attribute) {
      case "" -> {
        if (op == PatchOpType.REMOVE || !(value instanceof ObjectNode changes)) {
          throw BadRequestException.noTarget("An operation without a path needs an object value.");
        }
        ScimJson.onlyKnownAttributes(changes, ATTRIBUTES);
        String name = ScimJson.text(changes, "displayName");
        if (name != null) {
          rename(team, name);
        }
        JsonNode members = ScimJson.attribute(changes, "members");
        if (members != null) {
          if (op == PatchOpType.ADD) {
            add(team, members(members));
          } else {
            replaceMembers(team, members(members));
          }
        }
      }
      case "displayname" -> {
        if (op == PatchOpType.REMOVE || value == null || !value.isString()) {
          throw BadRequestException.invalidValue("A group's displayName is a required text.");
        }
        rename(team, value.asString());
      }
      case "members" -> {
        switch (op) {
          case ADD -> add(team, members(value));
          case REPLACE -> replaceMembers(team, members(value));
          case REMOVE -> {
            if (path.getElement(0).getValueFilter() == null && value == null) {
              replaceMembers(team, List.of()); // RFC 7644: remove "members" removes them all
            } else {
              remove(team, removed(operation));
            }
          }
        }
      }
      case "externalid" -> {} // Baton keeps no external ids
      default ->
          throw BadRequestException.invalidPath(
              "A group's displayName and members can change, not " + path + ".");
    }
  }

  /** The members an operation removes, in the standard form or the ones providers send. */
  private static List<String> removed(PatchOperation operation) throws BadRequestException {
    Filter filter = operation.getPath().getElement(0).getValueFilter();
    if (filter != null) {
      if (filter.getFilterType() != FilterType.EQUAL
          || !filter.getAttributePath().toString().equalsIgnoreCase("value")
          || filter.getComparisonValue() == null) {
        throw BadRequestException.invalidFilter(
            "Name members to remove as members[value eq \"id\"].");
      }
      return List.of(filter.getComparisonValue().asString());
    }
    try {
      return operation.getRemoveMemberList().stream().map(Member::getValue).toList();
    } catch (IllegalStateException e) {
      throw BadRequestException.invalidValue("Name the members to remove: " + e.getMessage());
    }
  }

  private void rename(Team team, String name) throws ScimException {
    if (name.isBlank()) {
      throw BadRequestException.invalidValue("A group's displayName is required.");
    }
    Optional<Team> other =
        directory.findTeamByName(name).filter(existing -> existing.id() != team.id());
    if (other.isPresent()) {
      throw ScimJson.conflict("Another group is named " + name.strip() + ".");
    }
    if (!team.name().equals(name.strip())) {
      ScimUsers.asProvisioner(
          () -> teams.update(team.id(), new TeamDraft(name, team.parentId(), team.leaderId())));
    }
  }

  private void add(Team team, List<String> members) throws ScimException {
    for (String member : members) {
      if (member.startsWith(PREFIX)) {
        Team child = existing(member);
        if (team.id() == child.id()) {
          throw BadRequestException.invalidValue(
              "A team cannot be placed below itself or its sub-teams.");
        }
        if (!Long.valueOf(team.id()).equals(child.parentId())) {
          ScimUsers.asProvisioner(
              () ->
                  teams.update(
                      child.id(), new TeamDraft(child.name(), team.id(), child.leaderId())));
        }
      } else {
        Person person = person(member);
        if (!Long.valueOf(team.id()).equals(person.teamId())) {
          moveTo(person, team.id());
        }
      }
    }
  }

  private void remove(Team team, List<String> members) throws ScimException {
    for (String member : members) {
      if (member.startsWith(PREFIX)) {
        Team child = existing(member);
        if (Long.valueOf(team.id()).equals(child.parentId())) {
          ScimUsers.asProvisioner(
              () -> teams.update(child.id(), new TeamDraft(child.name(), null, child.leaderId())));
        }
      } else {
        Person person = person(member);
        if (Long.valueOf(team.id()).equals(person.teamId())) {
          moveTo(person, null);
        }
      }
    }
  }

  /** Makes the members exactly these: others leave the team, the listed ones join it. */
  private void replaceMembers(Team team, List<String> members) throws ScimException {
    Set<String> wanted = new LinkedHashSet<>(members);
    List<String> leaving = new ArrayList<>();
    for (long personId : repository.memberIds(team.id())) {
      if (!wanted.contains(String.valueOf(personId))) {
        leaving.add(String.valueOf(personId));
      }
    }
    for (long childId : repository.childTeamIds(team.id())) {
      if (!wanted.contains(id(childId))) {
        leaving.add(id(childId));
      }
    }
    remove(team, leaving);
    add(directory.team(team.id()), List.copyOf(wanted));
  }

  private void moveTo(Person person, Long teamId) throws BadRequestException {
    ScimUsers.asProvisioner(
        () ->
            people.update(
                person.id(),
                new PersonDraft(
                    person.email(),
                    person.name(),
                    person.title(),
                    teamId,
                    person.location(),
                    person.phone(),
                    person.perspectiveCodes())));
  }

  private Person person(String id) throws BadRequestException {
    try {
      long personId = number(id, "");
      return directory
          .findPerson(personId)
          .filter(p -> !repository.isDeprovisioned(p.id()))
          .orElseThrow(() -> BadRequestException.invalidValue("No user " + id + "."));
    } catch (ResourceNotFoundException e) {
      throw BadRequestException.invalidValue("No user " + id + ".");
    }
  }

  private Team existing(String id) throws ResourceNotFoundException {
    return directory
        .findTeam(number(id, PREFIX))
        .filter(Team::active)
        .orElseThrow(() -> new ResourceNotFoundException("No group " + id + "."));
  }

  private Optional<Team> find(Filter filter) throws BadRequestException {
    if (filter.getFilterType() != FilterType.EQUAL) {
      throw BadRequestException.invalidFilter(
          "Groups can be filtered with eq on displayName or id.");
    }
    String attribute = filter.getAttributePath().toString().toLowerCase(Locale.ROOT);
    JsonNode value = filter.getComparisonValue();
    String wanted = value == null || !value.isString() ? "" : value.asString();
    Optional<Team> team =
        switch (attribute.replace(SCHEMA.toLowerCase(Locale.ROOT) + ":", "")) {
          case "displayname" -> directory.findTeamByName(wanted);
          case "id" -> {
            try {
              yield directory.findTeam(number(wanted, PREFIX));
            } catch (ResourceNotFoundException e) {
              yield Optional.empty();
            }
          }
          case "externalid" -> Optional.empty();
          default ->
              throw BadRequestException.invalidFilter(
                  "Groups can be filtered with eq on displayName or id, not "
                      + filter.getAttributePath()
                      + ".");
        };
    return team.filter(Team::active);
  }

  private static String displayName(ObjectNode group) throws BadRequestException {
    String name = ScimJson.text(group, "displayName");
    if (name == null || name.isBlank()) {
      throw BadRequestException.invalidValue("displayName is required.");
    }
    return name.strip();
  }

  /** The ids a list of members names ({@code [{"value": "12"}, …]}). */
  private static List<String> members(JsonNode members) throws BadRequestException {
    if (members == null || !members.isArray()) {
      throw BadRequestException.invalidValue("members must be a list of {\"value\": id}.");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode member : members) {
      JsonNode value = member.path("value");
      if (!value.isString() && !value.isNumber()) {
        throw BadRequestException.invalidValue("Each member needs a value: a user or group id.");
      }
      ids.add(value.asString());
    }
    return ids;
  }

  ObjectNode render(Team team, boolean withMembers) {
    ObjectNode group = ScimJson.nodes().objectNode();
    group.putArray("schemas").add(SCHEMA);
    group.put("id", id(team.id()));
    group.put("displayName", team.name());
    if (withMembers) {
      ArrayNode members = group.putArray("members");
      List<Long> personIds = repository.memberIds(team.id());
      Map<Long, String> names = directory.names(personIds);
      for (long personId : personIds) {
        members
            .addObject()
            .put("value", String.valueOf(personId))
            .put("display", names.get(personId))
            .put("type", "User")
            .put("$ref", base + "/Users/" + personId);
      }
      for (long childId : repository.childTeamIds(team.id())) {
        members
            .addObject()
            .put("value", id(childId))
            .put("type", "Group")
            .put("$ref", base + "/Groups/" + id(childId));
      }
    }
    group.set("meta", ScimJson.meta("Group", base + "/Groups/" + id(team.id())));
    return group;
  }
}
