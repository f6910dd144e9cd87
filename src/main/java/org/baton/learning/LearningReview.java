package org.baton.learning;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A blameless review: what happened, what we expected, what we learned, what we will change, the
 * contributing factors, what it is about, and the actions that follow. There is no field for fault.
 * {@code blameHints} lists phrases that read as blame, each with a suggestion; they never stop a
 * review being saved.
 */
@Schema(name = "LearningReview")
public record LearningReview(
    long id,
    long authorId,
    String authorName,
    String title,
    String whatHappened,
    String whatWeExpected,
    String whatWeLearned,
    String whatWeWillChange,
    List<String> factors,
    List<Long> decisionIds,
    List<Long> initiativeIds,
    List<Long> adviceRequestIds,
    List<String> decisionTypes,
    List<String> perspectives,
    String status,
    Instant createdAt,
    @Schema(nullable = true) Instant publishedAt,
    int helpedCount,
    List<Action> actions,
    List<Hint> blameHints) {

  /** Something to change, with an owner and a due date; overdue while open after it. */
  @Schema(name = "LearningAction")
  public record Action(
      long id,
      long ownerId,
      String ownerName,
      String description,
      LocalDate due,
      @Schema(nullable = true) Instant doneAt,
      String doneNote,
      boolean overdue) {}

  /** A phrase that reads as blame, and what to write instead. */
  @Schema(name = "BlameHint")
  public record Hint(String phrase, String suggestion) {}

  public String ref() {
    return LearningKind.REVIEW.ref(id);
  }

  /** Actions still open after their due date, for the review page and its author. */
  public List<Action> overdueActions() {
    return actions.stream().filter(Action::overdue).toList();
  }

  public boolean published() {
    return "PUBLISHED".equals(status);
  }

  LearningPermissions.Reach reach() {
    return new LearningPermissions.Reach(authorId, published(), decisionIds, adviceRequestIds);
  }
}
