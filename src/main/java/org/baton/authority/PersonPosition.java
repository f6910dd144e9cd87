package org.baton.authority;

import java.util.List;

/**
 * Where a person stands, as far as authority is concerned.
 *
 * @param teamPath the person's team and its ancestors, nearest first
 * @param ledTeams the teams the person leads
 */
public record PersonPosition(
    long personId, boolean active, Long teamId, List<Long> teamPath, List<Long> ledTeams) {

  public PersonPosition {
    teamPath = List.copyOf(teamPath);
    ledTeams = List.copyOf(ledTeams);
  }
}
