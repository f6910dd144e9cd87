package org.baton.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole organisation in memory, for questions asked thousands of times a second: where a person
 * sits in the tree, which teams they lead, who has a perspective, who is nearest.
 */
public final class Organisation {

  /** A person as the organisation sees them. */
  public record Member(
      long id, String name, Long teamId, boolean active, List<String> perspectives) {}

  private final Map<Long, Member> people = new HashMap<>();
  private final TeamTree tree;
  private final Map<Long, List<Member>> activeMembersByTeam = new HashMap<>();
  private final Map<String, List<Member>> activeByPerspective = new HashMap<>();
  private final Map<Long, List<Long>> ledTeams = new HashMap<>();

  public Organisation(Collection<Member> members, Collection<Team> teams) {
    this.tree = new TeamTree(teams);
    for (Member member : members) {
      people.put(member.id(), member);
      if (member.active()) {
        if (member.teamId() != null) {
          activeMembersByTeam.computeIfAbsent(member.teamId(), t -> new ArrayList<>()).add(member);
        }
        for (String perspective : member.perspectives()) {
          activeByPerspective.computeIfAbsent(perspective, p -> new ArrayList<>()).add(member);
        }
      }
    }
    for (Team team : teams) {
      if (team.leaderId() != null && team.active()) {
        ledTeams.computeIfAbsent(team.leaderId(), id -> new ArrayList<>()).add(team.id());
      }
    }
  }

  /** Everyone, active or not. */
  public Collection<Member> members() {
    return java.util.Collections.unmodifiableCollection(people.values());
  }

  public Optional<Member> member(long id) {
    return Optional.ofNullable(people.get(id));
  }

  public TeamTree tree() {
    return tree;
  }

  /** The person's own team followed by its ancestors, nearest first. */
  public List<Long> teamPath(long personId) {
    Member member = people.get(personId);
    if (member == null || member.teamId() == null) {
      return List.of();
    }
    List<Long> path = new ArrayList<>();
    path.add(member.teamId());
    tree.ancestors(member.teamId()).forEach(team -> path.add(team.id()));
    return path;
  }

  public List<Long> teamsLedBy(long personId) {
    return ledTeams.getOrDefault(personId, List.of());
  }

  public List<Member> activeMembersOf(long teamId) {
    return activeMembersByTeam.getOrDefault(teamId, List.of());
  }

  /** Active members of the team and of every team below it. */
  public List<Member> activeMembersOfSubtree(long teamId) {
    List<Member> result = new ArrayList<>(activeMembersOf(teamId));
    for (Team child : tree.children(teamId)) {
      result.addAll(activeMembersOfSubtree(child.id()));
    }
    return result;
  }

  public List<Member> activeWithPerspective(String code) {
    return activeByPerspective.getOrDefault(code, List.of());
  }

  /** Steps in the team tree between two people; people without a team come last. */
  public int distance(long fromPersonId, long toPersonId) {
    Member from = people.get(fromPersonId);
    Member to = people.get(toPersonId);
    if (from == null || to == null || from.teamId() == null || to.teamId() == null) {
      return Integer.MAX_VALUE;
    }
    return tree.distance(from.teamId(), to.teamId()).orElse(Integer.MAX_VALUE);
  }

  /** These people, nearest to {@code personId} first, then by name. */
  public List<Member> nearestFirst(long personId, Collection<Member> candidates) {
    return candidates.stream()
        .sorted(
            Comparator.comparingInt((Member m) -> distance(personId, m.id()))
                .thenComparing(Member::name))
        .toList();
  }
}
