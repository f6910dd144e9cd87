package org.baton.polls;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A vote as kept: under its voter's key (a person's id, or an anonymous poll's one-way token), for
 * the proposal's version it answered, with the proposer's answer to an objection.
 *
 * @param personId who voted, or null in an anonymous poll
 * @param optionIds the options chosen, or for a ranking the options best first, or for scores the
 *     options scored (in the order of {@code scores})
 */
@Schema(name = "PollVote")
public record Vote(
    @Schema(hidden = true) @com.fasterxml.jackson.annotation.JsonIgnore String voterKey,
    @Schema(nullable = true) Long personId,
    int version,
    @Schema(nullable = true) Stance stance,
    List<Long> optionIds,
    List<Integer> scores,
    String reason,
    Instant votedAt,
    @Schema(nullable = true) String answer,
    @Schema(nullable = true) Instant answeredAt) {

  public Vote {
    optionIds = List.copyOf(optionIds);
    scores = List.copyOf(scores);
  }

  /** An objection to the proposal's current version that its proposer has not answered yet. */
  boolean openObjection(int currentVersion) {
    return stance == Stance.OBJECT && version == currentVersion && answer == null;
  }
}
