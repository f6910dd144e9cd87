package org.baton.initiatives;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A problem or opportunity someone spotted, and leads. The rules of leading live here: only the
 * leader hands over, changes the status or closes it; the previous leader becomes a supporter.
 *
 * <p>When the leader has left the company, or nothing has happened for {@link #SILENCE} days, the
 * initiative is <em>unattended</em>: then a supporter, the leader of an affected team, or (when the
 * leader left) the leader's own leader may pick up the lead, so that nothing waits on someone who
 * is gone ({@link InitiativesPermissions}).
 */
public record Initiative(
    long id,
    String title,
    String description,
    String location,
    @Schema(nullable = true) String decisionType,
    InitiativeStatus status,
    @Schema(nullable = true) String outcome,
    long leaderId,
    long createdBy,
    Instant createdAt,
    Instant lastActivityAt,
    List<Long> teamIds,
    List<Long> supporterIds,
    @Schema(nullable = true) Long priorityId,
    @Schema(nullable = true) Long contributionId) {

  public static final Duration SILENCE = Duration.ofDays(30);

  public Initiative {
    teamIds = List.copyOf(teamIds);
    supporterIds = List.copyOf(supporterIds);
  }

  public boolean isLeader(Long personId) {
    return personId != null && personId == leaderId;
  }

  public boolean isSupporter(Long personId) {
    return personId != null && supporterIds.contains(personId);
  }

  /** The leader left, or nobody has done anything for a long time. */
  public boolean isUnattended(boolean leaderActive, Instant now) {
    return !status.isFinal() && (!leaderActive || lastActivityAt.plus(SILENCE).isBefore(now));
  }
}
