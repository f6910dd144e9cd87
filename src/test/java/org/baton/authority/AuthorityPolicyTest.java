package org.baton.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baton.platform.Money;
import org.junit.jupiter.api.Test;

class AuthorityPolicyTest {

  static final long SERVICE_DESK = 10;
  static final long LEADERSHIP = 1;
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  static final PersonPosition HENRY =
      new PersonPosition(100, true, SERVICE_DESK, List.of(SERVICE_DESK, LEADERSHIP), List.of());
  static final PersonPosition MARIA =
      new PersonPosition(
          101, true, SERVICE_DESK, List.of(SERVICE_DESK, LEADERSHIP), List.of(SERVICE_DESK));
  static final PersonPosition SAM =
      new PersonPosition(102, true, LEADERSHIP, List.of(LEADERSHIP), List.of(LEADERSHIP));

  static final DecisionTypeCode GOODWILL = new DecisionTypeCode("customer.goodwill");

  // The demo policy: the service desk up to 500 EUR, above 250 after finance; its leader 2,000.
  static AuthorityRule serviceDeskGoodwill() {
    return rule(1, GOODWILL, Holder.team(SERVICE_DESK), "500", "250", List.of("finance"));
  }

  static AuthorityRule leaderGoodwill() {
    return rule(2, GOODWILL, Holder.leaderOf(SERVICE_DESK), "2000", null, List.of());
  }

  private final Map<Long, PersonPosition> positions =
      new HashMap<>(Map.of(HENRY.personId(), HENRY, MARIA.personId(), MARIA, SAM.personId(), SAM));

  @Test
  void clerkMayGrantGoodwillWithinHisLimit() {
    Evaluation e = check(policy(serviceDeskGoodwill(), leaderGoodwill()), HENRY, "150");
    assertThat(e.verdict()).isEqualTo(Verdict.WITHIN_AUTHORITY);
    assertThat(e.grant().rule().id()).isEqualTo(1);
  }

  @Test
  void aboveTheThresholdTheClerkNeedsAdviceFromFinance() {
    Evaluation e = check(policy(serviceDeskGoodwill(), leaderGoodwill()), HENRY, "400");
    assertThat(e.verdict()).isEqualTo(Verdict.NEEDS_ADVICE);
    assertThat(e.requiredPerspectives()).containsExactly("finance");
  }

  @Test
  void limitsAndThresholdsAreInclusive() {
    AuthorityPolicy policy = policy(serviceDeskGoodwill());
    assertThat(check(policy, HENRY, "250").verdict()).isEqualTo(Verdict.WITHIN_AUTHORITY);
    assertThat(check(policy, HENRY, "250.01").verdict()).isEqualTo(Verdict.NEEDS_ADVICE);
    assertThat(check(policy, HENRY, "500").verdict()).isEqualTo(Verdict.NEEDS_ADVICE);
    assertThat(check(policy, HENRY, "500.01").verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);
  }

  @Test
  void outsideTheLimitTheAskerLearnsTheirNearestLimit() {
    Evaluation e = check(policy(serviceDeskGoodwill(), leaderGoodwill()), HENRY, "800");
    assertThat(e.verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);
    assertThat(e.nearestLimit()).isEqualTo(Money.of("500", "EUR"));
    assertThat(check(policy(serviceDeskGoodwill(), leaderGoodwill()), MARIA, "800").verdict())
        .isEqualTo(Verdict.WITHIN_AUTHORITY);
  }

  @Test
  void theMostFavourableGrantWinsWithItsOwnThreshold() {
    AuthorityRule smallButFree =
        rule(3, GOODWILL, Holder.person(HENRY.personId()), "300", null, List.of());
    AuthorityPolicy policy = policy(serviceDeskGoodwill(), smallButFree);
    Evaluation e = check(policy, HENRY, "280");
    assertThat(e.verdict()).isEqualTo(Verdict.WITHIN_AUTHORITY);
    assertThat(e.grant().rule().id()).isEqualTo(3);
    assertThat(check(policy, HENRY, "400").verdict()).isEqualTo(Verdict.NEEDS_ADVICE);
  }

  @Test
  void aRuleCoversTheSubTypesOfItsType() {
    AuthorityRule customer =
        rule(
            4, new DecisionTypeCode("customer"), Holder.team(SERVICE_DESK), "100", null, List.of());
    AuthorityPolicy policy = policy(customer);
    assertThat(check(policy, HENRY, new DecisionTypeCode("customer.goodwill.vip"), "90").verdict())
        .isEqualTo(Verdict.WITHIN_AUTHORITY);
    assertThat(check(policy, HENRY, new DecisionTypeCode("customerx"), "90").verdict())
        .isEqualTo(Verdict.OUTSIDE_AUTHORITY);
  }

