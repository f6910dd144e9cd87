package org.baton.authority;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Where a person stands, as far as authority is concerned.
 *
 * @param teamPath the person's team and its ancestors, nearest first
 * @param ledTeams the teams the person leads
 * @param roles the roles the person holds, each with the last day of its term (null: no end)
 */
public record PersonPosition(
    long personId,
    boolean active,
    Long teamId,
    List<Long> teamPath,
    List<Long> ledTeams,
    Map<Long, LocalDate> roles) {

  public PersonPosition {
    teamPath = List.copyOf(teamPath);
    ledTeams = List.copyOf(ledTeams);
    // a term without an end is a null value, which Map.copyOf refuses
    roles = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(roles));
  }

  public PersonPosition(
      long personId, boolean active, Long teamId, List<Long> teamPath, List<Long> ledTeams) {
    this(personId, active, teamId, teamPath, ledTeams, Map.of());
  }

  /** A role counts up to and including the last day of its term. */
  boolean holdsRole(long roleId, LocalDate day) {
    if (!roles.containsKey(roleId)) {
      return false;
    }
    LocalDate until = roles.get(roleId);
    return until == null || !day.isAfter(until);
  }
}
