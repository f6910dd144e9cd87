package org.baton.polls;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A poll as it stands: what it asks, of how many, until when, and (once recorded) the decision it
 * ended in.
 *
 * @param several for a choice, whether one may choose several options
 * @param quorumPercent the share of the audience that must answer for the result to count
 * @param version a consent proposal's version (each amendment adds one)
 */
@Schema(name = "Poll")
public record Poll(
    long id,
    PollKind kind,
    String title,
    String details,
    long authorPersonId,
    @Schema(nullable = true) String decisionType,
    List<Option> options,
    boolean anonymous,
    boolean resultsHidden,
    boolean reasonRequired,
    boolean several,
    int quorumPercent,
    int audienceSize,
    int version,
    Instant openedAt,
    Instant closesAt,
    @Schema(nullable = true) Instant closedAt,
    @Schema(nullable = true) Long decisionId) {

  @Schema(name = "PollOption")
  public record Option(long id, String text) {}

  /** Open until its close, or until it was closed early. */
  public boolean open(Instant now) {
    return closedAt == null && now.isBefore(closesAt);
  }

  public boolean closed(Instant now) {
    return !open(now);
  }
}
