package org.baton.roles;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Someone's application to an open role: why they want it (passion), what they know (perspectives
 * and free text), whom they can reach (network) and how much time they can give; their team
 * leader's answer about that time; a match as one side proposed it; and how it ended.
 */
public record RoleApplication(
    long id,
    long roleId,
    NamedPerson applicant,
    String passion,
    List<String> perspectives,
    String knowledge,
    List<NamedPerson> networkPeople,
    List<NamedTeam> networkTeams,
    BigDecimal hoursPerWeek,
    @Schema(nullable = true) LocalDate until,
    State state,
    @Schema(nullable = true, description = "The applicant's team leader, asked about the time")
        NamedPerson teamLeader,
    @Schema(nullable = true) TimeAnswer timeAnswer,
    @Schema(nullable = true) ProposedMatch proposedMatch,
    String declineReason,
    Instant appliedAt,
    @Schema(nullable = true) Instant closedAt) {

  public enum State {
    APPLIED,
    MATCHED,
    DECLINED,
    WITHDRAWN
  }

  public record NamedPerson(long id, String name) {}

  public record NamedTeam(long id, String name) {}

  /** The team leader's answer: confirm the hours, adjust them (with a note), or talk first. */
  public record TimeAnswer(
      TimeAnswerKind answer,
      @Schema(nullable = true) BigDecimal hoursPerWeek,
      String note,
      Instant answeredAt) {}

  public enum TimeAnswerKind {
    CONFIRMED,
    ADJUSTED,
    DISCUSS
  }

  /** What one side proposed to commit to; the other side agrees, and the role is theirs. */
  public record ProposedMatch(
      BigDecimal hoursPerWeek,
      @Schema(nullable = true) LocalDate until,
      String commitment,
      NamedPerson proposedBy) {}

  public boolean live() {
    return state == State.APPLIED;
  }

  /** The hours the team leader stands behind: what they adjusted to, or what was asked for. */
  public BigDecimal confirmedHours() {
    if (timeAnswer == null || timeAnswer.answer() == TimeAnswerKind.DISCUSS) {
      return null;
    }
    return timeAnswer.answer() == TimeAnswerKind.ADJUSTED
        ? timeAnswer.hoursPerWeek()
        : hoursPerWeek;
  }
}
