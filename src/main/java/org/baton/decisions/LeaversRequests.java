package org.baton.decisions;

import org.baton.directory.PersonDeactivated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** When someone leaves, the requests waiting for their answer go on to the next holder. */
@Component
class LeaversRequests {

  private final HolderRequests requests;

  LeaversRequests(HolderRequests requests) {
    this.requests = requests;
  }

  @ApplicationModuleListener
  void on(PersonDeactivated event) {
    requests.rerouteFrom(event.personId());
  }
}
