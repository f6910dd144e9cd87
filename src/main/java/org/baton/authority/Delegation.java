package org.baton.authority;

import java.time.Instant;
import org.baton.platform.Money;

/**
 * A holder lends part of their authority (a type and a limit, for a period) to another person, for
 * example while away. It never grants more than the delegator holds at the time of a check.
 */
public record Delegation(
    long id,
    long fromPersonId,
    long toPersonId,
    DecisionTypeCode type,
    Money limit,
    Instant validFrom,
    Instant validUntil,
    boolean revoked) {

  public Delegation {
    if (fromPersonId == toPersonId) {
      throw new IllegalArgumentException("One cannot delegate to oneself.");
    }
    if (!validUntil.isAfter(validFrom)) {
      throw new IllegalArgumentException("A delegation must end after it starts.");
    }
  }

  boolean isValidAt(Instant at) {
    return !revoked && !at.isBefore(validFrom) && at.isBefore(validUntil);
  }
}
