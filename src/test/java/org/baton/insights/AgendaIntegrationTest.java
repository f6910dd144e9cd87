package org.baton.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.baton.advice.AdviceRequest;
import org.baton.advice.AdviceService;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home's agenda: what waits for a person, most urgent first, one tap from acting; nobody
 * else's; and an empty home that says what to do first.
 */
@BatonIntegrationTest
class AgendaIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Agenda agenda;
  @Autowired AdviceService advice;
  @Autowired Accounts accounts;
  @Autowired org.baton.authority.RuleChanges ruleChanges;

  private final String word = "ag" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void adviceAskedOfSomeoneWaitsOnTheirHomeTheSoonerDueFirstAndOnNobodyElses() throws Exception {
    BatonUser olivia = account("olivia@example.com");
    BatonUser felix = account("felix@example.com");
    AdviceRequest later = ask(olivia, felix, "Later " + word, Duration.ofDays(5));
    AdviceRequest sooner = ask(olivia, felix, "Sooner " + word, Duration.ofHours(20));

    List<AgendaItem> felixs = agenda.of(felix);
    List<String> links = felixs.stream().map(AgendaItem::link).toList();
    assertThat(links).contains("/advice/" + sooner.id(), "/advice/" + later.id());
    assertThat(links.indexOf("/advice/" + sooner.id()))
        .as("the sooner deadline first")
        .isLessThan(links.indexOf("/advice/" + later.id()));
    assertThat(felixs)
        .filteredOn(i -> i.link().equals("/advice/" + sooner.id()))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.kind()).isEqualTo(AgendaItem.Kind.ADVICE_ASKED);
              assertThat(item.title()).isEqualTo("Sooner " + word);
              assertThat(item.dueAt()).isEqualTo(sooner.deadline());
            });
    assertThat(agenda.of(account("henry@example.com")))
        .as("nobody else's")
        .noneMatch(i -> i.title().contains(word));

    mvc.perform(get("/").with(user(felix)))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(
                    org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Sooner " + word),
                        org.hamcrest.Matchers.containsString("/advice/" + sooner.id()),
                        org.hamcrest.Matchers.containsString("Can I decide?"))));
    mvc.perform(get("/api/v1/me/agenda").with(user(felix)))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.items[?(@.link == '/advice/%d')].kind".formatted(sooner.id()))
                .value("ADVICE_ASKED"));

    // answered, it no longer waits
    advice.advise(felix, sooner.id(), org.baton.advice.Stance.SUPPORT, "Yes", "");
    assertThat(agenda.of(felix)).noneMatch(i -> i.link().equals("/advice/" + sooner.id()));
  }

  @Test
  void anEmptyHomeSaysWhatToDoFirst() throws Exception {
    // the operator account has no person: only a widening of a rule ever waits for it (as for
    // every admin); with none waiting, its home is empty
    BatonUser admin = account("admin");
    assertThat(agenda.of(admin)).allMatch(item -> item.kind() == AgendaItem.Kind.RULE_CHANGE);
    org.baton.platform.SystemTask.runAsAdmin(
        () -> {
          List<org.baton.authority.RuleChange> waiting;
          do { // a page at a time: other tests leave many
            waiting =
                ruleChanges.visibleTo(admin).stream()
                    .filter(c -> c.status() == org.baton.authority.RuleChange.Status.PROPOSED)
                    .toList();
            waiting.forEach(c -> ruleChanges.decline(admin, c.id(), "Cleared for the empty home"));
          } while (!waiting.isEmpty());
          return null;
        });
    assertThat(agenda.of(admin)).isEmpty();
    mvc.perform(get("/").with(user(admin)))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(
                    org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Nothing waits for you now."),
                        org.hamcrest.Matchers.containsString("Spot something"))));
    mvc.perform(get("/api/v1/me/agenda").with(user(admin)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items").isEmpty());
  }

  private AdviceRequest ask(BatonUser asker, BatonUser adviser, String question, Duration in) {
    return advice.ask(
        asker,
        new AdviceService.Ask(
            null,
            question,
            "",
            Instant.now().plus(in),
            List.of(),
            List.of(adviser.personId()),
            false,
            null,
            null));
  }

  private BatonUser account(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }
}
