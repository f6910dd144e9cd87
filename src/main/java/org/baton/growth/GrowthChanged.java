package org.baton.growth;

import java.util.List;

/**
 * Something happened to a growth suggestion: facts only, listeners word them. {@code told} are
 * those who should hear of it personally (never the actor).
 */
public record GrowthChanged(
    Kind kind,
    long suggestionId,
    long personId,
    long ownerPersonId,
    Long actorPersonId,
    List<Long> told) {

  public enum Kind {
    /** A record earned a suggestion: its owner, to answer. */
    SUGGESTED,
    /** The owner raised the limit: the person. */
    APPROVED,
    /** The owner declined, with a reason: the person. */
    DECLINED,
    /** The owner deferred it to a date: the person. */
    DEFERRED
  }

  public GrowthChanged {
    told = told.stream().filter(p -> !p.equals(actorPersonId)).distinct().toList();
  }
}
