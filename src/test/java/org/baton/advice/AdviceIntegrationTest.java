package org.baton.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.baton.Listeners;
import org.baton.decisions.Decision;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.notifications.NotificationCentre;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

@BatonIntegrationTest
class AdviceIntegrationTest {

  @Autowired AdviceService advice;
  @Autowired Accounts accounts;
  @Autowired DecisionRecord decisions;
  @Autowired NotificationCentre notifications;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired org.baton.initiatives.Initiatives initiatives;
  @Autowired DeadlineReminders reminders;

  @Test
  void aPanelAdvisesVolunteersAreMarkedAndTheAskerDecidesWithTheAdviceLinked() {
    BatonUser olivia = account("olivia@example.com");
    BatonUser priya = account("priya@example.com");
    BatonUser felix = account("felix@example.com");
    AdviceRequest r = advice.ask(olivia, ask(List.of(priya.personId(), felix.personId()), false));
    Listeners.awaitAllHandled(jdbc);
    // Counted by link, not as a rise in unread: other tests' events may reach Priya meanwhile.
    assertThat(notifications.recent(priya.personId()))
        .filteredOn(n -> n.link().equals("/advice/" + r.id()))
        .singleElement()
        .satisfies(n -> assertThat(n.read()).isFalse())
        .satisfies(
            n ->
                assertThat(n.text())
                    .as("what it is about, in words")
                    .isEqualTo(
                        "Olivia Brown asks production engineering and finance:"
                            + " Replace the tool holder on line 3?"));

    advice.advise(
        priya,
        r.id(),
        Stance.SUPPORT_WITH_CONDITIONS,
        "A new holder will fix it",
        "Check the first 50 parts");
    advice.advise(felix, r.id(), Stance.CONCERN, "Costs 900 EUR", "");
    advice.advise(felix, r.id(), Stance.SUPPORT, "Cheaper than the scrap", "");
    advice.advise(
        account("adam@example.com"), r.id(), Stance.OBJECTION, "Quality must sign off first", "");

    AdviceService.View view = advice.view(olivia, r.id());
    assertThat(view.current()).hasSize(3);
    assertThat(view.history()).hasSize(4);
    assertThat(view.current())
        .filteredOn(a -> a.adviserId() == account("adam@example.com").personId())
        .singleElement()
        .satisfies(a -> assertThat(a.volunteered()).isTrue());
    assertThat(view.synthesis().objections())
        .extracting(Synthesis.Line::name)
        .containsExactly("Adam Novak");
    assertThat(view.synthesis().conditions())
        .extracting(Synthesis.Line::name)
        .containsExactly("Priya Sharma");
    assertThat(view.synthesis().stances())
        .containsEntry(Stance.SUPPORT, 1)
        .containsEntry(Stance.OBJECTION, 1);
    assertThat(view.synthesis().notAnswered()).isEmpty();
    assertThat(view.synthesis().timeToFirstAdvice()).isNotNull();

    assertThatThrownBy(() -> advice.close(priya, r.id(), null, "not mine"))
        .isInstanceOf(AccessDeniedException.class);
    AdviceRequest closed =
        advice.close(
            olivia,
            r.id(),
            new DecisionDraft(
                "production.process-change",
                "Replace the tool holder",
                "Burr after every tool change",
                null,
                Map.of(),
                List.of(),
                null,
                "",
                null),
            null);
    Decision d = decisions.find(olivia, closed.decisionId());
    assertThat(d.adviceConsidered()).contains("Advice request #" + r.id());
    assertThat(d.verdict()).isEqualTo("NEEDS_ADVICE");
    Listeners.awaitAllHandled(jdbc);
    assertThat(notifications.recent(olivia.personId()))
        .filteredOn(n -> n.link().equals("/advice/" + r.id()))
        .extracting(NotificationCentre.Notification::text)
        .contains(
            "Priya Sharma advised support with conditions on “production engineering and finance:"
                + " Replace the tool holder on line 3?”")
        .as("nobody is told of what they did themselves")
        .noneMatch(t -> t.startsWith("Olivia Brown"));
    assertThat(notifications.recent(felix.personId()))
        .filteredOn(n -> n.link().equals("/advice/" + r.id()))
        .extracting(NotificationCentre.Notification::text)
        .noneMatch(t -> t.startsWith("Felix Wagner"))
        .contains(
            "Olivia Brown closed “production engineering and finance: Replace the tool holder on"
                + " line 3?” with a decision");
    assertThatThrownBy(() -> advice.close(olivia, r.id(), null, "again"))
        .hasMessageContaining("closed already");
    assertThatThrownBy(() -> advice.advise(felix, r.id(), Stance.SUPPORT, "late", ""))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void eachAdvisersOpenAsksAreKeptAsPlacesAreGivenAndRequestsCloseAndEqualACount() {
    BatonUser olivia = account("olivia@example.com");
    long priya = account("priya@example.com").personId();
    long felix = account("felix@example.com").personId();
    int priyaBefore = openAsks(priya);
    int felixBefore = openAsks(felix);

    AdviceRequest both = advice.ask(olivia, ask(List.of(priya, felix), false));
    AdviceRequest onlyPriya = advice.ask(olivia, ask(List.of(priya), false));
    assertThat(openAsks(priya)).isEqualTo(priyaBefore + 2);
    assertThat(openAsks(felix)).isEqualTo(felixBefore + 1);

    advice.close(olivia, both.id(), null, "Settled at the line");
    assertThat(openAsks(priya)).isEqualTo(priyaBefore + 1);
    assertThat(openAsks(felix)).isEqualTo(felixBefore);
    advice.close(olivia, onlyPriya.id(), null, "Settled too");

    // what is kept equals what counting every open place would give, for everyone
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from person p
                     where coalesce((select open_asks from advice_open_asks o
                                      where o.person_id = p.id), 0)
                        <> (select count(*) from advice_panel_member m join advice_request r
                              on r.id = m.request_id where m.person_id = p.id
                             and r.status = 'OPEN')
                    """)
                .query(Long.class)
                .single())
        .isZero();
  }

  private int openAsks(long person) {
    return jdbc.sql("select open_asks from advice_open_asks where person_id = ?")
        .param(person)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  @Test
  void badRequestsAreRefusedAndNothingIsSaved() {
    BatonUser olivia = account("olivia@example.com");
    assertThatThrownBy(
            () ->
                advice.ask(
                    olivia,
                    new AdviceService.Ask(
                        null,
                        "Q",
                        "",
                        Instant.now().minusSeconds(60),
                        List.of("quality"),
                        null,
                        false,
                        null,
                        null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("past");
    assertThatThrownBy(
            () ->
                advice.ask(
                    olivia,
                    new AdviceService.Ask(
                        null,
                        "Q",
                        "",
                        Instant.now().plusSeconds(3600),
                        List.of(),
                        List.of(),
                        false,
                        null,
                        null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at least one adviser");
    assertThatThrownBy(
            () ->
                advice.ask(
                    olivia,
                    new AdviceService.Ask(
                        null,
                        "Q",
                        "",
                        Instant.now().plusSeconds(3600),
                        List.of(),
                        List.of(olivia.personId()),
                        false,
                        null,
                        null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("advise yourself");
    AdviceRequest r =
        advice.ask(olivia, ask(List.of(account("priya@example.com").personId()), false));
    assertThatThrownBy(() -> advice.advise(olivia, r.id(), Stance.SUPPORT, "me", ""))
        .hasMessageContaining("others advise");
    assertThatThrownBy(
            () ->
                advice.advise(
                    account("priya@example.com"), r.id(), Stance.SUPPORT_WITH_CONDITIONS, "ok", ""))
        .hasMessageContaining("conditions");
  }

  @Test
  void aRequestShowsTheConfidentialDecisionItLedToOnlyToThoseWhoMaySeeIt() throws Exception {
    BatonUser ruth = account("ruth@example.com");
    AdviceRequest r =
        advice.ask(ruth, ask(List.of(account("felix@example.com").personId()), false));
    AdviceRequest closed =
        advice.close(
            ruth,
            r.id(),
            new DecisionDraft(
                "finance.write-off",
                "Wrote off Acme GmbH receivable",
                "Insolvent",
                new org.baton.platform.Money(new java.math.BigDecimal("900"), "EUR"),
                Map.of(),
                List.of(),
                null,
                "",
                null),
            null);
    assertThat(closed.closingNote()).contains("Acme");

    for (String path : List.of("/api/v1/advice-requests/" + r.id(), "/advice/" + r.id())) {
      String asOlivia =
          mvc.perform(get(path).with(user(account("olivia@example.com"))))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(asOlivia)
          .doesNotContain("Acme")
          .doesNotContain("/decisions/" + closed.decisionId());
      assertThat(asOlivia).contains("a decision you may not see");
    }
    assertThat(
            mvc.perform(get("/api/v1/advice-requests").with(user(account("felix@example.com"))))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .as("Felix advised on it but may not see the write-off")
        .doesNotContain("Acme");
    assertThat(
            mvc.perform(get("/api/v1/advice-requests/" + r.id()).with(user(ruth)))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("Acme");
  }

  @Test
  void adviceAboutAConfidentialKindIsRestrictedFromTheStartAndAnUnknownKindIsRefused() {
    BatonUser ruth = account("ruth@example.com");
    long felix = account("felix@example.com").personId();
    AdviceRequest writeOff =
        advice.ask(
            ruth,
            new AdviceService.Ask(
                null,
                "Write off the Acme receivable?",
                "",
                Instant.now().plus(Duration.ofDays(2)),
                List.of("finance"),
                List.of(felix),
                false,
                "finance.write-off",
                null));
    assertThat(writeOff.restricted()).isTrue();
    assertThatThrownBy(() -> advice.view(account("olivia@example.com"), writeOff.id()))
        .isInstanceOf(NotFoundException.class);

    assertThatThrownBy(
            () ->
                advice.ask(
                    ruth,
                    new AdviceService.Ask(
                        null,
                        "Q",
                        "",
                        Instant.now().plus(Duration.ofDays(2)),
                        List.of("finance"),
                        List.of(felix),
                        false,
                        "finance.anything-i-type",
                        null)))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.byField()).containsKey("decisionType"));
  }

  @Test
  void aRestrictedRequestIsSeenOnlyByTheAskerThePanelAndAdmins() throws Exception {
    BatonUser olivia = account("olivia@example.com");
    AdviceRequest r =
        advice.ask(olivia, ask(List.of(account("priya@example.com").personId()), true));
    assertThat(advice.view(account("priya@example.com"), r.id()).request().id()).isEqualTo(r.id());
    assertThat(advice.view(account("admin"), r.id()).request().id()).isEqualTo(r.id());
    assertThatThrownBy(() -> advice.view(account("henry@example.com"), r.id()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () -> advice.advise(account("henry@example.com"), r.id(), Stance.SUPPORT, "hi", ""))
        .isInstanceOf(NotFoundException.class);
    mvc.perform(
            get("/advice/" + r.id()).with(user(account("henry@example.com"))).accept("text/html"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/advice-requests/" + r.id()).with(user(account("henry@example.com"))))
        .andExpect(status().isNotFound());
    mvc.perform(get("/advice/" + r.id()).with(user(account("priya@example.com"))))
        .andExpect(status().isOk());
  }

  @Test
  void aRestrictedRequestForAnInitiativeStaysOffItsTimelineAndAnOpenOneMovesIt() {
    BatonUser olivia = account("olivia@example.com");
    BatonUser felix = account("felix@example.com");
    org.baton.initiatives.Initiative burr =
        initiatives.start(olivia, "Burr " + UUID.randomUUID(), "", "", null, List.of());
    advice.ask(olivia, forInitiative(burr.id(), felix, true));
    assertThat(initiatives.view(felix, burr.id()).timeline())
        .extracting(org.baton.initiatives.TimelineEntry::kind)
        .doesNotContain("ADVICE_ASKED");
    assertThat(initiatives.find(burr.id()).status())
        .isEqualTo(org.baton.initiatives.InitiativeStatus.OPEN);

    advice.ask(olivia, forInitiative(burr.id(), felix, false));
    assertThat(initiatives.view(felix, burr.id()).timeline())
        .extracting(org.baton.initiatives.TimelineEntry::kind)
        .contains("ADVICE_ASKED");
    assertThat(initiatives.find(burr.id()).status())
        .isEqualTo(org.baton.initiatives.InitiativeStatus.EXPLORING);
  }

  private static AdviceService.Ask forInitiative(
      long initiativeId, BatonUser adviser, boolean restricted) {
    return new AdviceService.Ask(
        initiativeId,
        "Which holder do we order?",
        "",
        Instant.now().plus(Duration.ofDays(2)),
        List.of(),
        List.of(adviser.personId()),
        restricted,
        null,
        null);
  }

  @Test
  void panelMembersWhoHaveNotAnsweredAreRemindedOnceBeforeTheDeadline() {
    BatonUser olivia = account("olivia@example.com");
    BatonUser priya = account("priya@example.com");
    BatonUser felix = account("felix@example.com");
    AdviceRequest soon =
        advice.ask(
            olivia,
            new AdviceService.Ask(
                null,
                "Soon due?",
                "",
                Instant.now().plus(Duration.ofHours(3)),
                List.of(),
                List.of(priya.personId(), felix.personId()),
                false,
                null,
                null));
    advice.advise(priya, soon.id(), Stance.SUPPORT, "Yes", "");
    // Other tests leave requests due too; count only this request's reminders.
    assertThat(reminders.remind()).isGreaterThanOrEqualTo(1);
    reminders.remind();
    Listeners.awaitAllHandled(jdbc);
    assertThat(remindersAbout(soon, felix))
        .as("Felix had not answered: reminded, once")
        .isEqualTo(1);
    assertThat(remindersAbout(soon, priya)).as("Priya had answered").isZero();
  }

  private long remindersAbout(AdviceRequest request, BatonUser person) {
    return notifications.recent(person.personId()).stream()
        .filter(
            n ->
                n.link().equals("/advice/" + request.id())
                    && n.text().startsWith("Your advice is due within a day"))
        .count();
  }

  private static AdviceService.Ask ask(List<Long> panel, boolean restricted) {
    return new AdviceService.Ask(
        null,
        "Replace the tool holder on line 3?",
        "Burr after tool change",
        Instant.now().plus(Duration.ofDays(2)),
        List.of("production-engineering", "finance"),
        panel,
        restricted,
        null,
        null);
  }

  private BatonUser account(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }
}
