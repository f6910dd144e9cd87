package org.baton.advice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DeadlineReminders(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.events = events;
  }

  @Scheduled(
      fixedDelayString = "${baton.advice.reminder-interval:PT5M}",
      initialDelayString = "${baton.advice.reminder-initial-delay:PT1M}")
  @Transactional
  public int remind() {
    Instant now = clock.instant();
    List<Long> due =
        jdbc.sql(
                "select id from advice_request where status = 'OPEN' and reminded_at is null"
                    + " and deadline > ? and deadline <= ? for update skip locked")
            .params(Timestamp.from(now), Timestamp.from(now.plus(BEFORE)))
            .query(Long.class)
            .list();
    for (Long id : due) {
      List<Long> waiting =
          jdbc.sql(
                  """
                  select m.person_id from advice_panel_member m
                   where m.request_id = ?
                     and not exists (select 1 from advice a
                                      where a.request_id = m.request_id
                                        and a.adviser_person_id = m.person_id)
                  """)
              .param(id)
              .query(Long.class)
              .list();
      jdbc.sql("update advice_request set reminded_at = now() where id = ?").param(id).update();
      if (!waiting.isEmpty()) {
        events.publishEvent(
            new AdviceChanged(id, AdviceChanged.Kind.REMINDER, null, null, waiting, List.of()));
      }
    }
    return due.size();
  }
}
