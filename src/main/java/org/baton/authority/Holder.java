package org.baton.authority;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who a rule gives authority to: one person, the members of a team (with or without its sub-teams),
 * the leader of a team, the people holding a role, or everyone.
 */
public record Holder(
    Kind kind,
    @Schema(nullable = true) Long personId,
    @Schema(nullable = true) Long teamId,
    @Schema(nullable = true) Long roleId) {

  public enum Kind {
    PERSON,
    TEAM,
    TEAM_AND_SUBTEAMS,
    TEAM_LEADER,
    EVERYONE,
    ROLE
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
    if (kind == Kind.ROLE && roleId == null) {
      throw new IllegalArgumentException("Choose the role whose holders hold this authority.");
    }
    if (kind != Kind.ROLE) {
      roleId = null;
    }
    if (kind != Kind.PERSON) {
      personId = null;
    }
    if (kind == Kind.PERSON || kind == Kind.EVERYONE || kind == Kind.ROLE) {
      teamId = null;
    }
  }

  public Holder(Kind kind, Long personId, Long teamId) {
    this(kind, personId, teamId, null);
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

  public static Holder role(long roleId) {
    return new Holder(Kind.ROLE, null, null, roleId);
  }

  public static Holder everyone() {
    return new Holder(Kind.EVERYONE, null, null);
  }

  /** Whether a person in this position is covered on this day. */
  boolean covers(PersonPosition position, java.time.LocalDate day) {
    return switch (kind) {
      case PERSON -> personId == position.personId();
      case TEAM -> position.teamId() != null && position.teamId().equals(teamId);
      case TEAM_AND_SUBTEAMS -> position.teamPath().contains(teamId);
      case TEAM_LEADER -> position.ledTeams().contains(teamId);
      case EVERYONE -> true;
      case ROLE -> position.holdsRole(roleId, day);
    };
  }
}
