package org.baton.authority;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.baton.platform.Money;

/**
 * The answer to a check, with everything a person or another system needs to act on it: the
 * verdict, why in plain words, the rule or delegation it rests on, whom to consult, and who holds
 * the authority when the asker does not.
 */
public record CheckResult(
    Verdict verdict,
    String explanation,
    PersonRef person,
    TypeRef decisionType,
    @Schema(nullable = true) Money amount,
    @Schema(nullable = true) RuleRef rule,
    @Schema(nullable = true) DelegationRef delegation,
    List<PerspectiveAdvisers> requiredPerspectives,
    List<PersonRef> holders,
    @Schema(nullable = true) Money nearestLimit,
    Instant checkedAt,
    @Schema(description = "The context the rules' conditions were read against, as it was sent")
        java.util.Map<String, String> context) {

  public record PersonRef(
      long id,
      String name,
      @Schema(nullable = true) String team,
      @Schema(nullable = true) Integer distance) {}

  public record TypeRef(String code, String name, boolean confidential) {}

  public record RuleRef(
      long id,
      int version,
      String decisionType,
      String holder,
      @Schema(
              nullable = true,
              description = "The role through which the holder decides, for rules held by a role")
          String role,
      @Schema(nullable = true) Money limit,
      @Schema(nullable = true) BigDecimal adviceThreshold,
      List<String> advicePerspectives,
      List<String> conditions) {}

  public record DelegationRef(
      long id, PersonRef from, @Schema(nullable = true) Money limit, Instant validUntil) {}

  /** A perspective to consult and the people nearest the asker who cover it. */
  public record PerspectiveAdvisers(String code, List<PersonRef> advisers) {}

  public boolean mayDecide() {
    return verdict != Verdict.OUTSIDE_AUTHORITY;
  }
}
