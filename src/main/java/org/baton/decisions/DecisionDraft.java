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
    Long supersedes) {

  public DecisionDraft {
    title = title == null ? "" : title.strip();
    reason = reason == null ? "" : reason.strip();
    adviceConsidered = adviceConsidered == null ? "" : adviceConsidered.strip();
    context = context == null ? Map.of() : Map.copyOf(context);
    affectedTeamIds = affectedTeamIds == null ? List.of() : List.copyOf(affectedTeamIds);
  }
}
