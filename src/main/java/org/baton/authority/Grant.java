package org.baton.authority;

import java.math.BigDecimal;
import java.util.List;
import org.baton.platform.Money;

/**
 * What one rule or delegation gives a person for a decision: a limit, and the advice needed above a
 * threshold.
 */
public record Grant(
    AuthorityRule rule,
    Delegation delegation,
    Money limit,
    BigDecimal adviceThreshold,
    List<String> advicePerspectives) {

  public Grant {
    advicePerspectives = List.copyOf(advicePerspectives);
  }

  static Grant of(AuthorityRule rule) {
    return new Grant(rule, null, rule.limit(), rule.adviceThreshold(), rule.advicePerspectives());
  }

  /** Whether the amount is within the limit (inclusive); a grant without a limit has no cap. */
  boolean covers(Money amount) {
    return limit == null || amount == null || amount.compareTo(limit) <= 0;
  }

  /**
   * Advice is needed when the grant names perspectives and the decision has no amount, has no
   * threshold to stay under, or goes above the threshold (strictly).
   */
  boolean needsAdviceFor(Money amount) {
    return !advicePerspectives.isEmpty()
        && (adviceThreshold == null
            || amount == null
            || amount.value().compareTo(adviceThreshold) > 0);
  }

  /** The rule the grant rests on: the rule itself, or the delegator's rule for a delegation. */
  public AuthorityRule basis() {
    return rule;
  }
}
