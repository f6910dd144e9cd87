package org.baton.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.baton.platform.FieldProblem;
import org.junit.jupiter.api.Test;

/** What a request to decide and a decline must be, without the application. */
class HolderRequestRulesTest {

  static DecisionDraft draft(String title, String reason) {
    return new DecisionDraft(
        "goodwill",
        title,
        reason,
        null,
        Map.of(),
        List.of(),
        null,
        "",
        null,
        List.of(),
        List.of(),
        null);
  }

  @Test
  void askingOneselfWithoutATitleOrReasonNamesAllThree() {
    assertThat(HolderRequestRules.ask(draft("", ""), 3, 3))
        .extracting(FieldProblem::field)
        .containsExactly("title", "reason", "holder");
    assertThat(HolderRequestRules.ask(draft("x".repeat(201), "Why"), 3, 4))
        .extracting(FieldProblem::field)
        .containsExactly("title");
    assertThat(HolderRequestRules.ask(draft("Credit", "Twice let down"), 3, 4)).isEmpty();
  }

  @Test
  void aDeclineSaysWhyInALine() {
    assertThat(HolderRequestRules.decline("  "))
        .extracting(FieldProblem::field)
        .containsExactly("answer");
    assertThat(HolderRequestRules.decline(null)).hasSize(1);
    assertThat(HolderRequestRules.decline("x".repeat(2_001))).hasSize(1);
    assertThat(HolderRequestRules.decline("Over the budget this month")).isEmpty();
  }
}
