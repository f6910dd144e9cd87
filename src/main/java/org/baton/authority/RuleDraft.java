package org.baton.authority;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;

/**
 * A rule as someone writes it, before it is checked: conditions as text, amounts as numbers.
 *
 * @param reason why the rule is made or changed: every version records it
 */
public record RuleDraft(
    String decisionType,
    Holder.Kind holderKind,
    @Schema(nullable = true) Long holderPersonId,
    @Schema(nullable = true) Long holderTeamId,
    @Schema(nullable = true) Long holderRoleId,
    @Schema(nullable = true) BigDecimal limit,
    @Schema(nullable = true) String currency,
    @Schema(nullable = true) BigDecimal adviceThreshold,
    List<String> advicePerspectives,
    List<String> conditions,
    @Schema(nullable = true) LocalDate validFrom,
    @Schema(nullable = true) LocalDate validUntil,
    @Schema(nullable = true) Long ownerPersonId,
    @Schema(nullable = true) String reason) {

  public RuleDraft {
    advicePerspectives = advicePerspectives == null ? List.of() : List.copyOf(advicePerspectives);
    conditions =
        conditions == null
            ? List.of()
            : conditions.stream().filter(c -> c != null && !c.isBlank()).toList();
  }

  /** The rule this draft describes, as version {@code version} of rule {@code id}. */
  AuthorityRule toRule(long id, int version, DecisionType type, boolean retired) {
    List<FieldProblem> problems = new ArrayList<>();
    Holder holder = null;
    try {
      holder = new Holder(holderKind, holderPersonId, holderTeamId, holderRoleId);
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("holder", e.getMessage()));
    }
    Money money = null;
    if (type.carriesAmount()) {
      if (limit == null) {
        problems.add(
            new FieldProblem("limit", "Give the limit: this kind of decision has an amount."));
      } else {
        try {
          money = new Money(limit, currency == null ? "" : currency.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
          problems.add(
              new FieldProblem(
                  e.getMessage().contains("currency") ? "currency" : "limit", e.getMessage()));
        }
      }
      if (adviceThreshold != null && adviceThreshold.signum() < 0) {
        problems.add(new FieldProblem("adviceThreshold", "The threshold cannot be negative."));
      }
    }
    List<Condition> parsed = new ArrayList<>();
    for (String condition : conditions) {
      try {
        parsed.add(Condition.parse(condition));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("conditions", e.getMessage()));
      }
    }
    if (reason == null || reason.isBlank()) {
      problems.add(new FieldProblem("reason", "Say why: every version of a rule records it."));
    }
    InvalidInputException.throwIfAny(problems);
    try {
      return new AuthorityRule(
          id,
          version,
          new DecisionTypeCode(type.code()),
          holder,
          money,
          type.carriesAmount() ? adviceThreshold : null,
          advicePerspectives,
          parsed,
          validFrom,
          validUntil,
          ownerPersonId,
          retired);
    } catch (IllegalArgumentException e) {
      String field =
          e.getMessage().contains("threshold")
              ? "adviceThreshold"
              : e.getMessage().contains("perspectives") ? "advicePerspectives" : "validUntil";
      throw new InvalidInputException(field, e.getMessage());
    }
  }
}
