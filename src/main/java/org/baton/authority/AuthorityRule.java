package org.baton.authority;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baton.platform.Money;

/**
 * One version of "HOLDER may decide TYPE (and its sub-types) up to LIMIT, when CONDITIONS; above
 * THRESHOLD only after advice from PERSPECTIVES".
 *
 * @param limit inclusive; null for decision types without an amount
 * @param adviceThreshold in the limit's currency; above it (strictly) advice is needed; null for
 *     never
 * @param validUntil inclusive; null for open-ended
 */
public record AuthorityRule(
    long id,
    int version,
    DecisionTypeCode type,
    Holder holder,
    @Schema(nullable = true) Money limit,
    @Schema(nullable = true) BigDecimal adviceThreshold,
    List<String> advicePerspectives,
    List<Condition> conditions,
    @Schema(nullable = true) LocalDate validFrom,
    @Schema(nullable = true) LocalDate validUntil,
    @Schema(nullable = true) Long ownerPersonId,
    boolean retired) {

  public AuthorityRule {
    advicePerspectives = List.copyOf(advicePerspectives);
    conditions = List.copyOf(conditions);
    if (limit != null && adviceThreshold != null && adviceThreshold.compareTo(limit.value()) > 0) {
      throw new IllegalArgumentException("The advice threshold cannot be above the limit.");
    }
    if (adviceThreshold != null && advicePerspectives.isEmpty()) {
      throw new IllegalArgumentException("Name the perspectives to consult above the threshold.");
    }
    if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
      throw new IllegalArgumentException("A rule cannot end before it starts.");
    }
  }

  boolean isValidOn(LocalDate day) {
    return !retired
        && (validFrom == null || !day.isBefore(validFrom))
        && (validUntil == null || !day.isAfter(validUntil));
  }

  boolean conditionsMetBy(Map<String, String> context) {
    return conditions.stream().allMatch(condition -> condition.isMetBy(context));
  }
}
