package org.baton.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an editor sends to change one part of the direction, each with the reason for it. A list
 * left out is refused rather than read as empty: emptying a part is said with an empty list.
 */
public final class DirectionDrafts {

  private DirectionDrafts() {}

  public record VisionDraft(String vision, String mission, String reason) {}

  public record ValuesDraft(List<Direction.Value> values, String reason) {}

  public record TradeOffsDraft(List<String> tradeOffs, String reason) {}

  public record PrioritiesDraft(List<PriorityDraft> priorities, String reason) {}

  /** A priority; without an id it is a new one, with one it is the same priority changed. */
  public record PriorityDraft(
      @Schema(nullable = true) Long id,
      String title,
      String why,
      Long ownerId,
      LocalDate startsOn,
      LocalDate endsOn,
      List<String> decisionTypes,
      List<GoalDraft> goals) {
    public PriorityDraft {
      decisionTypes = decisionTypes == null ? List.of() : decisionTypes;
      goals = goals == null ? List.of() : goals;
    }
  }

  public record GoalDraft(
      @Schema(nullable = true) Long id,
      String title,
      String unit,
      BigDecimal start,
      BigDecimal target,
      LocalDate dueOn) {}
}
