package org.baton.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.baton.platform.FieldProblem;
import org.junit.jupiter.api.Test;

/** The rules of dialogue rounds, without the application. */
class DialogueRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  static DialogueRound round(DialogueRound.State state) {
    return new DialogueRound(
        1,
        "Autumn dialogue",
        "",
        7,
        "Ines",
        List.of(7L),
        List.of("Ines"),
        Instant.parse("2026-11-01T09:00:00Z"),
        TODAY.plusDays(3),
        TODAY.plusDays(10),
        state,
        List.of(new DialogueRound.Theme(11, "Customers")),
        2,
        1,
        null,
        List.of(),
        state == DialogueRound.State.PUBLISHED ? Instant.parse("2026-12-01T09:00:00Z") : null);
  }

  static List<String> fields(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::field).toList();
  }

  @Test
  void aRoundNamesEveryProblemAtOnce() {
    DialogueDrafts.RoundDraft draft =
        new DialogueDrafts.RoundDraft(
            " ",
            "x".repeat(10_001),
            TODAY.minusDays(1),
            TODAY.minusDays(2),
            List.of(5L, 6L),
            List.of("Customers", "customers ", ""));
    assertThat(fields(DialogueRules.round(draft, TODAY, Set.of(5L))))
        .containsExactly(
            "title",
            "description",
            "contributionsCloseOn",
            "answersDueOn",
            "leaderIds",
            "themes",
            "themes");
  }

  @Test
  void aContributionToAClosedRoundWithoutKindOrTextOrKnownThemeNamesAll() {
    assertThat(
            fields(
                DialogueRules.contribution(
                    round(DialogueRound.State.ANSWERING),
                    new DialogueDrafts.ContributionDraft(null, " ", 99L))))
        .containsExactly("body", "kind", "body", "themeId");
    assertThat(
            DialogueRules.contribution(
                round(DialogueRound.State.OPEN),
                new DialogueDrafts.ContributionDraft(
                    Contribution.Kind.IDEA, "More night buses", 11L)))
        .isEmpty();
  }

  @Test
  void aNewThemeIsCheckedWithTheRoundsOwnAndNamedOnItsField() {
    assertThat(DialogueRules.newTheme(round(DialogueRound.State.OPEN), " customers"))
        .containsExactly(new FieldProblem("name", "The theme customers is named twice."));
    assertThat(DialogueRules.newTheme(round(DialogueRound.State.OPEN), "Staff")).isEmpty();
  }

  @Test
  void aRoundIsPublishedOnceWithEveryContributionAnsweredAndOnlyCurrentPriorities() {
    List<FieldProblem> problems =
        DialogueRules.publication(
            round(DialogueRound.State.PUBLISHED),
            List.of(4L),
            new DialogueDrafts.PublicationDraft("Fine", List.of(3L)),
            Set.of(2L));
    assertThat(fields(problems)).containsExactly("round", "contributions", "priorityIds");
    assertThat(problems.get(1).message()).startsWith("1 contribution is not answered yet: #4.");
    assertThat(
            DialogueRules.answer(new DialogueDrafts.AnswerDraft(null, "")).stream()
                .map(FieldProblem::field))
        .containsExactly("state", "answer");
  }
}
