package org.baton.decisions;

import java.util.List;

/**
 * A decision was recorded resting on advice its decider says these people gave (by phone, in
 * person): each is to be told at once, so that advice nobody gave cannot stand unnoticed. Durable.
 */
public record AdviceNamed(long decisionId, long deciderPersonId, List<Long> adviserIds) {

  public AdviceNamed {
    adviserIds = List.copyOf(adviserIds);
  }
}
