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
   * The people who have given advice on this advice request, when {@code askerId} asked it; empty
   * for a request that does not exist or is someone else's. What a decision resting on the request
   * can show for an advice requirement.
   */
  List<Long> advisersOn(long requestId, long askerId);
}
