package org.baton.decisions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baton.platform.Money;

/**
 * A decision as the decider states it. The authority it rests on is not part of it: that comes from
 * a fresh check when it is recorded.
 *
 * @param adviceConsidered the advice weighed (links or names); required when the check says advice
 *     is needed
 * @param supersedes an earlier decision this one replaces, or null
 * @param learningsShown past learnings shown before deciding ({@code review-12}); each must be one
 *     the decider may see
 * @param learningsAcknowledged those of them the decider marked read or helped (checked against
 *     their marks when recorded)
 * @param priorityId the current priority the decision serves, or null
 * @param advisers people the decider names as having given the advice the rule requires (by phone,
 *     say): each is told, sees the decision and can dispute it; see {@code docs/AUTHORITY.md}
 * @param adviceRequestId one of the decider's advice requests whose advice the decision weighs
 *     (closing a request by deciding names it), or null
 */
public record DecisionDraft(
    String decisionType,
    String title,
    String reason,
    Money amount,
    Map<String, String> context,
    List<Long> affectedTeamIds,
    LocalDate followUpOn,
    String adviceConsidered,
    Long supersedes,
    List<String> learningsShown,
    List<String> learningsAcknowledged,
    Long priorityId,
    List<Long> advisers,
    Long adviceRequestId) {

  /** A decision that names no advisers and no advice request. */
  public DecisionDraft(
      String decisionType,
      String title,
      String reason,
      Money amount,
      Map<String, String> context,
      List<Long> affectedTeamIds,
      LocalDate followUpOn,
      String adviceConsidered,
      Long supersedes,
      List<String> learningsShown,
      List<String> learningsAcknowledged,
      Long priorityId) {
    this(
        decisionType,
        title,
        reason,
        amount,
        context,
        affectedTeamIds,
        followUpOn,
        adviceConsidered,
        supersedes,
        learningsShown,
        learningsAcknowledged,
        priorityId,
        List.of(),
        null);
  }

  /** The same decision resting on this advice: named advisers and an advice request. */
  public DecisionDraft withAdvice(List<Long> namedAdvisers, Long requestId) {
    return new DecisionDraft(
        decisionType,
        title,
        reason,
        amount,
        context,
        affectedTeamIds,
        followUpOn,
        adviceConsidered,
        supersedes,
        learningsShown,
        learningsAcknowledged,
        priorityId,
        namedAdvisers,
        requestId);
  }

  /** A decision stated with the learnings shown before it, serving no named priority. */
  public DecisionDraft(
      String decisionType,
      String title,
      String reason,
      Money amount,
      Map<String, String> context,
      List<Long> affectedTeamIds,
      LocalDate followUpOn,
      String adviceConsidered,
      Long supersedes,
      List<String> learningsShown,
      List<String> learningsAcknowledged) {
    this(
        decisionType,
        title,
        reason,
        amount,
        context,
        affectedTeamIds,
        followUpOn,
        adviceConsidered,
        supersedes,
        learningsShown,
        learningsAcknowledged,
        null);
  }

  /** A decision stated without any learnings shown before it. */
  public DecisionDraft(
      String decisionType,
      String title,
      String reason,
      Money amount,
      Map<String, String> context,
      List<Long> affectedTeamIds,
      LocalDate followUpOn,
      String adviceConsidered,
      Long supersedes) {
    this(
        decisionType,
        title,
        reason,
        amount,
        context,
        affectedTeamIds,
        followUpOn,
        adviceConsidered,
        supersedes,
        List.of(),
        List.of(),
        null);
  }

  public DecisionDraft {
    title = title == null ? "" : title.strip();
    reason = reason == null ? "" : reason.strip();
    adviceConsidered = adviceConsidered == null ? "" : adviceConsidered.strip();
    context = context == null ? Map.of() : Map.copyOf(context);
    affectedTeamIds = affectedTeamIds == null ? List.of() : List.copyOf(affectedTeamIds);
    learningsShown =
        learningsShown == null
            ? List.of()
            : learningsShown.stream().filter(java.util.Objects::nonNull).distinct().toList();
    learningsAcknowledged =
        learningsAcknowledged == null
            ? List.of()
            : learningsAcknowledged.stream().filter(java.util.Objects::nonNull).distinct().toList();
    advisers =
        advisers == null
            ? List.of()
            : advisers.stream().filter(java.util.Objects::nonNull).distinct().toList();
  }
}
