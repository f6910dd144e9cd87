package org.baton.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What an editor sends to create or change a key figure, or to enter one of its values. */
public final class FigureDrafts {

  private FigureDrafts() {}

  public record FigureDraft(
      String name,
      String unit,
      String description,
      @Schema(nullable = true) BigDecimal target,
      Visibility visibility,
      List<Long> people) {
    public FigureDraft {
      people = people == null ? List.of() : people.stream().distinct().toList();
    }
  }

  /**
   * A value on a day. {@code unit}, when sent, must be the figure's own: a value in another unit is
   * refused rather than stored as a wrong number.
   */
  public record ValueDraft(
      LocalDate on,
      BigDecimal value,
      @Schema(nullable = true) String unit,
      @Schema(nullable = true) String comment) {}
}
