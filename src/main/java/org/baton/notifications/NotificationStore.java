package org.baton.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the bell: notifications kept, read, counted and marked for the digest. */
@Component
class NotificationStore {

  private final JdbcClient jdbc;

  NotificationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The same notification for each of these people, in one statement; {@code digest} says, person
   * by person, whether it waits for their digest.
   */
  void add(
      List<Long> people,
      List<Boolean> digest,
      NotificationKind kind,
      String text,
      String link,
      Instant at) {
    jdbc.sql(
            """
            insert into notification (person_id, kind, text, link, digest_pending, created_at)
            select p, :kind, :text, :link, d, :at
            from unnest(cast(:people as bigint[]), cast(:digest as boolean[])) as t (p, d)
            """)
        .param("people", people.toArray(Long[]::new))
        .param("digest", digest.toArray(Boolean[]::new))
        .param("kind", kind.name())
        .param("text", text)
        .param("link", link)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** A person's newest notifications, at most 50. */
  List<NotificationCentre.Notification> recent(long personId) {
    return jdbc.sql(
            "select id, text, link, created_at, read_at is not null from notification"
                + " where person_id = ? order by id desc limit 50")
        .param(personId)
        .query(
            (rs, n) ->
                new NotificationCentre.Notification(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getBoolean(5)))
        .list();
  }

  int unread(long personId) {
    return jdbc.sql("select count(*) from notification where person_id = ? and read_at is null")
        .param(personId)
        .query(Integer.class)
        .single();
  }

  /** The unread counts of these people; those with none are left out. */
  Map<Long, Integer> unread(List<Long> people) {
    Map<Long, Integer> unread = new HashMap<>();
    jdbc.sql(
            "select person_id, count(*) from notification where read_at is null"
                + " and person_id = any (cast(? as bigint[])) group by person_id")
        .param(people.toArray(Long[]::new))
        .query((RowCallbackHandler) rs -> unread.put(rs.getLong(1), rs.getInt(2)));
    return unread;
  }

  void markAllRead(long personId, Instant at) {
    jdbc.sql("update notification set read_at = ? where person_id = ? and read_at is null")
        .params(Timestamp.from(at), personId)
        .update();
  }

  /** Where the person's own notification leads; empty for one that is not theirs. */
  Optional<String> linkOf(long personId, long id) {
    return jdbc.sql("select link from notification where id = ? and person_id = ?")
        .params(id, personId)
        .query(String.class)
        .optional();
  }

  /** Marks read what the person was told about one thing (a thread: one link). */
  void markThreadRead(long personId, String link, Instant at) {
    jdbc.sql(
            "update notification set read_at = ? where person_id = ? and link = ?"
                + " and read_at is null")
        .params(Timestamp.from(at), personId, link)
        .update();
  }
}
