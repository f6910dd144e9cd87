package org.baton.advice;

import java.util.List;
import java.util.Optional;
import org.baton.decisions.DecisionOrigins;
import org.springframework.stereotype.Component;

/**
 * Answers the decision record's questions: which advice request did this decision close, and who
 * gave advice on a request the decider asked?
 */
@Component
class AdviceRequestsClosedByDecisions implements DecisionOrigins {

  private final AdviceStore store;

  AdviceRequestsClosedByDecisions(AdviceStore store) {
    this.store = store;
  }

  @Override
  public Optional<Long> adviceRequestClosedBy(long decisionId) {
    return store.closedBy(decisionId);
  }

  @Override
  public List<Long> advisersOn(long requestId, long askerId) {
    return store.advisersOnOpen(requestId, askerId);
  }
}
