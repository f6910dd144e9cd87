package org.baton.strategy;

import java.util.List;

/**
 * Something happened in a dialogue round: facts only, listeners word them. Everyone may read a
 * round, so its open pages are told of every change; {@code told} are those who should hear of it
 * personally, or every active person when {@code toEveryone}.
 *
 * @param contributionId the contribution concerned, or null for the round as a whole
 */
public record StrategyChanged(
    Kind kind,
    long roundId,
    Long contributionId,
    Long actorPersonId,
    List<Long> told,
    boolean toEveryone) {

  public enum Kind {
    /** A round opened for contributions: everyone is told. */
    ROUND_OPENED,
    /** A contribution, a support, a comment or a theme: the round's readers see it live. */
    CONTRIBUTED,
    SUPPORTED,
    THEMED,
    /** Its author is told. */
    COMMENTED,
    /** An answer given or changed: the contribution's author is told. */
    ANSWERED,
    /** Published with its summary: everyone is told. */
    ROUND_PUBLISHED
  }

  public StrategyChanged {
    told = told.stream().filter(p -> !p.equals(actorPersonId)).distinct().toList();
  }
}
