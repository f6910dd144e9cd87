package org.baton.initiatives;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.baton.platform.InvalidInputException;
import org.springframework.security.access.AccessDeniedException;

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

  void requireLeader(long actor) {
    if (actor != leaderId) {
      throw new AccessDeniedException("Only the leader does this.");
    }
  }

  void requireOpen() {
    if (status.isFinal()) {
      throw new InvalidInputException(
          "status", "This initiative is " + status.label().toLowerCase() + ".");
    }
  }

  /** Checks a hand-over of the lead (the baton pass) from the leader to someone else. */
  void checkHandOver(long actor, long to, boolean toActive) {
    requireLeader(actor);
    requireOpen();
    if (to == leaderId) {
      throw new InvalidInputException("to", "You already lead this; choose someone else.");
    }
    if (!toActive) {
      throw new InvalidInputException(
          "to", "Hand the lead to someone who is still with the company.");
    }
  }

  void checkJoin(long person) {
    requireOpen();
    if (person == leaderId) {
      throw new InvalidInputException("person", "You lead this initiative already.");
    }
    if (supporterIds.contains(person)) {
      throw new InvalidInputException("person", "You support this initiative already.");
    }
  }

  void checkStatusChange(long actor, InitiativeStatus next, String note) {
    requireLeader(actor);
    requireOpen();
    if (next == status) {
      throw new InvalidInputException(
          "status", "It is " + status.label().toLowerCase() + " already.");
    }
    if (next == InitiativeStatus.DONE && (note == null || note.isBlank())) {
      throw new InvalidInputException("note", "Say what came of it: the outcome.");
    }
    if (next == InitiativeStatus.DROPPED && (note == null || note.isBlank())) {
      throw new InvalidInputException("note", "Say why it is dropped.");
    }
  }
}
