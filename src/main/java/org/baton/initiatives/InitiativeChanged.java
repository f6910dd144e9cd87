package org.baton.initiatives;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.List;

/**
 * Something happened to an initiative: what ({@code kind}), who did it, whom it concerned (the new
 * leader of a hand-over), the status it reached. Facts only: listeners word them. Its leader,
 * supporters and the leaders of affected teams ({@code told}) may want to know.
 *
 * @param otherPersonId the person handed the lead, or, when the leader left, the leader's own
 *     leader (offered the lead with the supporters); or null
 * @param status the status reached, for {@link Kind#STATUS_CHANGED}; else null
 * @param at when it happened (null in events kept from before it was carried)
 */
public record InitiativeChanged(
    long initiativeId,
    Kind kind,
    long actorPersonId,
    Long otherPersonId,
    InitiativeStatus status,
    // "audience" until 2026-12: a publication written before then still reads
    @JsonAlias("audience") List<Long> told,
    Instant at) {

  public enum Kind {
    STARTED,
    SUPPORTER_JOINED,
    HANDED_OVER,
    PICKED_UP,
    STATUS_CHANGED,
    COMMENTED,
    HELP_OFFERED,
    /** The leader left; the lead is offered to the supporters and the leader's own leader. */
    LEADER_LEFT
  }

  public InitiativeChanged {
    told = List.copyOf(told);
  }
}
