package org.baton.initiatives;

import org.baton.directory.PersonDeactivated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** When someone leaves, the initiatives they led are offered to those who can carry them on. */
@Component
class LeaversInitiatives {

  private final Initiatives initiatives;

  LeaversInitiatives(Initiatives initiatives) {
    this.initiatives = initiatives;
  }

  @ApplicationModuleListener
  void on(PersonDeactivated event) {
    initiatives.offerLeadOf(event.personId());
  }
}
