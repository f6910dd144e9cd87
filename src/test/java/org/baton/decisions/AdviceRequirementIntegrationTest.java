package org.baton.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.baton.BatonIntegrationTest;
import org.baton.Listeners;
import org.baton.advice.AdviceRequest;
import org.baton.advice.AdviceService;
import org.baton.advice.Stance;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.notifications.NotificationCentre;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "Above 250 EUR only after advice from finance" is met only by advice someone with the finance
 * perspective gave: on a linked advice request, or named by the decider (who is told and may
 * dispute it); free text never is.
 */
@BatonIntegrationTest
class AdviceRequirementIntegrationTest {

  @Autowired DecisionRecord decisions;
  @Autowired AdviceService advice;
  @Autowired Accounts accounts;
  @Autowired NotificationCentre notifications;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @Test
  void typedAdviceIsRefusedAndAdviceNamedFromFinanceIsRecordedToldAndDisputable() throws Exception {
    BatonUser henry = account("henry@example.com");
    BatonUser felix = account("felix@example.com");
    BatonUser olivia = account("olivia@example.com");
    DecisionDraft typed = goodwill("400", "-");
    assertThatThrownBy(() -> decisions.record(henry, typed))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.byField().get("advisers")).contains("finance"));
    assertThatThrownBy(
            () -> decisions.record(henry, typed.withAdvice(List.of(olivia.personId()), null)))
        .as("Olivia has no finance perspective")
        .hasMessageContaining("needs advice from finance");
    assertThatThrownBy(
            () -> decisions.record(henry, typed.withAdvice(List.of(henry.personId()), null)))
        .hasMessageContaining("your own adviser");

    Decision d = decisions.record(henry, typed.withAdvice(List.of(felix.personId()), null));
    assertThat(d.verdict()).isEqualTo("NEEDS_ADVICE");
    assertThat(d.adviceConsidered()).contains("Felix Wagner (finance)");
    Listeners.awaitAllHandled(jdbc);
    assertThat(notifications.recent(felix.personId()))
        .anySatisfy(n -> assertThat(n.link()).isEqualTo("/decisions/" + d.id()));

    String page =
        mvc.perform(get("/decisions/" + d.id()).with(user(felix)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("You are named as an adviser");
    // words, not codes: the kind of decision by its name
    assertThat(page).contains("Goodwill credit").doesNotContain(">customer.goodwill<");
    mvc.perform(
            post("/decisions/" + d.id() + "/advice-dispute")
                .with(user(olivia))
                .with(csrf())
                .param("dispute", "Not me"))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/decisions/" + d.id() + "/advice-dispute")
                .with(user(felix))
                .with(csrf())
                .param("dispute", "Henry never called me"))
        .andExpect(status().is3xxRedirection());
    assertThat(
            mvc.perform(get("/decisions/" + d.id()).with(user(olivia)))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("disputed")
        .contains("Henry never called me");
    Listeners.awaitAllHandled(jdbc);
    assertThat(notifications.recent(henry.personId()))
        .anySatisfy(n -> assertThat(n.text()).contains("disputes the advice"));
  }

  @Test
  void closingAnAdviceRequestCountsOnlyAdviceGivenOnIt() {
    BatonUser henry = account("henry@example.com");
    BatonUser felix = account("felix@example.com");
    BatonUser priya = account("priya@example.com");
    AdviceRequest nobodyFromFinance = ask(henry, priya);
    assertThatThrownBy(() -> advice.close(henry, nobodyFromFinance.id(), goodwill("400", ""), null))
        .hasMessageContaining("needs advice from finance");
    advice.advise(priya, nobodyFromFinance.id(), Stance.SUPPORT, "Fine by me", "");
    assertThatThrownBy(() -> advice.close(henry, nobodyFromFinance.id(), goodwill("400", ""), null))
        .as("advice, but not from finance")
        .hasMessageContaining("needs advice from finance");

    AdviceRequest fromFinance = ask(henry, felix);
    advice.advise(felix, fromFinance.id(), Stance.SUPPORT, "Within budget", "");
    AdviceRequest closed = advice.close(henry, fromFinance.id(), goodwill("400", ""), null);
    Decision d = decisions.find(henry, closed.decisionId());
    assertThat(d.adviceConsidered())
        .contains("Advice on advice request #" + fromFinance.id())
        .contains("Felix Wagner (finance)");
  }

  private AdviceRequest ask(BatonUser asker, BatonUser adviser) {
    return advice.ask(
        asker,
        new AdviceService.Ask(
            null,
            "A 400 EUR goodwill credit?",
            "",
            Instant.now().plus(Duration.ofDays(1)),
            List.of("finance"),
            List.of(adviser.personId()),
            false,
            "customer.goodwill",
            null));
  }

  private static DecisionDraft goodwill(String amount, String advice) {
    return new DecisionDraft(
        "customer.goodwill",
        amount + " EUR goodwill",
        "Late delivery",
        Money.of(amount, "EUR"),
        Map.of(),
        List.of(),
        null,
        advice,
        null);
  }

  private BatonUser account(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }
}
