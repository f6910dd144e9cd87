package org.baton.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.baton.platform.CsvReader;
import org.baton.platform.FieldProblem;
import org.junit.jupiter.api.Test;

/** The rules of key figures, their values and files of values, without the application. */
class FigureRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  static final KeyFigure REVENUE =
      new KeyFigure(1, "Revenue", "EUR", "", null, Visibility.EVERYONE, List.of(), null, null);

  @Test
  void aFigureNamesEveryProblemAndNobodyHidesItFromThemselves() {
    FigureDrafts.FigureDraft draft =
        new FigureDrafts.FigureDraft(
            " ", "x".repeat(21), "", new BigDecimal("1e16"), Visibility.LEADERS, List.of(5L));
    assertThat(FigureRules.figure(draft, Set.of(), false))
        .extracting(FieldProblem::field)
        .containsExactly("name", "unit", "target", "people", "people", "visibility");
  }

  @Test
  void aValueIsForAKnownDayInTheFiguresUnit() {
    assertThat(
            FigureRules.value(
                new FigureDrafts.ValueDraft(TODAY.plusDays(1), null, "%", "x".repeat(2_001)),
                REVENUE,
                TODAY))
        .extracting(FieldProblem::field)
        .containsExactly("on", "value", "unit", "comment");
  }

  @Test
  void everyLineOfAFileIsCheckedAndNamed() throws Exception {
    List<CsvReader.Record> rows =
        CsvReader.read(
            ("on,value,comment\n2026-12-01,10,\n2026-12-01,11,\n2026-13-01,1,\n2026-12-31,1,\n"
                    + "2026-12-02,12,fine\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    FigureRules.Parsed parsed =
        FigureRules.rows(rows.subList(1, rows.size()), REVENUE, TODAY, "Sam");
    assertThat(parsed.problems())
        .extracting(FieldProblem::field)
        .containsExactly("line 3", "line 4", "line 5");
    assertThat(parsed.values()).extracting(KeyFigure.FigureValue::value).hasSize(4);
  }
}
