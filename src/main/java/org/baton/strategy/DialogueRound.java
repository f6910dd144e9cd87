package org.baton.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A strategic dialogue round: contributions open until {@code contributionsCloseOn}, answers due by
 * {@code answersDueOn}, then published with a summary once every contribution has its answer.
 */
public record DialogueRound(
    long id,
    String title,
    String description,
    long openedById,
    String openedByName,
    List<Long> leaderIds,
    List<String> leaderNames,
    Instant openedAt,
    LocalDate contributionsCloseOn,
    LocalDate answersDueOn,
    State state,
    List<Theme> themes,
    int contributionCount,
    int unansweredCount,
    @Schema(nullable = true) String summary,
    List<Long> summaryPriorityIds,
    @Schema(nullable = true) Instant publishedAt) {

  public enum State {
    /** Contributions, supports and comments are welcome. */
    OPEN,
    /** Contributions have closed; the leaders answer each, then publish. */
    ANSWERING,
    PUBLISHED
  }

  public record Theme(long id, String name) {}

  public boolean open() {
    return state == State.OPEN;
  }

  public boolean published() {
    return state == State.PUBLISHED;
  }
}
