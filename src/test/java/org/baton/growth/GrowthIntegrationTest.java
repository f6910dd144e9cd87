package org.baton.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.baton.BatonIntegrationTest;
import org.baton.Demo;
import org.baton.authority.Authority;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.CheckQuestion;
import org.baton.authority.CheckResult;
import org.baton.authority.DecisionType;
import org.baton.authority.Holder;
import org.baton.authority.RuleDraft;
import org.baton.authority.Verdict;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.directory.Directory;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.baton.platform.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Story 7 with the real record, policy and check: a clerk's decisions build a record the growth
 * follower reads as they are recorded; the policy suggests a raise to the owner of the rule that
 * limits him; she cannot raise it past her own limit, nobody else may raise it at all, and when she
 * approves, his next check is within the new limit and says why. The demo's own clerk has earned
 * his suggestion on a fresh start. Each test decides a decision type of its own, so that no raise
 * it makes gives anyone authority other tests rely on.
 */
@BatonIntegrationTest
class GrowthIntegrationTest {

  @Autowired DecisionRecord decisions;
  @Autowired TrackRecords records;
  @Autowired GrowthSuggestions suggestions;
  @Autowired AuthorityAdministration administration;
  @Autowired Authority authority;
  @Autowired Directory directory;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired org.baton.authority.LimitRaises raises;

