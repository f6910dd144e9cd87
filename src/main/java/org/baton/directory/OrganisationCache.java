package org.baton.directory;

import java.util.concurrent.atomic.AtomicLong;
import org.baton.platform.ServerSignals;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The organisation in memory, dropped when a change to people or teams commits, on this server at
 * once and on the others through {@link ServerSignals}.
 */
@Component
class OrganisationCache {

  private final PersonRepository people;
  private final TeamRepository teams;
  private final AtomicLong changes = new AtomicLong();
  private volatile Organisation organisation;

  private final ServerSignals signals;

  OrganisationCache(PersonRepository people, TeamRepository teams, ServerSignals signals) {
    this.people = people;
    this.teams = teams;
    this.signals = signals;
    signals.onAnnounced(DirectoryChanged.SIGNAL, message -> drop());
  }

  Organisation get() {
    Organisation current = organisation;
    if (current == null) {
      long version = changes.get();
      current = new Organisation(people.allMembers(), teams.all());
      if (changes.get() == version) { // else a change committed while loading: don't keep it
        organisation = current;
      }
    }
    return current;
  }

  // First among the listeners, so that those rebuilding from the organisation see the change.
  @Order(Ordered.HIGHEST_PRECEDENCE)
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(DirectoryChanged event) {
    drop();
  }

  /** In the changing transaction: the other servers hear of it only if it commits. */
  @EventListener
  void tellTheOtherServers(DirectoryChanged event) {
    signals.announce(DirectoryChanged.SIGNAL, "");
  }

  private void drop() {
    changes.incrementAndGet();
    organisation = null;
  }
}
