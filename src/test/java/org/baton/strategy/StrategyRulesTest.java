package org.baton.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.baton.platform.FieldProblem;
import org.junit.jupiter.api.Test;

/** The direction's rules and the reading of typed values, without a database. */
class StrategyRulesTest {

  private static final LocalDate START = LocalDate.of(2026, 1, 1);

  @Test
  void aValueIsReadInTheFiguresUnitOrRefusedNamingBoth() {
    assertThat(FigureValueText.read("1,234.5", "EUR").value()).contains(new BigDecimal("1234.5"));
    assertThat(FigureValueText.read("1 200 eur", "EUR").value()).contains(new BigDecimal("1200"));
    assertThat(FigureValueText.read("-3.5 %", "%").value()).contains(new BigDecimal("-3.5"));
    assertThat(FigureValueText.read("12 %", "EUR").problem())
        .isEqualTo("This figure is in EUR; 12 % is in %.");
    assertThat(FigureValueText.read("twelve", "EUR").value()).isEmpty();
    assertThat(FigureValueText.read("1,23", "EUR").value()).isEmpty();
    assertThat(FigureValueText.read("1e20", "EUR").value()).isEmpty();
    assertThat(FigureValueText.read("9999999999999999", "EUR").problem())
        .isEqualTo("The value is too large.");
  }

  @Test
  void aGoalMustMoveSomethingAndEachProblemNamesItsField() {
    DirectionDrafts.PrioritiesDraft draft =
        new DirectionDrafts.PrioritiesDraft(
            List.of(
                priority(null, 7L, goal(null, "5", "5")), priority(3L, 7L, goal(99L, "1", "2"))),
            "");
    List<FieldProblem> problems =
        DirectionRules.priorities(
            draft, id -> id == 3, goal -> 4, person -> person == 7, t -> true);
    assertThat(problems)
        .extracting(FieldProblem::field)
        .containsExactly("priorities[0].goals[0].target", "priorities[1].goals[0].id", "reason");
  }

  @Test
  void aListLeftOutIsRefusedRatherThanReadAsRemovingEverything() {
    assertThat(DirectionRules.values(new DirectionDrafts.ValuesDraft(null, "why")))
        .extracting(FieldProblem::field)
        .containsExactly("values");
    assertThat(DirectionRules.values(new DirectionDrafts.ValuesDraft(List.of(), "why"))).isEmpty();
  }

  private static DirectionDrafts.PriorityDraft priority(
      Long id, Long owner, DirectionDrafts.GoalDraft goal) {
    return new DirectionDrafts.PriorityDraft(
        id, "Title", "Why", owner, START, START.plusYears(1), List.of(), List.of(goal));
  }

  private static DirectionDrafts.GoalDraft goal(Long id, String start, String target) {
    return new DirectionDrafts.GoalDraft(
        id, "Goal", "%", new BigDecimal(start), new BigDecimal(target), START.plusMonths(6));
  }
}
