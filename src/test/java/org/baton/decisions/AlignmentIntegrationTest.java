package org.baton.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.baton.advice.AdviceReadings;
import org.baton.advice.AdviceRequest;
import org.baton.advice.AdviceService;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.baton.strategy.Direction;
import org.baton.strategy.Strategy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Alignment: a recorded decision and an advice request name the priority they serve; for a decision
 * that is part of its hashed content. The priority's page lists them, each only for those who may
 * see it, and counts only those.
 */
@BatonIntegrationTest
class AlignmentIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired DecisionRecord decisions;
  @Autowired AdviceService advice;
  @Autowired AdviceReadings adviceReadings;
  @Autowired Strategy strategy;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  private final String word = "al" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aDecisionNamesThePriorityItServesInItsHashedContentAndThePriorityListsIt() throws Exception {
    Direction.Priority customers = strategy.prioritiesFor("customer.goodwill").get(0);
    BatonUser henry = account("henry@example.com");
    Decision credit =
        decisions.record(henry, draft("customer.goodwill", "Credit " + word, customers.id()));
    assertThat(credit.priorityId()).isEqualTo(customers.id());
    assertThat(DecisionChain.content(credit))
        .as("what it serves is part of what was decided")
        .contains("\"priority\":" + customers.id());
    assertThat(decisions.verify().intact()).isTrue();

    Decision secret =
        decisions.record(
            account("ruth@example.com"),
            draft("finance.write-off", "Write-off " + word, customers.id()));
    assertThat(secret.confidential()).isTrue();

    String olivias = page("/strategy/priorities/" + customers.id(), "olivia@example.com");
    assertThat(olivias).contains("Credit " + word).contains("/decisions/" + credit.id());
    assertThat(olivias)
        .as("a confidential decision stays hidden")
        .doesNotContain("Write-off " + word);
    assertThat(page("/strategy/priorities/" + customers.id(), "ruth@example.com"))
        .contains("Write-off " + word);
    assertThat(page("/decisions/" + credit.id(), "olivia@example.com")).contains(customers.title());

    assertThatThrownBy(
            () -> decisions.record(henry, draft("customer.goodwill", "Nowhere " + word, 999_999L)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).byField()).containsKey("priorityId"));
    assertThat(
            jdbc.sql("select count(*) from decision where title = ?")
                .param("Nowhere " + word)
                .query(Integer.class)
                .single())
        .as("nothing recorded")
        .isZero();

    mvc.perform(
            post("/api/v1/decisions")
                .with(user(henry))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"decisionType": "customer.goodwill", "title": "Api %s", "reason": "r",
                     "amount": {"value": 20, "currency": "EUR"}, "priorityId": %d}
                    """
                        .formatted(word, customers.id())))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.priorityId").value(customers.id()));
  }

  @Test
  void anAdviceRequestNamesItsPriorityAndTheDecisionClosingItServesItToo() throws Exception {
    Direction.Priority customers = strategy.prioritiesFor("customer.goodwill").get(0);
    BatonUser henry = account("henry@example.com");
    BatonUser felix = account("felix@example.com");
    AdviceRequest open = advice.ask(henry, ask("Open " + word, List.of(), false, customers.id()));
    AdviceRequest restricted =
        advice.ask(
            henry, ask("Restricted " + word, List.of(felix.personId()), true, customers.id()));
    assertThat(open.priorityId()).isEqualTo(customers.id());

    String olivias = page("/strategy/priorities/" + customers.id(), "olivia@example.com");
    assertThat(olivias).contains("Open " + word).contains("/advice/" + open.id());
    assertThat(olivias)
        .as("a restricted request is for its asker and panel")
        .doesNotContain("Restricted " + word);
    assertThat(page("/strategy/priorities/" + customers.id(), "felix@example.com"))
        .contains("Restricted " + word);
    assertThat(page("/advice/" + open.id(), "olivia@example.com")).contains(customers.title());

    advice.close(
        henry,
        open.id(),
        new DecisionDraft(
            "customer.goodwill",
            "Closed " + word,
            "As advised",
            Money.of("30", "EUR"),
            Map.of(),
            List.of(),
            null,
            "",
            null),
        null);
    Decision closing =
        decisions.find(henry, adviceReadings.find(open.id()).orElseThrow().decisionId());
    assertThat(closing.priorityId())
        .as("the decision serves what the request served")
        .isEqualTo(customers.id());

    assertThatThrownBy(() -> advice.ask(henry, ask("Nowhere " + word, List.of(), false, 999_999L)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).byField()).containsKey("priorityId"));
    assertThat(
            jdbc.sql("select count(*) from advice_request where question = ?")
                .param("Nowhere " + word)
                .query(Integer.class)
                .single())
        .isZero();
  }

  private String page(String path, String who) throws Exception {
    return mvc.perform(get(path).with(user(account(who))))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static DecisionDraft draft(String type, String title, Long priority) {
    return new DecisionDraft(
        type,
        title,
        "A reason",
        Money.of("40", "EUR"),
        Map.of(),
        List.of(),
        null,
        "",
        null,
        List.of(),
        List.of(),
        priority);
  }

  private static AdviceService.Ask ask(
      String question, List<Long> panel, boolean restricted, Long priority) {
    return new AdviceService.Ask(
        null,
        question,
        "",
        Instant.now().plus(Duration.ofDays(2)),
        List.of("finance"),
        panel.isEmpty() ? null : panel,
        restricted,
        "customer.goodwill",
        Money.of("30", "EUR"),
        priority);
  }

  private BatonUser account(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }
}
