package org.baton.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.baton.Demo;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.DecisionType;
import org.baton.authority.Holder;
import org.baton.authority.RuleDraft;
import org.baton.decisions.Decision;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.decisions.HolderRequest;
import org.baton.decisions.HolderRequests;
import org.baton.directory.Directory;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.baton.platform.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Where decisions are made, computed from known decisions of the test's own kinds: exact counts at
 * the front line, by team leaders and via holders; reversals and confidential decisions never
 * counted, even where they would be a team's only decision.
 */
@BatonIntegrationTest
class WhereDecisionsAreMadeIntegrationTest {

  @Autowired WhereDecisionsAreMade where;
  @Autowired DecisionsByPlace places;
  @Autowired DecisionRecord decisions;
  @Autowired HolderRequests requests;
  @Autowired AuthorityAdministration administration;
  @Autowired Directory directory;
  @Autowired Accounts accounts;
  @Autowired MockMvc mvc;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private final String suffix =
      UUID.randomUUID()
          .toString()
          .replace("-", "")
          .chars()
          .limit(8)
          .mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
          .collect(java.util.stream.Collectors.joining());
  private final String type = "test.insights.open" + suffix;
  private final String secret = "test.insights.secret" + suffix;

  @Test
  void eachDecisionCountsWhereItWasMadeAndNoConfidentialOneCounts() throws Exception {
    BatonUser paul = account("paul@example.com");
    BatonUser henry = account("henry@example.com");
    BatonUser maria = account("maria@example.com");
    long serviceDesk = Demo.teamId(directory, "Service Desk");
    rules(type, false, serviceDesk, maria);
    rules(secret, true, serviceDesk, maria);

    Decision undone = decide(paul, type, "100");
    decide(paul, type, "120");
    decide(paul, type, "90");
    decisions.reverse(paul, undone.id(), "Entered twice"); // a reversal is no decision
    decide(maria, type, "1500"); // she leads Service Desk
    HolderRequest asked =
        requests.ask(henry, maria.personId(), draft(type, "1800")); // above the desk's 500
    requests.approve(maria, asked.id(), "");
    decide(paul, secret, "100"); // confidential: never counted

    places.follow();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    WhereDecisionsAreMade.Answer answer =
        where.answer(new InsightsQuery(today.minusDays(1), today, serviceDesk, type));
    assertThat(answer.total()).isEqualTo(5);
    assertThat(answer.frontLine()).isEqualTo(3);
    assertThat(answer.teamLeaders()).isEqualTo(1);
    assertThat(answer.viaHolders()).isEqualTo(1);
    assertThat(answer.percent(answer.frontLine())).isEqualTo(60);
    assertThat(answer.byMonth()).hasSizeBetween(1, 2); // the day before may be last month

    assertThat(where.answer(new InsightsQuery(today.minusDays(1), today, null, secret)).total())
        .as("a confidential decision is in no count, not even as its team's only one")
        .isZero();
    assertThat(
            where
                .answer(
                    new InsightsQuery(
                        today.minusDays(1), today, Demo.teamId(directory, "Finance"), type))
                .total())
        .as("another team's filter leaves them out")
        .isZero();
    assertThat(where.answer(new InsightsQuery(today, today, null, "test.insights")).total())
        .as("a kind of decision includes those below it")
        .isGreaterThanOrEqualTo(5);

    mvc.perform(
            get("/api/v1/insights/where-decisions-are-made")
                .param("decisionType", type)
                .with(user(henry)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(5))
        .andExpect(jsonPath("$.frontLine").value(3))
        .andExpect(jsonPath("$.teamLeaders").value(1))
        .andExpect(jsonPath("$.viaHolders").value(1));
    mvc.perform(
            get("/api/v1/insights/where-decisions-are-made")
                .param("decisionType", type)
                .accept("text/csv")
                .with(user(henry)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        today.toString().substring(0, 7) + ",5,3,1,1")));
    mvc.perform(get("/insights").param("decisionType", type).with(user(henry)))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("60 %")));
  }

  @Test
  void countingAsDecisionsArriveEqualsRecountingFromTheStartAfterARandomSequence() {
    BatonUser paul = account("paul@example.com");
    BatonUser henry = account("henry@example.com");
    BatonUser maria = account("maria@example.com");
    rules(type, false, Demo.teamId(directory, "Service Desk"), maria);
    long seed = System.nanoTime();
    java.util.Random random = new java.util.Random(seed);
    List<Decision> made = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      switch (random.nextInt(4)) {
        case 0 -> made.add(decide(paul, type, "100"));
        case 1 -> made.add(decide(maria, type, "1500"));
        case 2 -> {
          HolderRequest asked = requests.ask(henry, maria.personId(), draft(type, "900"));
          requests.approve(maria, asked.id(), "");
        }
        default -> {
          Decision own =
              made.stream()
                  .filter(d -> d.deciderPersonId() == paul.personId())
                  .findFirst()
                  .orElse(null);
          if (own != null) {
            decisions.reverse(paul, own.id(), "Undone");
            made.remove(own);
          }
        }
      }
      if (random.nextInt(5) == 0) {
        places.follow(); // rounds end anywhere in the sequence
      }
    }
    places.follow();
    List<String> kept = everyDay();

    places.recount();

    assertThat(everyDay()).as("seed " + seed).isEqualTo(kept);
  }

  private List<String> everyDay() {
    return jdbc.sql(
            "select concat_ws(' ', day, team_id, decision_type, front_line, team_leaders,"
                + " via_holders) from insights_decision_day"
                + " union all select concat_ws(' ', 'month', month, team_id, decision_type,"
                + " front_line, team_leaders, via_holders) from insights_decision_month"
                // who leads: each person's decided months and decisions per month, by year
                + " union all select concat_ws(' ', 'year', year, team_id, person_id,"
                + " decided_months, decisions::text) from insights_leader_year"
                + " order by 1")
        .query(String.class)
        .list();
  }

  @Test
  void aReversedPeriodAnUnknownTeamOrABadKindIsRefusedByField() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThatThrownBy(() -> where.answer(new InsightsQuery(today, today.minusDays(3), null, null)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).byField()).containsKey("from"));
    assertThatThrownBy(
            () -> where.answer(new InsightsQuery(today.minusYears(4), today, 999_999L, "No!")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).byField())
                    .containsKeys("to", "team", "decisionType"));
    mvc.perform(
            get("/api/v1/insights/where-decisions-are-made")
                .param("from", today.toString())
                .param("to", today.minusDays(1).toString())
                .with(user(account("henry@example.com"))))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("from"));
  }

  private void rules(String code, boolean confidential, long team, BatonUser maria) {
    SystemTask.runAsAdmin(
        () -> {
          administration.saveType(
              new DecisionType(code, "Insights test decisions", "", true, confidential));
          administration.createRule(
              account("admin"),
              new RuleDraft(
                  code,
                  Holder.Kind.TEAM_LEADER,
                  null,
                  team,
                  null,
                  new BigDecimal("2000"),
                  "EUR",
                  null,
                  List.of(),
                  List.of(),
                  null,
                  null,
                  maria.personId(),
                  "The desk's leader decides the larger cases."));
          return administration.createRule(
              account("admin"),
              Demo.teamRule(code, team, "500", maria.personId(), "The desk decides."));
        });
  }

  private Decision decide(BatonUser who, String code, String amount) {
    return decisions.record(who, draft(code, amount));
  }

  private static DecisionDraft draft(String code, String amount) {
    return new DecisionDraft(
        code,
        "Insights test decision",
        "For the insights test",
        Money.of(amount, "EUR"),
        Map.of(),
        List.of(),
        null,
        "",
        null);
  }

  private BatonUser account(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }
}
