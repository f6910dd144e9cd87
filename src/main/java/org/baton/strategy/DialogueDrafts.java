package org.baton.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** What people send to open a round, contribute, answer and publish. */
public final class DialogueDrafts {

  private DialogueDrafts() {}

  /**
   * A round to open. The opener is always one of its leaders; {@code leaderIds} names others who
   * answer with them; {@code themes} are the themes contributions may be grouped into.
   */
  public record RoundDraft(
      String title,
      String description,
      LocalDate contributionsCloseOn,
      LocalDate answersDueOn,
      @Schema(nullable = true) List<Long> leaderIds,
      @Schema(nullable = true) List<String> themes) {
    public RoundDraft {
      leaderIds = leaderIds == null ? List.of() : leaderIds.stream().distinct().toList();
      themes = themes == null ? List.of() : themes;
    }
  }

  public record ContributionDraft(
      org.baton.strategy.Contribution.Kind kind,
      String body,
      @Schema(nullable = true) Long themeId) {}

  public record AnswerDraft(org.baton.strategy.Contribution.State state, String answer) {}

  /**
   * The summary written on publishing: what changes in the priorities (Markdown), and the current
   * priorities it names. What was adopted is listed with it from the answers.
   */
  public record PublicationDraft(
      @Schema(nullable = true) String summary, @Schema(nullable = true) List<Long> priorityIds) {
    public PublicationDraft {
      priorityIds = priorityIds == null ? List.of() : priorityIds.stream().distinct().toList();
    }
  }
}
