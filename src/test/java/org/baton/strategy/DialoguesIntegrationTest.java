package org.baton.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.baton.Listeners;
import org.baton.TestClock;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A dialogue round: everyone contributes and supports, only its leaders answer, and it is not
 * published while any contribution waits for an answer; contributors hear their answers.
 */
@BatonIntegrationTest
class DialoguesIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Dialogues dialogues;
  @Autowired Strategy strategy;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock clock;
  @Autowired org.baton.initiatives.Initiatives initiatives;

  private final String word = "zq" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void everyContributionIsAnsweredBeforeTheRoundIsPublished() throws Exception {
    DialogueRound round = open();
    Contribution olivia =
        dialogues.contribute(
            account("olivia@example.com"),
            round.id(),
            new DialogueDrafts.ContributionDraft(
                Contribution.Kind.IDEA, "Order inserts " + word, null));
    Contribution henry =
        dialogues.contribute(
            account("henry@example.com"),
            round.id(),
            new DialogueDrafts.ContributionDraft(
                Contribution.Kind.QUESTION, "Tracking? " + word, null));
    dialogues.support(account("priya@example.com"), round.id(), olivia.id(), true);
    assertThatThrownBy(
            () -> dialogues.support(account("olivia@example.com"), round.id(), olivia.id(), true))
        .isInstanceOf(InvalidInputException.class);

    mvc.perform(
            get("/api/v1/dialogues/%d/contributions".formatted(round.id()))
                .with(user(account("priya@example.com"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(2))
        .andExpect(jsonPath("$.next").value(org.hamcrest.Matchers.nullValue()))
        .andExpect(jsonPath("$.items[0].id").value(olivia.id()))
        .andExpect(jsonPath("$.items[0].supportCount").value(1))
        .andExpect(jsonPath("$.items[0].supportedByMe").value(true));

    // only the round's leaders answer: a team leader who does not lead the round may not
    assertThatThrownBy(
            () ->
                dialogues.answer(
                    account("maria@example.com"),
                    round.id(),
                    olivia.id(),
                    new DialogueDrafts.AnswerDraft(Contribution.State.ADOPTED, "Yes")))
        .isInstanceOf(AccessDeniedException.class);
    dialogues.answer(
        account("sam@example.com"),
        round.id(),
        olivia.id(),
        new DialogueDrafts.AnswerDraft(Contribution.State.ADOPTED, "Up to 100 EUR from January."));

    mvc.perform(
            post("/api/v1/dialogues/%d/publish".formatted(round.id()))
                .with(user(account("sam@example.com")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"summary\": \"We adopt one idea.\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("contributions"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(org.hamcrest.Matchers.containsString("#" + henry.id())));
    assertThat(dialogues.round(account("henry@example.com"), round.id()).published()).isFalse();

    dialogues.answer(
        account("tom@example.com"),
        round.id(),
        henry.id(),
        new DialogueDrafts.AnswerDraft(Contribution.State.EXPLORE, "We look at carriers' links."));
    DialogueRound published =
        dialogues.publish(
            account("sam@example.com"),
            round.id(),
            new DialogueDrafts.PublicationDraft("We adopt one idea.", List.of()));
    assertThat(published.state()).isEqualTo(DialogueRound.State.PUBLISHED);
    assertThat(published.unansweredCount()).isZero();
    assertThat(dialogues.adopted(account("ben@example.com"), round.id()))
        .extracting(Contribution::id)
        .containsExactly(olivia.id());
    mvc.perform(get("/dialogues/" + round.id()).with(user(account("ben@example.com"))))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("We adopt one idea.")));

    // after publishing, nobody contributes; the contributors were told of their answers
    assertThatThrownBy(
            () ->
                dialogues.contribute(
                    account("ben@example.com"),
                    round.id(),
                    new DialogueDrafts.ContributionDraft(Contribution.Kind.IDEA, "Late", null)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).byField()).containsKey("body"));
    Listeners.awaitAllHandled(jdbc);
    assertThat(
            notified(
                "olivia@example.com",
                "/dialogues/%d/contributions/%d".formatted(round.id(), olivia.id())))
        .isEqualTo(1);
    assertThat(notified("henry@example.com", "/dialogues/" + round.id()))
        .isEqualTo(2); // opened, published
  }

  @Test
  void anEditorRemovedFromTheEditorsNoLongerLeadsHerRoundsButHerCoLeadersAndThenAdminsDo() {
    BatonUser admin = account("admin");
    BatonUser maria = account("maria@example.com");
    BatonUser tom = account("tom@example.com");
    strategy.nameEditor(admin, maria.personId());
    DialogueRound shared = roundOpenedBy(maria, List.of(tom.personId()));
    DialogueRound alone = roundOpenedBy(maria, List.of());
    dialogues.addTheme(maria, shared.id(), "While an editor " + word);
    strategy.removeEditor(admin, maria.personId());

    assertThatThrownBy(() -> dialogues.addTheme(maria, shared.id(), "After " + word))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> dialogues.addTheme(admin, shared.id(), "Admin " + word))
        .as("Tom still leads it")
        .isInstanceOf(AccessDeniedException.class);
    dialogues.addTheme(tom, shared.id(), "Tom's " + word);
    assertThatThrownBy(() -> dialogues.addTheme(maria, alone.id(), "Alone " + word))
        .isInstanceOf(AccessDeniedException.class);
    dialogues.addTheme(admin, alone.id(), "Not stranded " + word);
    // the operator account, which is no person, publishes the stranded round too
    DialogueRound published =
        dialogues.publish(
            admin,
            alone.id(),
            new DialogueDrafts.PublicationDraft("Nobody was left to lead it", List.of()));
    assertThat(published.published()).isTrue();
  }

  private DialogueRound roundOpenedBy(BatonUser editor, List<Long> coLeaders) {
    return dialogues.open(
        editor,
        new DialogueDrafts.RoundDraft(
            "Round of " + editor.displayName() + " " + UUID.randomUUID(),
            "What should we change?",
            LocalDate.now().plusDays(7),
            LocalDate.now().plusDays(14),
            coLeaders,
            List.of("Delivery")));
  }

  @Test
  void aContributionAfterTheRoundClosedIsRefusedByField() {
    DialogueRound round = open();
    clock.advance(Duration.ofDays(8));
    try {
      assertThat(dialogues.round(account("henry@example.com"), round.id()).state())
          .isEqualTo(DialogueRound.State.ANSWERING);
      assertThatThrownBy(
              () ->
                  dialogues.contribute(
                      account("henry@example.com"),
                      round.id(),
                      new DialogueDrafts.ContributionDraft(
                          Contribution.Kind.IDEA, "Too late", null)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("closed");
      assertThat(dialogues.round(account("henry@example.com"), round.id()).contributionCount())
          .isZero();
    } finally {
      clock.reset();
    }
  }

  @Test
  void onlyEditorsOpenRoundsAndTheScheduleMustHold() {
    assertThatThrownBy(
            () ->
                dialogues.open(
                    account("maria@example.com"),
                    new DialogueDrafts.RoundDraft(
                        "Mine",
                        "",
                        LocalDate.now().plusDays(3),
                        LocalDate.now().plusDays(5),
                        null,
                        null)))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                dialogues.open(
                    account("sam@example.com"),
                    new DialogueDrafts.RoundDraft(
                        "Backwards",
                        "",
                        LocalDate.now().plusDays(5),
                        LocalDate.now().plusDays(3),
                        null,
                        List.of("A", "a"))))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).byField())
                    .containsKeys("answersDueOn", "themes"));
  }

  @Test
  void anInitiativeCarriesOutAnAdoptedContributionAndItsAuthorHearsHowItGoes() throws Exception {
    DialogueRound round = open();
    BatonUser olivia = account("olivia@example.com");
    BatonUser henry = account("henry@example.com");
    Contribution idea =
        dialogues.contribute(
            olivia,
            round.id(),
            new DialogueDrafts.ContributionDraft(
                Contribution.Kind.IDEA, "Label returns " + word, null));
    assertThatThrownBy(
            () ->
                initiatives.start(
                    henry, "Too early " + word, "", "", null, List.of(), null, idea.id()))
        .as("only an adopted contribution is carried out")
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).byField()).containsKey("contributionId"));
    dialogues.answer(
        account("sam@example.com"),
        round.id(),
        idea.id(),
        new DialogueDrafts.AnswerDraft(Contribution.State.ADOPTED, "Yes, from next month."));
    String contributionPage = "/dialogues/%d/contributions/%d".formatted(round.id(), idea.id());
    assertThat(page(contributionPage, henry))
        .contains("/initiatives/new?contribution=" + idea.id());
    assertThat(page("/initiatives/new?contribution=" + idea.id(), henry))
        .as("the spot form starts from the contribution's words")
        .contains("Label returns " + word)
        .contains("name=\"contributionId\"");

    org.baton.initiatives.Initiative carrying =
        initiatives.start(henry, "Return labels " + word, "", "", null, List.of(), null, idea.id());
    assertThat(carrying.contributionId()).isEqualTo(idea.id());
    assertThat(page(contributionPage, olivia))
        .contains("Return labels " + word)
        .contains("/initiatives/" + carrying.id());
    assertThat(page("/initiatives/" + carrying.id(), olivia)).contains(contributionPage);

    initiatives.changeStatus(
        henry, carrying.id(), org.baton.initiatives.InitiativeStatus.IN_PROGRESS, "Started");
    Listeners.awaitAllHandled(jdbc);
    assertThat(notified("olivia@example.com", "/initiatives/" + carrying.id()))
        .as("started, then in progress")
        .isEqualTo(2);
  }

  private String page(String path, BatonUser who) throws Exception {
    return mvc.perform(get(path).with(user(who)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private DialogueRound open() {
    return dialogues.open(
        account("sam@example.com"),
        new DialogueDrafts.RoundDraft(
            "Round " + word,
            "What should we change?",
            LocalDate.now().plusDays(7),
            LocalDate.now().plusDays(14),
            List.of(account("tom@example.com").personId()),
            List.of("Delivery")));
  }

  private int notified(String email, String link) {
    return jdbc.sql("select count(*) from notification where person_id = ? and link = ?")
        .params(account(email).personId(), link)
        .query(Integer.class)
        .single();
  }

  private BatonUser account(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }
}
