package org.baton.polls;

import java.util.List;
import java.util.Map;

/**
 * A vote as it is cast: the options chosen (a choice, a meeting), the scores (0 to 10 by option),
 * the ranking (best first), or the stance (consent); with the reason.
 */
public record VoteDraft(
    List<Long> optionIds,
    Map<Long, Integer> scores,
    List<Long> ranking,
    Stance stance,
    String reason) {

  public VoteDraft {
    optionIds = optionIds == null ? List.of() : List.copyOf(optionIds);
    scores = scores == null ? Map.of() : Map.copyOf(scores);
    ranking = ranking == null ? List.of() : List.copyOf(ranking);
  }
}
