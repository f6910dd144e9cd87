package org.baton.directory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The team tree as parent links, with the questions asked of it: children, the path to the root,
 * whether a new parent would make a team its own ancestor, and how far apart two teams are.
 */
public final class TeamTree {

  private final Map<Long, Team> teams = new HashMap<>();
  private final Map<Long, List<Team>> children = new HashMap<>();

  public TeamTree(Collection<Team> all) {
    all.forEach(team -> teams.put(team.id(), team));
    for (Team team : all) {
      if (team.parentId() != null) {
        children.computeIfAbsent(team.parentId(), id -> new ArrayList<>()).add(team);
      }
    }
    children.values().forEach(list -> list.sort(Comparator.comparing(Team::name)));
  }

  public Optional<Team> team(long id) {
    return Optional.ofNullable(teams.get(id));
  }

  public List<Team> roots() {
    return teams.values().stream()
        .filter(team -> team.parentId() == null || !teams.containsKey(team.parentId()))
        .sorted(Comparator.comparing(Team::name))
        .toList();
  }

  public List<Team> children(long id) {
    return children.getOrDefault(id, List.of());
  }

  /** The team's ancestors, nearest first. */
  public List<Team> ancestors(long id) {
    List<Team> path = new ArrayList<>();
    Set<Long> seen = new LinkedHashSet<>();
    Team current = teams.get(id);
    while (current != null && current.parentId() != null && seen.add(current.id())) {
      current = teams.get(current.parentId());
      if (current != null) {
        path.add(current);
      }
    }
    return path;
  }

  /** The team's ancestors, the root first: the breadcrumb above a team. */
  public List<Team> ancestorsFromRoot(long id) {
    List<Team> path = new ArrayList<>(ancestors(id));
    java.util.Collections.reverse(path);
    return path;
  }

  /**
   * Whether giving {@code teamId} the parent {@code newParentId} would make it its own ancestor.
   */
  public boolean wouldCreateCycle(long teamId, Long newParentId) {
    if (newParentId == null) {
      return false;
    }
    if (newParentId == teamId) {
      return true;
    }
    return ancestors(newParentId).stream().anyMatch(team -> team.id() == teamId);
  }

  /**
   * Steps between two teams through their nearest common ancestor (0 for the same team), or empty
   * when they are in different trees.
   */
  public Optional<Integer> distance(long from, long to) {
    List<Long> up = pathToRoot(from);
    List<Long> other = pathToRoot(to);
    for (int i = 0; i < up.size(); i++) {
      int j = other.indexOf(up.get(i));
      if (j >= 0) {
        return Optional.of(i + j);
      }
    }
    return Optional.empty();
  }

  private List<Long> pathToRoot(long id) {
    List<Long> path = new ArrayList<>();
    if (teams.containsKey(id)) {
      path.add(id);
    }
    ancestors(id).forEach(team -> path.add(team.id()));
    return path;
  }
}
