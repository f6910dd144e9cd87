package org.baton.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.baton.platform.Money;

class AuthorityPolicyPropertiesTest {

  private static final Instant NOW = AuthorityPolicyTest.NOW;

  @Property
  void noGrantEverExceedsItsLimit(
      @ForAll @IntRange(min = 0, max = 10_000) int limitA,
      @ForAll @IntRange(min = 0, max = 10_000) int limitB,
      @ForAll @IntRange(min = 0, max = 12_000) int amount) {
    AuthorityPolicy policy =
        AuthorityPolicyTest.policy(
            AuthorityPolicyTest.rule(
                1, AuthorityPolicyTest.GOODWILL, Holder.everyone(), limitA + "", null, List.of()),
            AuthorityPolicyTest.rule(
                2,
                AuthorityPolicyTest.GOODWILL,
                Holder.team(AuthorityPolicyTest.SERVICE_DESK),
                limitB + "",
                null,
                List.of()));
    Evaluation e =
        policy.evaluate(
            AuthorityPolicyTest.HENRY,
            AuthorityPolicyTest.GOODWILL,
            Money.of(amount + "", "EUR"),
            Map.of(),
            NOW,
            id -> null);
    if (e.verdict() == Verdict.OUTSIDE_AUTHORITY) {
      assertThat(amount).isGreaterThan(Math.max(limitA, limitB));
    } else {
      assertThat(new BigDecimal(amount)).isLessThanOrEqualTo(e.grant().limit().value());
    }
  }

  @Property
  void aDelegationNeverExceedsItsSource(
      @ForAll @IntRange(min = 0, max = 10_000) int sourceLimit,
      @ForAll @IntRange(min = 1, max = 20_000) int delegatedLimit,
      @ForAll @IntRange(min = 0, max = 25_000) int amount) {
    Delegation delegation =
        new Delegation(
            1,
            AuthorityPolicyTest.MARIA.personId(),
            AuthorityPolicyTest.HENRY.personId(),
            AuthorityPolicyTest.GOODWILL,
            Money.of(delegatedLimit + "", "EUR"),
            NOW.minusSeconds(60),
            NOW.plusSeconds(60),
            false);
    AuthorityPolicy policy =
        new AuthorityPolicy(
            List.of(
                AuthorityPolicyTest.rule(
                    1,
                    AuthorityPolicyTest.GOODWILL,
                    Holder.person(AuthorityPolicyTest.MARIA.personId()),
                    sourceLimit + "",
                    null,
                    List.of())),
            List.of(delegation));
    Evaluation e =
        policy.evaluate(
            AuthorityPolicyTest.HENRY,
            AuthorityPolicyTest.GOODWILL,
            Money.of(amount + "", "EUR"),
            Map.of(),
            NOW,
            id -> id == AuthorityPolicyTest.MARIA.personId() ? AuthorityPolicyTest.MARIA : null);
    boolean granted = e.verdict() != Verdict.OUTSIDE_AUTHORITY;
    assertThat(granted).isEqualTo(amount <= Math.min(sourceLimit, delegatedLimit));
  }
}
