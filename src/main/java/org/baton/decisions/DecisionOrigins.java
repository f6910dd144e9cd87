package org.baton.decisions;

import java.util.List;
import java.util.Optional;

/**
 * Where a decision came from, by id: for now, the advice request it closed. Decisions defines the
 * port and the advice module answers it, so the record links to the advice without depending on it,
 * and without reading an id back out of text.
 */
public interface DecisionOrigins {

  /** The advice request that this decision closed, if one did. */
  Optional<Long> adviceRequestClosedBy(long decisionId);

  /**
   * The people who have given advice on this advice request, when {@code askerId} asked it and it
   * is still open (the decision resting on it closes it); empty otherwise, so that one round of
   * advice never covers a second decision. What a decision can show for an advice requirement.
   */
  List<Long> advisersOn(long requestId, long askerId);
}
