package org.baton.learning;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final LearningSettings settings;
  private final TransactionTemplate transactions;

  ActionReminders(
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      Clock clock,
      LearningSettings settings,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
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

  private record Due(long reviewId, long actionId, long ownerId, LocalDate dueOn) {}

  /** Marks the actions it reminds of and publishes one event each, in one transaction. */
  public int remind() {
    return transactions.execute(status -> remindDue());
  }

  private int remindDue() {
    LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
    List<Due> due =
        jdbc.sql(
                """
                update learning_action a set reminded_at = ?
                where a.id in (
                    select a2.id from learning_action a2
                    join learning_review r on r.id = a2.review_id and r.status = 'PUBLISHED'
                    where a2.done_at is null and a2.reminded_at is null and a2.due_on <= ?
                    order by a2.due_on, a2.id
                    limit 1000
                    for update of a2 skip locked)
                returning a.review_id, a.id, a.owner_person_id, a.due_on
                """)
            .params(java.sql.Timestamp.from(clock.instant()), Date.valueOf(tomorrow))
            .query(
                (rs, n) ->
                    new Due(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate()))
            .list();
    due.forEach(
        d ->
            events.publishEvent(
                new LearningActionDue(d.reviewId(), d.actionId(), d.ownerId(), d.dueOn())));
    return due.size();
  }
}
