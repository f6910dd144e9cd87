package org.baton.advice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the panel members who have not answered, once, when a request's deadline is less than
 * {@link #BEFORE} away. Overdue requests show as such to the asker; nobody is nagged twice.
 */
@Component
class DeadlineReminders {

  static final Duration BEFORE = Duration.ofHours(24);

  private final OpenAsksStore openAsks;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DeadlineReminders(OpenAsksStore openAsks, ApplicationEventPublisher events, Clock clock) {
    this.clock = clock;
    this.openAsks = openAsks;
    this.events = events;
  }

  @Scheduled(
      fixedDelayString = "${baton.advice.reminder-interval:PT5M}",
      initialDelayString = "${baton.advice.reminder-initial-delay:PT1M}")
  @Transactional
  public int remind() {
    Instant now = clock.instant();
    List<Long> due = openAsks.dueForReminder(now, now.plus(BEFORE));
    for (Long id : due) {
      List<Long> waiting = openAsks.notYetAdvised(id);
      openAsks.reminded(id, now);
      if (!waiting.isEmpty()) {
        events.publishEvent(
            new AdviceChanged(id, AdviceChanged.Kind.REMINDER, null, null, waiting, List.of()));
      }
    }
    return due.size();
  }
}
