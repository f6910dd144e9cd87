package org.baton.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.baton.platform.Money;
import org.junit.jupiter.api.Test;

/** The growth policy alone: when a record has earned a raise, what the next step needs, how far. */
class GrowthPolicyTest {

  private final GrowthPolicy policy = GrowthPolicy.defaults();
  private final Money limit = Money.of("500", "EUR");

  @Test
  void fortyDecisionsNoneReversedAQuarterNearTheLimitEarnARaise() {
    GrowthPolicy.Assessment earned = policy.assess(new GrowthPolicy.Counts(40, 10, 0, 2, 0), limit);
    assertThat(earned.earned()).isTrue();
    assertThat(earned.nextStep()).isNull();
    assertThat(earned.record())
        .isEqualTo(
            "40 decisions within scope in the last 6 months, none reversed; 10 of them above"
                + " 300 EUR (60% of the limit)");
    assertThat(earned.proposed()).isEqualTo(Money.of("1000", "EUR"));
  }

  @Test
  void theNextStepSaysWhatIsMissing() {
    assertThat(policy.assess(new GrowthPolicy.Counts(34, 12, 0, 0, 0), limit).nextStep())
        .startsWith("6 more decisions within scope, none reversed");
    assertThat(policy.assess(new GrowthPolicy.Counts(39, 12, 0, 0, 0), limit).nextStep())
        .startsWith("1 more decision within scope, none reversed");
    // a quarter of 44 is 11: one short
    assertThat(policy.assess(new GrowthPolicy.Counts(44, 10, 0, 0, 0), limit).nextStep())
        .startsWith("1 more above 300 EUR, none reversed");
  }

  @Test
  void aReversedDecisionInTheWindowHoldsTheRaiseBackButSupersededOnesDoNot() {
    GrowthPolicy.Assessment reversed =
        policy.assess(new GrowthPolicy.Counts(60, 30, 1, 0, 5), limit);
    assertThat(reversed.earned()).isFalse();
    assertThat(reversed.nextStep())
        .isEqualTo("a window of 6 months with no reversed decision (there is 1 now)");
    assertThat(policy.assess(new GrowthPolicy.Counts(60, 30, 0, 9, 0), limit).earned()).isTrue();
  }

  @Test
  void repeatedApprovedRequestsJustAboveTheLimitEarnARaiseOnTheirOwn() {
    assertThat(policy.assess(new GrowthPolicy.Counts(3, 0, 0, 0, 3), limit).earned()).isTrue();
    assertThat(policy.assess(new GrowthPolicy.Counts(3, 0, 0, 0, 2), limit).nextStep())
        .endsWith("; or 1 more approved request just above the limit");
    assertThat(policy.isJustAbove(Money.of("750", "EUR"), limit)).isTrue();
    assertThat(policy.isJustAbove(Money.of("750.01", "EUR"), limit)).isFalse();
    assertThat(policy.isJustAbove(Money.of("500", "EUR"), limit)).isFalse();
    assertThat(policy.isJustAbove(Money.of("600", "USD"), limit)).isFalse();
  }

  @Test
  void theNextStepDoublesTheLimitToTwoSignificantFigures() {
    assertThat(policy.nextStep(Money.of("500", "EUR"))).isEqualTo(Money.of("1000", "EUR"));
    assertThat(policy.nextStep(Money.of("130", "EUR"))).isEqualTo(Money.of("260", "EUR"));
    assertThat(policy.nextStep(Money.of("2475", "EUR"))).isEqualTo(Money.of("5000", "EUR"));
    assertThat(policy.isNearLimit(new BigDecimal("300.01"), new BigDecimal("500"))).isTrue();
    assertThat(policy.isNearLimit(new BigDecimal("300"), new BigDecimal("500"))).isFalse();
  }

  @Test
  void aPolicyTunedOutOfRangeIsRefusedAtStartWithTheSettingNamed() {
    assertThatThrownBy(
            () ->
                new GrowthPolicy(
                    6,
                    40,
                    0,
                    new BigDecimal("1.2"),
                    new BigDecimal("0.25"),
                    3,
                    new BigDecimal("1.5"),
                    new BigDecimal("2"),
                    Duration.ofDays(90)))
        .hasMessageContaining("baton.growth.near-limit");
  }
}
