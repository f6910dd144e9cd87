package org.baton.strategy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A contribution to a dialogue round: an idea, a concern or a question, with its supports, comments
 * and, once the leaders have given it, its answer.
 *
 * @param supportedByMe whether the reader supports it
 */
public record Contribution(
    long id,
    long roundId,
    long authorId,
    String authorName,
    Kind kind,
    String body,
    @Schema(nullable = true) Long themeId,
    @Schema(nullable = true) String themeName,
    int supportCount,
    int commentCount,
    Instant createdAt,
    @Schema(nullable = true) AnswerGiven answer,
    boolean supportedByMe) {

  public enum Kind {
    IDEA("Idea"),
    CONCERN("Concern"),
    QUESTION("Question");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What the leaders answer: a state and the reason for it. */
  public record AnswerGiven(State state, String answer, String byName, Instant at) {}

  public enum State {
    ADOPTED("Adopted"),
    EXPLORE("Will explore"),
    NOT_NOW("Not now"),
    DECLINED("Declined");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A comment on a contribution. */
  public record DialogueComment(
      long id, long authorId, String authorName, String body, Instant at) {}
}
