package org.baton.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A key figure as its reader may see it, with its latest value and the one before (the trend).
 *
 * @param people the people named on a figure of level PEOPLE (empty otherwise)
 */
public record KeyFigure(
    long id,
    String name,
    String unit,
    String description,
    @Schema(nullable = true) BigDecimal target,
    Visibility visibility,
    List<Long> people,
    @Schema(nullable = true) FigureValue latest,
    @Schema(nullable = true) FigureValue previous) {

  /** One value of a figure on a day. */
  public record FigureValue(LocalDate on, BigDecimal value, String comment, String byName) {}

  /** up, down or flat against the value before; empty with fewer than two values. */
  public String trend() {
    if (latest == null || previous == null) {
      return "";
    }
    int c = latest.value().compareTo(previous.value());
    return c > 0 ? "up" : c < 0 ? "down" : "flat";
  }
}
