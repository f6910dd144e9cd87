package org.baton.decisions;

import java.util.ArrayList;
import java.util.List;
import org.baton.platform.FieldProblem;
import org.baton.platform.TextLimits;

/**
 * What a request to decide, and a holder's reason to decline it, must be: every problem at once.
 */
final class HolderRequestRules {

  private HolderRequestRules() {}

  static List<FieldProblem> ask(DecisionDraft draft, long requester, long holder) {
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.title().isEmpty() || draft.title().length() > TextLimits.NAME) {
      problems.add(new FieldProblem("title", "Say in a few words what should be decided."));
    }
    if (draft.reason().isEmpty() || draft.reason().length() > TextLimits.REASON) {
      problems.add(new FieldProblem("reason", "Give a one-line reason."));
    }
    if (holder == requester) {
      problems.add(new FieldProblem("holder", "Ask someone else."));
    }
    return problems;
  }

  static List<FieldProblem> decline(String reason) {
    String why = reason == null ? "" : reason.strip();
    return why.isEmpty() || why.length() > TextLimits.REASON
        ? List.of(
            new FieldProblem("answer", "Say why, so that the requester knows what to do next."))
        : List.of();
  }
}
