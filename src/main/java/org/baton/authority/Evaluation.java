package org.baton.authority;

import java.util.List;
import org.baton.platform.Money;

/**
 * The verdict of the policy for one person and one decision, before names are put to it.
 *
 * @param grant the most favourable grant that covers the decision, or null when outside
 * @param nearest when outside: the grant with the highest limit the person holds for this type, or
 *     null
 */
public record Evaluation(
    Verdict verdict, Grant grant, Grant nearest, List<String> requiredPerspectives) {

  /**
   * How far above a limit still counts as "just exceeded": a rule often just exceeded may be set
   * too low, a candidate for a review or a delegation.
   */
  static final java.math.BigDecimal JUST_ABOVE = new java.math.BigDecimal("1.25");

  public Evaluation {
    requiredPerspectives = List.copyOf(requiredPerspectives);
  }

  /** When outside: the highest limit the person holds for this type, or null. */
  public Money nearestLimit() {
    return nearest == null ? null : nearest.limit();
  }

  /**
   * The rule whose limit this amount just exceeds (by at most a quarter), when the person is
   * outside their authority only because of the amount; else null.
   */
  public AuthorityRule justExceeded(Money amount) {
    if (verdict != Verdict.OUTSIDE_AUTHORITY
        || amount == null
        || nearest == null
        || nearest.limit() == null
        || !nearest.limit().sameCurrency(amount)) {
      return null;
    }
    java.math.BigDecimal limit = nearest.limit().value();
    return amount.value().compareTo(limit) > 0
            && amount.value().compareTo(limit.multiply(JUST_ABOVE)) <= 0
        ? nearest.basis()
        : null;
  }
}
