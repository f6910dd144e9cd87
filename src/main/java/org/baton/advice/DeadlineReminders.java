package org.baton.advice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the panel members who have not answered, once, when a request's deadline is less than
 * {@link #BEFORE} away. Overdue requests show as such to the asker; nobody is nagged twice.
 */
@Component
class DeadlineReminders implements SchedulingConfigurer {

  static final Duration BEFORE = Duration.ofHours(24);

  private final OpenAsksStore openAsks;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final AdviceSettings settings;
  private final TransactionTemplate transactions;

  DeadlineReminders(
      OpenAsksStore openAsks,
      ApplicationEventPublisher events,
      Clock clock,
      AdviceSettings settings,
      PlatformTransactionManager transactionManager) {
    this.clock = clock;
    this.openAsks = openAsks;
    this.events = events;
    this.settings = settings;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        new FixedDelayTask(
            this::remind, settings.reminderInterval(), settings.reminderInitialDelay()));
  }

  /** Marks the requests it reminds of and publishes one event each, in one transaction. */
  public int remind() {
    return transactions.execute(status -> remindDue());
  }

  private int remindDue() {
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
