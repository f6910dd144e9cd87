package org.baton.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The direction as one version has it: what everyone reads on {@code /strategy}. Priorities and
 * goals keep their ids from version to version.
 *
 * @param version the version's number; 0 before anyone has written one
 */
public record Direction(
    int version,
    String vision,
    String mission,
    List<Value> values,
    List<String> tradeOffs,
    List<Priority> priorities,
    @Schema(nullable = true) String changedByName,
    @Schema(nullable = true) Instant changedAt,
    @Schema(nullable = true) String reason) {

  public static final Direction NONE =
      new Direction(0, "", "", List.of(), List.of(), List.of(), null, null, null);

  /** A value and what it means in practice. */
  public record Value(String name, String meaning) {}

  /** A priority, in its order; {@code ownerName} is filled in when read. */
  public record Priority(
      long id,
      String title,
      String why,
      long ownerId,
      @Schema(nullable = true) String ownerName,
      LocalDate startsOn,
      LocalDate endsOn,
      List<String> decisionTypes,
      List<Goal> goals) {

    public Priority withOwnerName(String name) {
      return new Priority(id, title, why, ownerId, name, startsOn, endsOn, decisionTypes, goals);
    }

    public Priority withGoals(List<Goal> goals) {
      return new Priority(
          id, title, why, ownerId, ownerName, startsOn, endsOn, decisionTypes, goals);
    }

    /** e.g. "Jan 2026 to Dec 2026". */
    public String period() {
      return Dates.month(startsOn) + " to " + Dates.month(endsOn);
    }
  }

  /**
   * A goal with a measure: from {@code start} to {@code target} in {@code unit} by {@code dueOn}.
   * {@code latest} is its newest progress update, filled in when read.
   */
  public record Goal(
      long id,
      String title,
      String unit,
      BigDecimal start,
      BigDecimal target,
      LocalDate dueOn,
      @Schema(nullable = true) Progress latest) {

    public Goal withLatest(Progress latest) {
      return new Goal(id, title, unit, start, target, dueOn, latest);
    }

    /**
     * How far from start to target the latest value has come, 0 to 100 (beyond the target is 100, a
     * move away from it 0); 0 without an update.
     */
    public int percentDone() {
      if (latest == null || target.compareTo(start) == 0) {
        return 0;
      }
      double done =
          latest.value().subtract(start).doubleValue() / target.subtract(start).doubleValue();
      return (int) Math.round(Math.max(0, Math.min(1, done)) * 100);
    }
  }

  /** One progress update of a goal: a value, a comment, who and when. */
  public record Progress(
      long id, BigDecimal value, String comment, String byName, Instant recordedAt) {}

  public Optional<Priority> priority(long id) {
    return priorities.stream().filter(p -> p.id() == id).findFirst();
  }

  Direction withPriorities(List<Priority> priorities) {
    return new Direction(
        version, vision, mission, values, tradeOffs, priorities, changedByName, changedAt, reason);
  }

  Direction withVision(String vision, String mission) {
    return new Direction(
        version, vision, mission, values, tradeOffs, priorities, changedByName, changedAt, reason);
  }

  Direction withValues(List<Value> values) {
    return new Direction(
        version, vision, mission, values, tradeOffs, priorities, changedByName, changedAt, reason);
  }

  Direction withTradeOffs(List<String> tradeOffs) {
    return new Direction(
        version, vision, mission, values, tradeOffs, priorities, changedByName, changedAt, reason);
  }
}
