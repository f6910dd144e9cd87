package org.baton.learning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the owner of an open action of a published review once, from the day before it is due
 * (days as the review page counts them, in UTC). An action already overdue when its review was
 * published is shown as overdue on the review and to its author; it is reminded of once too.
 */
@Component
class ActionReminders implements SchedulingConfigurer {

  private final ReviewStore store;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final LearningSettings settings;
  private final TransactionTemplate transactions;

  ActionReminders(
      ReviewStore store,
      ApplicationEventPublisher events,
      Clock clock,
      LearningSettings settings,
      PlatformTransactionManager transactionManager) {
    this.store = store;
    this.events = events;
    this.clock = clock;
    this.settings = settings;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        new FixedDelayTask(
            this::remind, settings.reminderInterval(), settings.reminderInitialDelay()));
  }

  /** Marks the actions it reminds of and publishes one event each, in one transaction. */
  public int remind() {
    return transactions.execute(status -> remindDue());
  }

  private int remindDue() {
    Instant now = clock.instant();
    List<ReviewStore.DueAction> due =
        store.markDueActionsReminded(now, LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1));
    due.forEach(
        d ->
            events.publishEvent(
                new LearningActionDue(d.reviewId(), d.actionId(), d.ownerId(), d.dueOn())));
    return due.size();
  }
}
