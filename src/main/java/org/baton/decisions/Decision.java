package org.baton.decisions;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One entry of the decision record.
 *
 * @param kind a decision, or a reversal or supersession of the entry it {@code refersTo}
 * @param verdict the verdict of the check made when it was recorded
 * @param authority that check's explanation: the rule or delegation the decision rests on
 * @param visibleTo for confidential types, who besides the decider and requester may see it
 * @param deciderPersonId who decided; null only for a reversal by an operator account
 * @param deciderAccount the operator account (such as admin) that made a reversal; else null
 * @param learningsShown past learnings Baton showed the decider before deciding ({@code review-12},
 *     {@code report-out-3})
 * @param learningsAcknowledged those of them the decider read or marked helped
 * @param priorityId the strategy's priority the decider said it serves, or null
 */
public record Decision(
    long id,
    long seq,
    Kind kind,
    @Schema(nullable = true) Long refersTo,
    Instant decidedAt,
    @Schema(nullable = true) Long deciderPersonId,
    @Schema(nullable = true) Long requestedByPersonId,
    @Schema(nullable = true) String decisionType,
    String title,
    String reason,
    @Schema(nullable = true) BigDecimal amount,
    @Schema(nullable = true) String currency,
    Map<String, String> context,
    List<Long> affectedTeamIds,
    @Schema(nullable = true) LocalDate followUpOn,
    String verdict,
    @Schema(nullable = true) Long ruleId,
    @Schema(nullable = true) Integer ruleVersion,
    @Schema(nullable = true) Long delegationId,
    String authority,
    String adviceConsidered,
    boolean confidential,
    List<Long> visibleTo,
    String prevHash,
    String hash,
    @Schema(nullable = true) String deciderAccount,
    List<String> learningsShown,
    List<String> learningsAcknowledged,
    @Schema(nullable = true) Long priorityId) {

  public enum Kind {
    DECISION,
    REVERSAL,
    SUPERSESSION
  }

  public Decision {
    context = Map.copyOf(context);
    affectedTeamIds = affectedTeamIds.stream().sorted().toList();
    visibleTo = visibleTo.stream().sorted().distinct().toList();
    learningsShown = learningsShown == null ? List.of() : List.copyOf(learningsShown);
    learningsAcknowledged =
        learningsAcknowledged == null ? List.of() : List.copyOf(learningsAcknowledged);
  }

  /** The same entry placed in the chain. */
  Decision chained(long id, long seq, String prevHash, String hash) {
    return new Decision(
        id,
        seq,
        kind,
        refersTo,
        decidedAt,
        deciderPersonId,
        requestedByPersonId,
        decisionType,
        title,
        reason,
        amount,
        currency,
        context,
        affectedTeamIds,
        followUpOn,
        verdict,
        ruleId,
        ruleVersion,
        delegationId,
        authority,
        adviceConsidered,
        confidential,
        visibleTo,
        prevHash,
        hash,
        deciderAccount,
        learningsShown,
        learningsAcknowledged,
        priorityId);
  }
}
