package org.baton.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.baton.directory.Person;
import org.baton.platform.FieldProblem;
import org.junit.jupiter.api.Test;

/** The rules of a learning review, without the application. */
class ReviewRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
  static final ReviewRules.Known KNOWN =
      new ReviewRules.Known(
          Set.of("tooling"),
          Set.of("goodwill"),
          Set.of("quality"),
          TODAY,
          decision -> decision == 1,
          request -> false,
          initiative -> initiative == 5,
          owner -> owner.id() != 3);

  static Person person(long id, boolean active) {
    return new Person(id, id + "@example.com", "P" + id, "", null, null, "", "", active, List.of());
  }

  static ReviewDraft draft(List<ReviewDraft.ActionDraft> actions) {
    return new ReviewDraft(
        "Burr after tool change",
        "It burred",
        "",
        "Check the holder",
        "",
        List.of("tooling", "luck"),
        List.of(1L, 2L),
        List.of(5L, 6L),
        List.of(9L),
        List.of("goodwill", "astrology"),
        List.of("quality", "feng-shui"),
        actions);
  }

  @Test
  void everyProblemOfADraftIsNamedAtOnceByItsField() {
    List<ReviewDraft.ActionDraft> actions =
        List.of(
            new ReviewDraft.ActionDraft("2", "Order a holder", TODAY),
            new ReviewDraft.ActionDraft("3", "", TODAY.minusDays(1)),
            new ReviewDraft.ActionDraft("4", "Train", null));
    List<ReviewRules.Owner> owners =
        List.of(
            new ReviewRules.Owner(person(2, true), List.of()),
            new ReviewRules.Owner(person(3, true), List.of()),
            new ReviewRules.Owner(person(4, false), List.of()));
    assertThat(ReviewRules.draft(draft(actions), owners, KNOWN))
        .extracting(FieldProblem::field)
        .containsExactly(
            "factors",
            "decisionTypes",
            "perspectives",
            "decisionIds",
            "adviceRequestIds",
            "initiativeIds",
            "actions[1].owner",
            "actions[1].description",
            "actions[1].due",
            "actions[2].owner",
            "actions[2].due");
  }

  @Test
  void anOwnerNobodyFoundKeepsTheDirectorysWordsAndTheNoteHasALimit() {
    FieldProblem unknown = new FieldProblem("actions[0].owner", "Nobody called Zed.");
    ReviewDraft draft =
        new ReviewDraft(
            "T",
            "H",
            "",
            "L",
            "",
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(new ReviewDraft.ActionDraft("Zed", "Do it", TODAY)));
    assertThat(
            ReviewRules.draft(draft, List.of(new ReviewRules.Owner(null, List.of(unknown))), KNOWN))
        .containsExactly(unknown);
    assertThat(ReviewRules.doneNote("x".repeat(2_001)))
        .containsExactly(new FieldProblem("note", "Keep it under 2,000 characters."));
    assertThat(ReviewRules.doneNote(null)).isEmpty();
  }
}
