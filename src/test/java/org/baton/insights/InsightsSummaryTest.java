package org.baton.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsightsSummaryTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  @Test
  void theLastWholeMonthIsComparedWithTheOneBeforeAndTheMonthInProgressIsNot() {
    InsightsSummary summary =
        InsightsSummary.of(
            answer(
                month("2026-10-01", 100, 50, 30, 20),
                month("2026-11-01", 120, 66, 30, 24),
                month("2026-12-01", 10, 2, 4, 4)),
            TODAY);
    assertThat(summary.month()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(summary.partialMonth()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(summary.figures())
        .extracting(InsightsSummary.Figure::label, InsightsSummary.Figure::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Decided at the front line", 55L),
            org.assertj.core.groups.Tuple.tuple("Decided by team leaders", 25L),
            org.assertj.core.groups.Tuple.tuple("Escalated to holders", 20L),
            org.assertj.core.groups.Tuple.tuple("Decisions", 120L));
    assertThat(summary.figures().get(0).trend()).isEqualTo("▲ 5 points on the month before");
    assertThat(summary.figures().get(1).trend()).isEqualTo("▼ 5 points on the month before");
    assertThat(summary.figures().get(2).trend()).isEqualTo("no change on the month before");
    assertThat(summary.figures().get(3).trend()).isEqualTo("▲ 20 % on the month before");
  }

  @Test
  void onlyTheMonthInProgressGivesNoSummary() {
    InsightsSummary summary = InsightsSummary.of(answer(month("2026-12-01", 3, 1, 1, 1)), TODAY);
    assertThat(summary.month()).isNull();
    assertThat(summary.figures()).isEmpty();
  }

  private static WhereDecisionsAreMade.Month month(
      String first, long total, long frontLine, long leaders, long holders) {
    return new WhereDecisionsAreMade.Month(
        LocalDate.parse(first), total, frontLine, leaders, holders);
  }

  private static WhereDecisionsAreMade.Answer answer(WhereDecisionsAreMade.Month... months) {
    List<WhereDecisionsAreMade.Month> all = List.of(months);
    return new WhereDecisionsAreMade.Answer(
        all.get(0).month(),
        TODAY,
        null,
        null,
        all.stream().mapToLong(WhereDecisionsAreMade.Month::total).sum(),
        0,
        0,
        0,
        all);
  }
}
