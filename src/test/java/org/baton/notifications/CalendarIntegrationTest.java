package org.baton.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.baton.BatonIntegrationTest;
import org.baton.advice.AdviceService;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.Money;
import org.baton.strategy.Strategy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The calendar feed, parsed with ical4j: the dates every member may see (rounds, goals) and a
 * person's own (follow-ups, advice deadlines), never another's; the secret address works without
 * sign-in until it is replaced or revoked.
 */
@BatonIntegrationTest
class CalendarIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired DecisionRecord decisions;
  @Autowired AdviceService advice;
  @Autowired Strategy strategy;

  private final String word = "zq" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aPersonsCalendarHoldsRoundsGoalsAndTheirOwnDatesOnly() throws Exception {
    BatonUser henry = account("henry@example.com");
    decisions.record(
        henry,
        new DecisionDraft(
            "customer.goodwill",
            "Credit, follow up " + word,
            "Late delivery",
            Money.of("50", "EUR"),
            Map.of(),
            List.of(),
            LocalDate.now().plusDays(20),
            null,
            null));
    advice.ask(
        henry,
        new AdviceService.Ask(
            null,
            "Deadline question " + word,
            "",
            Instant.now().plus(Duration.ofDays(3)),
            List.of(),
            List.of(account("priya@example.com").personId()),
            false,
            null,
            null));

    Calendar henrys = parse(mvc.perform(get("/api/v1/calendar.ics").with(user(henry))));
    assertThat(summaries(henrys))
        .contains("Follow up: Credit, follow up " + word)
        .anyMatch(s -> s.startsWith("Contributions close: Autumn dialogue"))
        .contains(
            "Goal due: "
                + strategy.currentPriorities().get(0).goals().get(0).title()
                + " ("
                + strategy.currentPriorities().get(0).title()
                + ")")
        .noneMatch(s -> s.contains("Deadline question " + word));
    Calendar priyas =
        parse(mvc.perform(get("/api/v1/calendar.ics").with(user(account("priya@example.com")))));
    assertThat(summaries(priyas))
        .contains("Advice due: Deadline question " + word)
        .noneMatch(s -> s.contains(word) && s.startsWith("Follow up"));
  }

  @Test
  void theSecretAddressWorksWithoutSignInUntilReplacedOrRevoked() throws Exception {
    BatonUser olivia = account("olivia@example.com");
    String first = address(olivia);
    String second = address(olivia);
    assertThat(first).isNotEqualTo(second);
    mvc.perform(get(first)).andExpect(status().isNotFound());
    Calendar calendar = parse(mvc.perform(get(second)));
    assertThat(summaries(calendar)).anyMatch(s -> s.startsWith("Goal due: "));

    mvc.perform(post("/me/calendar/revoke").with(user(olivia)).with(csrf()))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get(second)).andExpect(status().isNotFound());
  }

  private String address(BatonUser who) throws Exception {
    String address =
        (String)
            mvc.perform(post("/me/calendar").with(user(who)).with(csrf()))
                .andReturn()
                .getFlashMap()
                .get("address");
    return address.substring(address.indexOf("/calendar/"));
  }

  private static Calendar parse(org.springframework.test.web.servlet.ResultActions result)
      throws Exception {
    String body =
        result
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(body).startsWith("BEGIN:VCALENDAR\r\n");
    return new CalendarBuilder().build(new StringReader(body));
  }

  private static List<String> summaries(Calendar calendar) {
    return calendar.<VEvent>getComponents("VEVENT").stream()
        .map(e -> e.getSummary().getValue())
        .toList();
  }

  private BatonUser account(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }
}
