package org.baton.notifications;

import java.time.Instant;
import java.util.List;
import org.baton.advice.AdviceChanged;
import org.baton.initiatives.InitiativeChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns what happened into notifications for the people concerned, and pushes them live: the unread
 * count to everyone notified, and a refresh signal to pages showing the changed thing.
 */
@Service
public class NotificationCentre {

  public record Notification(long id, String text, String link, Instant createdAt, boolean read) {}

  private final JdbcClient jdbc;
  private final LiveBus streams;

  NotificationCentre(JdbcClient jdbc, LiveBus streams) {
    this.jdbc = jdbc;
    this.streams = streams;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(AdviceChanged event) {
    String link = "/advice/" + event.requestId();
    for (Long asked : event.newlyAsked()) {
      notify(asked, "You are asked for advice: " + event.what(), link);
    }
    List<Long> others =
        event.audience().stream().filter(p -> !event.newlyAsked().contains(p)).toList();
    others.forEach(person -> notify(person, event.what(), link));
    streams.publish(event.audience(), "advice-" + event.requestId(), event.what());
    pushUnread(event.audience());
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void on(InitiativeChanged event) {
    String link = "/initiatives/" + event.initiativeId();
    event.audience().forEach(person -> notify(person, event.title() + ": " + event.what(), link));
    streams.publish(event.audience(), "initiative-" + event.initiativeId(), event.what());
    pushUnread(event.audience());
  }

  public List<Notification> recent(long personId) {
    return jdbc.sql(
            "select id, text, link, created_at, read_at is not null from notification"
                + " where person_id = ? order by id desc limit 50")
        .param(personId)
        .query(
            (rs, n) ->
                new Notification(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getBoolean(5)))
        .list();
  }

  public int unread(long personId) {
    return jdbc.sql("select count(*) from notification where person_id = ? and read_at is null")
        .param(personId)
        .query(Integer.class)
        .single();
  }

  @Transactional
  public void markAllRead(long personId) {
    jdbc.sql("update notification set read_at = now() where person_id = ? and read_at is null")
        .param(personId)
        .update();
    pushUnread(List.of(personId));
  }

  private void notify(long person, String text, String link) {
    jdbc.sql("insert into notification (person_id, text, link) values (?, ?, ?)")
        .params(person, text.length() > 500 ? text.substring(0, 499) + "…" : text, link)
        .update();
  }

  private void pushUnread(List<Long> people) {
    for (Long person : people) {
      streams.publish(List.of(person), "unread", Integer.toString(unread(person)));
    }
  }
}
