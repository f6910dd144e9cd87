package org.baton.authority;

import java.time.Clock;
import org.baton.directory.PersonDeactivated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When someone leaves, every delegation they gave or received that is still running ends: authority
 * lent by someone who has gone is not theirs to lend, and authority lent to them has no holder.
 */
@Component
class LeaversDelegations {

  private final AuthorityRepository repository;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  LeaversDelegations(
      AuthorityRepository repository, ApplicationEventPublisher events, Clock clock) {
    this.repository = repository;
    this.events = events;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(PersonDeactivated event) {
    long left = event.personId();
    boolean ended = false;
    for (Delegation delegation : repository.delegationsInvolving(left)) {
      if (delegation.revoked() || !delegation.validUntil().isAfter(clock.instant())) {
        continue;
      }
      repository.revokeDelegation(delegation.id(), clock.instant());
      long other =
          delegation.fromPersonId() == left ? delegation.toPersonId() : delegation.fromPersonId();
      events.publishEvent(new DelegationEnded(delegation.id(), left, other));
      ended = true;
    }
    if (ended) {
      events.publishEvent(new AuthorityChanged());
    }
  }
}
