package org.baton.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlameHintsTest {

  @Test
  void blamingPhrasesAreFlaggedWithASuggestion() {
    assertThat(BlameHints.in("It was my fault, I was careless.", List.of()))
        .extracting(BlameHints.Hint::phrase)
        .containsExactly("my fault", "careless");
    assertThat(BlameHints.in("Henry should have known the limit.", List.of()))
        .extracting(BlameHints.Hint::phrase)
        .containsExactly("should have known");
    assertThat(BlameHints.in("It was my fault.", List.of()).get(0).suggestion())
        .startsWith("Describe the situation");
  }

  @Test
  void aPersonsNameNextToANegativeVerbIsFlagged() {
    assertThat(BlameHints.in("Then Henry forgot to check the stock.", List.of("Henry Clerk")))
        .extracting(BlameHints.Hint::phrase)
        .containsExactly("Henry forgot");
  }

  @Test
  void aDescriptionOfTheSituationIsNotFlagged() {
    assertThat(
            BlameHints.in(
                "The limit was not shown on the counter screen, so the credit went above it.",
                List.of("Henry Clerk")))
        .isEmpty();
  }
}
