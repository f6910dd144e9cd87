package org.baton.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.baton.decisions.ConsultedLearnings;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds a decider to what the record will say past learning told them: every learning named as
 * shown exists and is one they may see, and every one named as acknowledged carries their own mark
 * (read or helped), made before they decide.
 */
@Component
class LearningAcknowledgements implements ConsultedLearnings {

  private static final int MAX = 10;

  private final LearningReviews reviews;
  private final ReportOuts reportOuts;
  private final LearningResponses responses;
  private final LearningPermissions permissions;

  LearningAcknowledgements(
      LearningReviews reviews,
      ReportOuts reportOuts,
      LearningResponses responses,
      LearningPermissions permissions) {
    this.permissions = permissions;
    this.reviews = reviews;
    this.reportOuts = reportOuts;
    this.responses = responses;
  }

  @Override
  @Transactional(readOnly = true)
  public List<FieldProblem> check(
      BatonUser decider, List<String> shown, List<String> acknowledged) {
    List<FieldProblem> problems = new ArrayList<>();
    if (shown.size() > MAX) {
      problems.add(new FieldProblem("learningsShown", "Name at most 10 learnings."));
      return problems;
    }
    List<LearningKind.Ref> refs = new ArrayList<>();
    for (String text : shown) {
      Optional<LearningKind.Ref> ref = LearningKind.Ref.parse(text);
      if (ref.isEmpty() || !visible(decider, ref.get())) {
        problems.add(
            new FieldProblem("learningsShown", "No learning " + text + " that you may see."));
      } else {
        refs.add(ref.get());
      }
    }
    if (decider.personId() == null) {
      return problems;
    }
    Map<String, Set<LearningResponses.Mark>> marks = responses.marksOf(decider.personId(), refs);
    for (String text : acknowledged) {
      if (!marks.containsKey(text)) {
        problems.add(
            new FieldProblem(
                "learningsAcknowledged",
                "Mark " + text + " read or helped before naming it as acknowledged."));
      }
    }
    return problems;
  }

  /** Asked without exceptions: one thrown inside the decision's transaction would doom it. */
  private boolean visible(BatonUser decider, LearningKind.Ref ref) {
    if (ref.kind() == LearningKind.REVIEW) {
      return reviews.load(List.of(ref.id())).stream()
          .anyMatch(r -> r.published() && permissions.maySee(decider, r));
    }
    return !reportOuts.load(List.of(ref.id())).isEmpty();
  }
}