  @Test
  void aClerksRecordEarnsASuggestionHisRuleOwnerApprovesAndHisNextCheckIsWithinTheRaise() {
    String type = "test.growth.story";
    BatonUser paul = account("paul@example.com");
    BatonUser maria = account("maria@example.com");
    BatonUser sam = account("sam@example.com");
    long limiting = serviceDeskRules(type, maria, sam);

    // thirty-nine decisions within scope, ten of them above 300 EUR (60% of 500): one short
    for (int i = 0; i < 39; i++) {
      decide(paul, type, i < 10 ? "400" : "100");
    }
    TrackRecords.TypeRecord almost =
        eventually(
            () -> row(records.of(paul, paul.personId()), type).filter(r -> r.decisions() == 39));
    assertThat(almost.nextStep()).startsWith("1 more decision within scope, none reversed");
    assertThat(almost.limit()).isEqualTo(Money.of("500", "EUR"));
    assertThat(almost.averageSharePercent()).isEqualTo(35); // (10 x 0.8 + 29 x 0.2) / 39
    assertThat(suggestions.waitingFor(maria)).noneMatch(s -> s.decisionType().equals(type));

    decide(paul, type, "100");
    GrowthSuggestion suggestion =
        eventually(
            () ->
                suggestions.waitingFor(maria).stream()
                    .filter(s -> s.decisionType().equals(type))
                    .findFirst());
    assertThat(suggestion.person().id()).isEqualTo(paul.personId());
    assertThat(suggestion.ruleId()).isEqualTo(limiting);
    assertThat(suggestion.currentLimit()).isEqualTo(Money.of("500", "EUR"));
    assertThat(suggestion.proposedLimit()).isEqualTo(Money.of("1000", "EUR"));
    assertThat(suggestion.record()).startsWith("40 decisions within scope in the last 6 months");
    org.baton.Listeners.awaitAllHandled(jdbc);
    assertThat(notificationsOf(maria, "/authority/growth-suggestions/" + suggestion.id()))
        .isEqualTo(1);

    // the preview shows what the raise would have allowed: nothing of Paul's was escalated, so
    // it changes nothing, and says so
    GrowthSuggestions.SuggestionView view = suggestions.view(maria, suggestion.id());
    assertThat(view.mayAnswer()).isTrue();
    assertThat(view.ownLimit()).isEqualTo(Money.of("2000", "EUR"));
    assertThat(view.preview()).isNotNull();
    assertThat(suggestions.view(paul, suggestion.id()).mayAnswer()).isFalse();

    long rulesBefore = administration.rules().size();
    // not the owner of the rule that limits him: Sam owns only the leader's rule
    assertThatThrownBy(() -> suggestions.approve(sam, suggestion.id(), null, null))
        .isInstanceOf(org.baton.platform.NotFoundException.class);
    assertThatThrownBy(() -> suggestions.approve(paul, suggestion.id(), null, null))
        .isInstanceOf(AccessDeniedException.class);
    // above what Maria may decide herself
    assertThatThrownBy(
            () -> suggestions.approve(maria, suggestion.id(), new BigDecimal("2500"), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2000 EUR yourself");
    assertThatThrownBy(() -> suggestions.decline(maria, suggestion.id(), " "))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> suggestions.defer(maria, suggestion.id(), LocalDate.now(), null))
        .isInstanceOf(InvalidInputException.class);
    assertThat(administration.rules()).hasSize((int) rulesBefore);
    assertThat(suggestions.view(maria, suggestion.id()).suggestion().status())
        .isEqualTo(GrowthSuggestion.Status.OPEN);

    CheckQuestion eightHundred =
        new CheckQuestion(paul.personId(), type, Money.of("800", "EUR"), Map.of());
    assertThat(authority.check(paul, eightHundred).verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);

    suggestions.defer(maria, suggestion.id(), LocalDate.now().plusDays(3), "After the audit.");
    GrowthSuggestion approved = suggestions.approve(maria, suggestion.id(), null, "Well earned.");
    assertThat(approved.status()).isEqualTo(GrowthSuggestion.Status.APPROVED);
    // the note she deferred it with stays beside her later answer
    assertThat(approved.deferralNote()).isEqualTo("After the audit.");
    assertThat(approved.answer()).isEqualTo("Well earned.");
    assertThat(approved.raisedLimit()).isEqualTo(Money.of("1000", "EUR"));

    CheckResult after = authority.check(paul, eightHundred);
    assertThat(after.verdict()).isEqualTo(Verdict.WITHIN_AUTHORITY);
    assertThat(after.rule().id()).isEqualTo(approved.raisedRuleId());
    assertThat(after.explanation()).contains("Paul Meyer").contains("1000 EUR");
    AuthorityAdministration.RuleWithHistory raised = administration.rule(approved.raisedRuleId());
    assertThat(raised.rule().holder())
        .isEqualTo(new Holder(Holder.Kind.PERSON, paul.personId(), null, null));
    assertThat(raised.rule().ownerPersonId()).isEqualTo(maria.personId());
    assertThat(raised.versions().get(0).reason())
        .contains("Growth suggestion " + suggestion.id())
        .contains("40 decisions within scope")
        .contains("Well earned.");
    assertThat(raised.versions().get(0).changedBy()).isEqualTo(maria.displayName());

    // Paul reads the answer on his record, which starts again from the raise
    TrackRecords.TypeRecord fresh = row(records.of(paul, paul.personId()), type).orElseThrow();
    assertThat(fresh.suggestion().status()).isEqualTo(GrowthSuggestion.Status.APPROVED);
    assertThat(fresh.limit()).isEqualTo(Money.of("1000", "EUR"));
    assertThat(fresh.since()).isAfter(LocalDate.now().minusDays(1));
    assertThat(fresh.decisions()).isZero();
    org.baton.Listeners.awaitAllHandled(jdbc);
    // told of the deferral, then of the approval
    assertThat(notificationsOf(paul, "/people/" + paul.personId() + "/track-record")).isEqualTo(2);
  }

  @Test
  void aRaiseNeverGivesMoreThanItsApproverMayDecideWithoutConditionsOrWithLessAdvice() {
    String type = "test.growth.giver";
    BatonUser paul = account("paul@example.com");
    BatonUser maria = account("maria@example.com");
    BatonUser sam = account("sam@example.com");
    long serviceDesk = Demo.teamId(directory, "Service Desk");
    SystemTask.runAsAdmin(
        () -> {
          administration.saveType(new DecisionType(type, "Giver test decisions", "", true, false));
          // Maria may decide 2,000 EUR for gold customers only, and 800 EUR for any customer
          // after finance's advice above 300 EUR.
          administration.createRule(
              account("admin"),
              leaderRule(
                  type, serviceDesk, "2000", null, List.of(), "customer.tier in (gold)", sam));
          administration.createRule(
              account("admin"),
              leaderRule(
                  type, serviceDesk, "800", new BigDecimal("300"), List.of("finance"), null, sam));
          return administration.createRule(
              account("admin"),
              Demo.teamRule(type, serviceDesk, "500", maria.personId(), "The desk decides."));
        });
    assertThat(raises.standing(maria.personId(), type).orElseThrow().limit())
        .as("how far she reaches for gold customers")
        .isEqualTo(Money.of("2000", "EUR"));
    assertThat(raises.givingStanding(maria.personId(), type).orElseThrow().limit())
        .as("what she may hand on: for every customer")
        .isEqualTo(Money.of("800", "EUR"));

    assertThatThrownBy(
            () -> raises.raise(maria, paul.personId(), type, Money.of("2000", "EUR"), "Trusted"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("800 EUR yourself without conditions");
    var raised = raises.raise(maria, paul.personId(), type, Money.of("800", "EUR"), "Trusted");
    var rule = administration.rule(raised.id()).rule();
    assertThat(rule.limit()).isEqualTo(Money.of("800", "EUR"));
    assertThat(rule.adviceThreshold()).isEqualByComparingTo("300");
    assertThat(rule.advicePerspectives()).containsExactly("finance");
    CheckQuestion sevenHundred =
        new CheckQuestion(paul.personId(), type, Money.of("700", "EUR"), Map.of());
    assertThat(authority.check(paul, sevenHundred).verdict()).isEqualTo(Verdict.NEEDS_ADVICE);
  }

  private static RuleDraft leaderRule(
      String type,
      long team,
      String limit,
      BigDecimal adviceAbove,
      List<String> perspectives,
      String condition,
      BatonUser owner) {
    return new RuleDraft(
        type,
        Holder.Kind.TEAM_LEADER,
        null,
        team,
        null,
        new BigDecimal(limit),
        "EUR",
        adviceAbove,
        perspectives,
        condition == null ? List.of() : List.of(condition),
        null,
        null,
        owner.personId(),
        "The desk's leader.");
  }

  @Test
  void aRecordIsSeenByThePersonTheirTeamLeaderAndTheRuleOwnerOnly() throws Exception {
    BatonUser henry = account("henry@example.com");
    mvc.perform(get("/api/v1/people/{id}/track-record", henry.personId()).with(user(henry)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.person.name").value("Henry Walsh"))
        .andExpect(jsonPath("$.months").value(6));
    mvc.perform(
            get("/people/{id}/track-record", henry.personId())
                .with(user(account("maria@example.com"))))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Track record of Henry")));
    mvc.perform(
            get("/api/v1/people/{id}/track-record", henry.personId())
                .with(user(account("olivia@example.com"))))
        .andExpect(status().isForbidden());
    // Ruth's confidential write-offs are hers; her leader's view leaves them out and says so
    BatonUser ruth = account("ruth@example.com");
    Demo.confidentialDecision(decisions, ruth, "Growth visibility write-off");
    eventually(
        () ->
            row(records.of(ruth, ruth.personId()), "finance.write-off")
                .filter(r -> r.decisions() > 0));
    BatonUser ruthsLeader =
        account(directory.leaderOf(directory.person(ruth.personId())).orElseThrow().email());
    TrackRecords.TrackRecord seenByLeader = records.of(ruthsLeader, ruth.personId());
    assertThat(seenByLeader.types()).noneMatch(t -> t.decisionType().equals("finance.write-off"));
    assertThat(seenByLeader.partial()).isTrue();
  }

  @Test
  void aFullRebuildCountsExactlyWhatTheFollowerCountedEntryByEntry() {
    BatonUser henry = account("henry@example.com");
    decide(henry, "customer.goodwill", "40");
    long undone =
        decisions.list(henry, "mine", "customer.goodwill", null, null, 1).items().get(0).id();
    decisions.reverse(henry, undone, "Entered twice");
    records.follow(); // caught up with every entry other tests recorded
    List<String> followed = everyBucket();
    assertThat(followed).as("the demo's decisions are counted").isNotEmpty();

    long read = records.rebuild();

    assertThat(read)
        .isEqualTo(jdbc.sql("select count(*) from decision").query(Long.class).single());
    assertThat(everyBucket()).as("rebuilt from scratch, the same buckets").isEqualTo(followed);
    // each reversal is counted once, on the day of the decision it undid, for its decider
    long reversals =
        jdbc.sql(
                "select count(*) from decision d join decision o on o.id = d.refers_to"
                    + " where d.kind = 'REVERSAL' and o.decider_person_id is not null")
            .query(Long.class)
            .single();
    assertThat(reversals).as("Henry's reversal at least").isPositive();
    assertThat(
            jdbc.sql("select coalesce(sum(reversed), 0) from growth_record")
                .query(Long.class)
                .single())
        .isEqualTo(reversals);
  }

  /** Every day bucket, the share of the limit rounded (sums of doubles differ in the last bit). */
  private List<String> everyBucket() {
    return jdbc.sql(
            "select concat_ws(' ', person_id, decision_type, day, decisions, near_limit, limited,"
                + " round(limit_share_sum::numeric, 6), reversed, superseded)"
                + " from growth_record order by person_id, decision_type, day")
        .query(String.class)
        .list();
  }

  @Test
  void theDemoClerksFiveMonthsEarnASuggestionForMaria() {
    BatonUser maria = account("maria@example.com");
    BatonUser jakub = account("jakub@example.com");
    GrowthSuggestion demo =
        eventually(
            () ->
                suggestions.waitingFor(maria).stream()
                    .filter(s -> s.person().id() == jakub.personId())
                    .findFirst());
    assertThat(demo.decisionType()).isEqualTo("customer.goodwill");
    assertThat(demo.proposedLimit()).isEqualTo(Money.of("1000", "EUR"));
    TrackRecords.TypeRecord goodwill =
        row(records.of(jakub, jakub.personId()), "customer.goodwill").orElseThrow();
    assertThat(goodwill.decisions()).isGreaterThanOrEqualTo(44);
    assertThat(goodwill.adviceSought()).isZero();
    assertThat(goodwill.earned()).isTrue();
  }

  private long serviceDeskRules(String type, BatonUser maria, BatonUser sam) {
    long serviceDesk = Demo.teamId(directory, "Service Desk");
    return SystemTask.runAsAdmin(
        () -> {
          administration.saveType(new DecisionType(type, "Growth test decisions", "", true, false));
          administration.createRule(
              account("admin"),
              Demo.leaderRule(
                  type,
                  serviceDesk,
                  "2000",
                  sam.personId(),
                  "The service desk's leader decides the larger cases."));
          return administration
              .createRule(
                  account("admin"),
                  Demo.teamRule(type, serviceDesk, "500", maria.personId(), "The desk decides."))
              .current()
              .id();
        });
  }

  private void decide(BatonUser who, String type, String amount) {
    decisions.record(
        who,
        new DecisionDraft(
            type,
            "Growth test decision",
            "For the growth test",
            Money.of(amount, "EUR"),
            Map.of(),
            List.of(),
            null,
            "",
            null));
  }

  private static Optional<TrackRecords.TypeRecord> row(
      TrackRecords.TrackRecord record, String type) {
    return record.types().stream().filter(t -> t.decisionType().equals(type)).findFirst();
  }

  /** Follows the record until the condition holds: the follower runs on its own schedule too. */
  private <T> T eventually(Supplier<Optional<T>> condition) {
    Instant until = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      records.follow();
      Optional<T> value = condition.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("Not within 20 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private long notificationsOf(BatonUser person, String link) {
    return jdbc.sql("select count(*) from notification where person_id = ? and link = ?")
        .params(person.personId(), link)
        .query(Long.class)
        .single();
  }

  private BatonUser account(String username) {
    return (BatonUser) accounts.loadUserByUsername(username);
  }
}
