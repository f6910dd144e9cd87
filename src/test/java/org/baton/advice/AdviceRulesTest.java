package org.baton.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.baton.directory.Organisation;
import org.baton.platform.FieldProblem;
import org.junit.jupiter.api.Test;

/** The rules of an ask, a piece of advice and a closing note, without the application. */
class AdviceRulesTest {

  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
  static final AdviceRules.Known KNOWN =
      new AdviceRules.Known(NOW, Set.of("quality"), "goodwill"::equals, id -> id == 7);

  static AdviceService.Ask ask(String question, Instant deadline, String type, Long priority) {
    return new AdviceService.Ask(
        null, question, "", deadline, List.of("quality"), null, false, type, null, priority);
  }

  static List<String> fields(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::field).toList();
  }

  @Test
  void anAskWithEveryFieldWrongNamesEveryField() {
    List<FieldProblem> problems =
        AdviceRules.ask(
            ask(" ", NOW.minusSeconds(1), "nonsense", 3L), List.of("quality", "astrology"), KNOWN);
    assertThat(fields(problems))
        .containsExactly("question", "deadline", "perspectives", "decisionType", "priorityId");
    assertThat(problems.get(2).message()).isEqualTo("Unknown perspective: astrology.");
  }

  @Test
  void aGoodAskHasNoProblemAndTheLimitIsTheLongTextsOne() {
    assertThat(
            AdviceRules.ask(
                ask("Shall we?", NOW.plusSeconds(60), "goodwill", 7L), List.of("quality"), KNOWN))
        .isEmpty();
    List<FieldProblem> tooLong =
        AdviceRules.ask(ask("x".repeat(10_001), NOW.plusSeconds(60), null, null), List.of(), KNOWN);
    assertThat(tooLong)
        .containsExactly(new FieldProblem("question", "Keep it under 10,000 characters."));
  }

  @Test
  void adviceCollectsEveryProblemAtOnce() {
    assertThat(fields(AdviceRules.advice(null, "", "x".repeat(10_001))))
        .containsExactly("stance", "reasons", "conditions");
    assertThat(AdviceRules.advice(Stance.SUPPORT_WITH_CONDITIONS, "Fine", " "))
        .containsExactly(new FieldProblem("conditions", "Name your conditions."));
    assertThat(AdviceRules.advice(Stance.SUPPORT, "Fine", "")).isEmpty();
    assertThat(AdviceRules.noDecisionNote(" ")).extracting(FieldProblem::field).contains("note");
  }

  @Test
  void aChosenPanelKeepsOnlyActivePeopleOtherThanTheAskerAndSaysWhoWasLeftOut() {
    Organisation org =
        new Organisation(
            List.of(
                new Organisation.Member(1, "Ines", 11L, true, List.of()),
                new Organisation.Member(2, "Olivia", 11L, true, List.of("quality")),
                new Organisation.Member(3, "Gone", 11L, false, List.of())),
            List.of());
    List<FieldProblem> problems = new ArrayList<>();
    List<AdviceRequest.PanelMember> panel =
        AdviceRules.panel(List.of(1L, 2L, 3L, 2L), List.of(), 1, org, problems);
    assertThat(panel).extracting(AdviceRequest.PanelMember::personId).containsExactly(2L);
    assertThat(problems)
        .extracting(FieldProblem::message)
        .containsExactly("You cannot advise yourself.", "Choose active people for the panel.");

    List<FieldProblem> none = new ArrayList<>();
    assertThat(AdviceRules.panel(null, List.of(), 1, org, none)).isEmpty();
    assertThat(none).extracting(FieldProblem::field).containsExactly("panel");
  }

  @Test
  void perspectivesBecomeTheirCodesEachOnce() {
    assertThat(AdviceRules.codes(List.of(" quality ", "", "quality"))).containsExactly("quality");
    assertThat(AdviceRules.codes(null)).isEmpty();
  }
}