  @Test
  void conditionsOnTheContextMustBeMet() {
    AuthorityRule gold =
        new AuthorityRule(
            5,
            1,
            GOODWILL,
            Holder.everyone(),
            Money.of("1000", "EUR"),
            null,
            List.of(),
            List.of(Condition.parse("customer.tier in (gold, silver)")),
            null,
            null,
            null,
            false);
    AuthorityPolicy policy = policy(gold);
    assertThat(check(policy, HENRY, GOODWILL, "900", Map.of("customer.tier", "Gold")).verdict())
        .isEqualTo(Verdict.WITHIN_AUTHORITY);
    assertThat(check(policy, HENRY, GOODWILL, "900", Map.of("customer.tier", "bronze")).verdict())
        .isEqualTo(Verdict.OUTSIDE_AUTHORITY);
    assertThat(check(policy, HENRY, GOODWILL, "900", Map.of()).verdict())
        .isEqualTo(Verdict.OUTSIDE_AUTHORITY);
  }

  @Test
  void anAmountInAnotherCurrencyIsRefusedNotConverted() {
    assertThatThrownBy(
            () ->
                policy(serviceDeskGoodwill())
                    .evaluate(
                        HENRY, GOODWILL, Money.of("100", "USD"), Map.of(), NOW, positions::get))
        .isInstanceOf(CurrencyMismatchException.class)
        .hasMessageContaining("in EUR")
        .hasMessageContaining("USD is not converted");
  }

  @Test
  void expiredAndFutureRulesGrantNothing() {
    AuthorityRule expired =
        new AuthorityRule(
            6,
            1,
            GOODWILL,
            Holder.everyone(),
            Money.of("100", "EUR"),
            null,
            List.of(),
            List.of(),
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2026-11-22"),
            null,
            false);
    AuthorityRule future =
        new AuthorityRule(
            7,
            1,
            GOODWILL,
            Holder.everyone(),
            Money.of("100", "EUR"),
            null,
            List.of(),
            List.of(),
            LocalDate.parse("2026-11-24"),
            null,
            null,
            false);
    AuthorityRule lastDay =
        new AuthorityRule(
            8,
            1,
            GOODWILL,
            Holder.person(SAM.personId()),
            Money.of("100", "EUR"),
            null,
            List.of(),
            List.of(),
            null,
            LocalDate.parse("2026-11-23"),
            null,
            false);
    AuthorityPolicy policy = policy(expired, future, lastDay);
    assertThat(check(policy, HENRY, "10").verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);
    assertThat(check(policy, SAM, "10").verdict()).isEqualTo(Verdict.WITHIN_AUTHORITY);
  }

  @Test
  void inactivePeopleHoldNoAuthority() {
    PersonPosition leftTheCompany =
        new PersonPosition(100, false, SERVICE_DESK, List.of(SERVICE_DESK, LEADERSHIP), List.of());
    assertThat(check(policy(serviceDeskGoodwill()), leftTheCompany, "10").verdict())
        .isEqualTo(Verdict.OUTSIDE_AUTHORITY);
  }

  @Test
  void aDelegationLendsAuthorityForItsPeriodOnly() {
    Delegation whileAway =
        new Delegation(
            1,
            MARIA.personId(),
            HENRY.personId(),
            GOODWILL,
            Money.of("1500", "EUR"),
            NOW.minusSeconds(3600),
            NOW.plusSeconds(3600),
            false);
    AuthorityPolicy policy =
        new AuthorityPolicy(List.of(serviceDeskGoodwill(), leaderGoodwill()), List.of(whileAway));
    Evaluation e = check(policy, HENRY, "1200");
    assertThat(e.verdict()).isEqualTo(Verdict.WITHIN_AUTHORITY);
    assertThat(e.grant().delegation()).isEqualTo(whileAway);
    assertThat(check(policy, HENRY, "1600").verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);
    assertThat(
            policy
                .evaluate(
                    HENRY,
                    GOODWILL,
                    Money.of("1200", "EUR"),
                    Map.of(),
                    NOW.plusSeconds(7200),
                    positions::get)
                .verdict())
        .isEqualTo(Verdict.OUTSIDE_AUTHORITY);
  }

  @Test
  void aDelegationNeverGivesMoreThanTheDelegatorHolds() {
    Delegation tooGenerous =
        new Delegation(
            2,
            MARIA.personId(),
            HENRY.personId(),
            GOODWILL,
            Money.of("5000", "EUR"),
            NOW.minusSeconds(3600),
            NOW.plusSeconds(3600),
            false);
    AuthorityPolicy policy = new AuthorityPolicy(List.of(leaderGoodwill()), List.of(tooGenerous));
    assertThat(check(policy, HENRY, "2000").verdict()).isEqualTo(Verdict.WITHIN_AUTHORITY);
    assertThat(check(policy, HENRY, "2000.01").verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);
    positions.put(
        MARIA.personId(),
        new PersonPosition(101, false, SERVICE_DESK, List.of(SERVICE_DESK), List.of(SERVICE_DESK)));
    assertThat(check(policy, HENRY, "10").verdict())
        .as("an inactive delegator lends nothing")
        .isEqualTo(Verdict.OUTSIDE_AUTHORITY);
  }

