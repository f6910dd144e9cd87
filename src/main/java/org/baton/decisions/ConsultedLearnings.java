package org.baton.decisions;

import java.util.List;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;

/**
 * What the decision record asks of the learning module (which implements it) before a decision
 * names the past learnings shown to its decider: so that the record never claims a learning the
 * decider could not see, or an acknowledgement they did not make.
 */
public interface ConsultedLearnings {

  /**
   * The problems with a decider's claim, each naming the field: {@code learningsShown} for a
   * learning that does not exist or that they may not see, {@code learningsAcknowledged} for one
   * they have not marked read or helped. Empty when the claim holds.
   */
  List<FieldProblem> check(BatonUser decider, List<String> shown, List<String> acknowledged);
}
