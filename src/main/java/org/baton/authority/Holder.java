package org.baton.authority;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who a rule gives authority to: one person, the members of a team (with or without its sub-teams),
 * the leader of a team, or everyone.
 */
public record Holder(
    Kind kind, @Schema(nullable = true) Long personId, @Schema(nullable = true) Long teamId) {

  public enum Kind {
    PERSON,
    TEAM,
    TEAM_AND_SUBTEAMS,
    TEAM_LEADER,
    EVERYONE
  }

  public Holder {
    if (kind == null) {
      throw new IllegalArgumentException("A holder needs a kind.");
    }
    if (kind == Kind.PERSON && personId == null) {
      throw new IllegalArgumentException("Choose the person who holds this authority.");
    }
    if ((kind == Kind.TEAM || kind == Kind.TEAM_AND_SUBTEAMS || kind == Kind.TEAM_LEADER)
        && teamId == null) {
      throw new IllegalArgumentException("Choose the team that holds this authority.");
    }
    if (kind != Kind.PERSON) {
      personId = null;
    }
    if (kind == Kind.PERSON || kind == Kind.EVERYONE) {
      teamId = null;
    }
  }

  public static Holder person(long id) {
    return new Holder(Kind.PERSON, id, null);
  }

  public static Holder team(long id) {
    return new Holder(Kind.TEAM, null, id);
  }

  public static Holder teamAndSubteams(long id) {
    return new Holder(Kind.TEAM_AND_SUBTEAMS, null, id);
  }

  public static Holder leaderOf(long teamId) {
    return new Holder(Kind.TEAM_LEADER, null, teamId);
  }

  public static Holder everyone() {
    return new Holder(Kind.EVERYONE, null, null);
  }

  /** Whether a person in this position is covered. */
  boolean covers(PersonPosition position) {
    return switch (kind) {
      case PERSON -> personId == position.personId();
      case TEAM -> position.teamId() != null && position.teamId().equals(teamId);
      case TEAM_AND_SUBTEAMS -> position.teamPath().contains(teamId);
      case TEAM_LEADER -> position.ledTeams().contains(teamId);
      case EVERYONE -> true;
    };
  }
}
