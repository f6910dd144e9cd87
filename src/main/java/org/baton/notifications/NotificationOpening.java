package org.baton.notifications;

import java.time.Clock;
import java.util.List;
import org.baton.identity.BatonUser;
import org.baton.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening a notification: what it was about is read, so its thread stops counting as new and the
 * bell's count goes down at once (on every open page); the person goes on to what it names.
 */
@Service
class NotificationOpening {

  private final NotificationStore store;
  private final NotificationCentre centre;
  private final Clock clock;

  NotificationOpening(NotificationStore store, NotificationCentre centre, Clock clock) {
    this.store = store;
    this.centre = centre;
    this.clock = clock;
  }

  /** Marks the thread read and answers where it leads: one of Baton's own pages. */
  @Transactional
  String open(BatonUser actor, long id) {
    long person = actor.requirePerson("person", "notifications are a person's.");
    String link =
        store
            .linkOf(person, id)
            .orElseThrow(() -> new NotFoundException("No notification " + id + "."));
    store.markThreadRead(person, link, clock.instant());
    centre.pushUnread(List.of(person));
    // links are Baton's own paths; anything else leads back to the list
    return link.startsWith("/") && !link.startsWith("//") ? link : "/notifications";
  }
}
