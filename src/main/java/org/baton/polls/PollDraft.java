package org.baton.polls;

import java.time.Instant;
import java.util.List;

/**
 * A poll as its author asks it, before the rules have read it.
 *
 * @param options the options' texts (none for consent; for a meeting, times as {@code
 *     2026-12-09T10:00})
 * @param teamIds teams asked, each with the teams below it
 * @param personIds people asked by name
 * @param decisionType the kind of decision the poll ends in, or null when it ends in none
 */
public record PollDraft(
    PollKind kind,
    String title,
    String details,
    List<String> options,
    List<Long> teamIds,
    List<Long> personIds,
    Instant closesAt,
    boolean anonymous,
    boolean resultsHidden,
    boolean reasonRequired,
    boolean several,
    int quorumPercent,
    String decisionType) {

  public PollDraft {
    options = options == null ? List.of() : List.copyOf(options);
    teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
    personIds = personIds == null ? List.of() : List.copyOf(personIds);
  }
}