  @Test
  void teamAndSubTeamRulesReachDownTheTree() {
    AuthorityRule everyoneInLeadership =
        rule(9, GOODWILL, Holder.teamAndSubteams(LEADERSHIP), "50", null, List.of());
    assertThat(check(policy(everyoneInLeadership), HENRY, "50").verdict())
        .isEqualTo(Verdict.WITHIN_AUTHORITY);
    AuthorityRule leadershipOnly =
        rule(10, GOODWILL, Holder.team(LEADERSHIP), "50", null, List.of());
    assertThat(check(policy(leadershipOnly), HENRY, "50").verdict())
        .isEqualTo(Verdict.OUTSIDE_AUTHORITY);
  }

  @Test
  void perspectivesWithoutAThresholdMeanAdviceIsAlwaysNeeded() {
    DecisionTypeCode processChange = new DecisionTypeCode("production.process-change");
    AuthorityRule rule =
        new AuthorityRule(
            11,
            1,
            processChange,
            Holder.everyone(),
            null,
            null,
            List.of("quality", "production-engineering"),
            List.of(),
            null,
            null,
            null,
            false);
    Evaluation e = policy(rule).evaluate(HENRY, processChange, null, Map.of(), NOW, positions::get);
    assertThat(e.verdict()).isEqualTo(Verdict.NEEDS_ADVICE);
    assertThat(e.requiredPerspectives()).containsExactly("quality", "production-engineering");
  }

  @Test
  void conditionsParseAsPeopleWriteThem() {
    assertThat(Condition.parse("customer.tier in (gold, silver)").toString())
        .isEqualTo("customer.tier in (gold, silver)");
    assertThat(Condition.parse("site = Plant 1").isMetBy(Map.of("site", "plant 1"))).isTrue();
    assertThat(Condition.parse("order.count >= 3").isMetBy(Map.of("order.count", "3"))).isTrue();
    assertThat(Condition.parse("order.count >= 3").isMetBy(Map.of("order.count", "two"))).isFalse();
    assertThatThrownBy(() -> Condition.parse("tier is gold"))
        .hasMessageContaining("is not a condition");
    assertThatThrownBy(() -> Condition.parse("count > many")).hasMessageContaining("number");
  }

  @Test
  void amountsTypedIntoFormsAreReadOrRefusedNamingTheField() {
    assertThat(Money.fromForm(" 99,50 ", "eur", "amount")).isEqualTo(Money.of("99.50", "EUR"));
    assertThat(Money.fromForm("", "EUR", "amount")).isNull();
    assertThatThrownBy(() -> Money.fromForm("lots", "EUR", "limit"))
        .isInstanceOf(org.baton.platform.InvalidInputException.class)
        .hasMessage("Enter the limit as a number, such as 150 or 99.50.");
    assertThatThrownBy(() -> Money.fromForm("-5", "EUR", "amount"))
        .hasMessageContaining("negative");
    // a thousands separator is not a decimal point: never read "1,500" as 1.5
    assertThatThrownBy(() -> Money.fromForm("1,500", "EUR", "amount"))
        .hasMessage(
            "“1,500” could be 1500 or 1.5: write it without a thousands separator, such as 1500,"
                + " or with two decimals, such as 1.50.");
    assertThatThrownBy(() -> Money.fromForm("2.000", "EUR", "amount"))
        .hasMessageContaining("could be 2000 or 2: ");
    assertThatThrownBy(() -> Money.fromForm("0,500", "EUR", "amount"))
        .hasMessageContaining("could be 500 or 0.5: ");
    assertThat(Money.fromForm("1500", "EUR", "amount")).isEqualTo(Money.of("1500", "EUR"));
    assertThat(Money.fromForm("40,50", "EUR", "amount")).isEqualTo(Money.of("40.50", "EUR"));
  }

  @Test
  void badAmountsAreRefused() {
    assertThatThrownBy(() -> Money.of("-1", "EUR")).hasMessageContaining("negative");
    assertThatThrownBy(() -> Money.of("1.234", "EUR")).hasMessageContaining("two decimals");
    assertThatThrownBy(() -> Money.of("1e15", "EUR")).hasMessageContaining("not believable");
    assertThatThrownBy(() -> Money.of("1", "euro")).hasMessageContaining("three capital letters");
  }

  static AuthorityRule rule(
      long id,
      DecisionTypeCode type,
      Holder holder,
      String limit,
      String threshold,
      List<String> perspectives) {
    return new AuthorityRule(
        id,
        1,
        type,
        holder,
        Money.of(limit, "EUR"),
        threshold == null ? null : new BigDecimal(threshold),
        perspectives,
        List.of(),
        null,
        null,
        null,
        false);
  }

  static AuthorityPolicy policy(AuthorityRule... rules) {
    return new AuthorityPolicy(List.of(rules), List.of());
  }

  private Evaluation check(AuthorityPolicy policy, PersonPosition who, String amount) {
    return check(policy, who, GOODWILL, amount);
  }

  private Evaluation check(
      AuthorityPolicy policy, PersonPosition who, DecisionTypeCode type, String amount) {
    return check(policy, who, type, amount, Map.of());
  }

  private Evaluation check(
      AuthorityPolicy policy,
      PersonPosition who,
      DecisionTypeCode type,
      String amount,
      Map<String, String> context) {
    return policy.evaluate(who, type, Money.of(amount, "EUR"), context, NOW, positions::get);
  }
}
