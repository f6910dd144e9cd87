package org.baton.notifications;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@link NotificationPreferences}: each person's choices, the defaults, the digest. */
@Repository
class PreferenceStore {

  /** A kind's delivery as stored (its name), or null where nothing was chosen. */
  record Choice(String kind, String delivery) {}

  /** For one person: their own choice for a kind (or the default's, or null), and their digest. */
  record Effective(long personId, String delivery, String digest) {}

  private final JdbcClient jdbc;

  PreferenceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** For each of these people, in one query: their delivery of this kind and their digest. */
  List<Effective> effective(Collection<Long> people, NotificationKind kind) {
    return jdbc.sql(
            """
            select p.id,
                   coalesce(np.delivery,
                            (select delivery from notification_default where kind = :kind)),
                   coalesce(d.frequency, 'DAILY')
            from unnest(cast(:people as bigint[])) as p (id)
            left join notification_preference np on np.person_id = p.id and np.kind = :kind
            left join notification_digest d on d.person_id = p.id
            """)
        .param("people", people.toArray(Long[]::new))
        .param("kind", kind.name())
        .query((rs, n) -> new Effective(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  List<Choice> defaults() {
    return jdbc.sql("select kind, delivery from notification_default")
        .query((rs, n) -> new Choice(rs.getString(1), rs.getString(2)))
        .list();
  }

  List<Choice> choicesOf(long personId) {
    return jdbc.sql("select kind, delivery from notification_preference where person_id = ?")
        .param(personId)
        .query((rs, n) -> new Choice(rs.getString(1), rs.getString(2)))
        .list();
  }

  Optional<String> digestOf(long personId) {
    return jdbc.sql("select frequency from notification_digest where person_id = ?")
        .param(personId)
        .query(String.class)
        .optional();
  }

  void choose(long personId, NotificationKind kind, NotificationKind.Delivery delivery) {
    jdbc.sql(
            """
            insert into notification_preference (person_id, kind, delivery) values (?, ?, ?)
            on conflict (person_id, kind) do update set delivery = excluded.delivery
            """)
        .params(personId, kind.name(), delivery.name())
        .update();
  }

  void setDefault(NotificationKind kind, NotificationKind.Delivery delivery) {
    jdbc.sql(
            """
            insert into notification_default (kind, delivery) values (?, ?)
            on conflict (kind) do update set delivery = excluded.delivery
            """)
        .params(kind.name(), delivery.name())
        .update();
  }

  void setDigest(long personId, NotificationPreferences.Digest frequency) {
    jdbc.sql(
            """
            insert into notification_digest (person_id, frequency) values (?, ?)
            on conflict (person_id) do update set frequency = excluded.frequency
            """)
        .params(personId, frequency.name())
        .update();
  }
}
