package org.baton.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The digests' SQL: who is due one, what waits for it, and that it was written. */
@Repository
class DigestStore {

  /** A person due a digest, and where it goes. */
  record Due(long personId, String email) {}

  /** A notification waiting for its person's digest. */
  record Pending(long id, long personId, String text, String link) {}

  private final JdbcClient jdbc;

  DigestStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Up to {@code limit} active people after {@code after} (by id) of this frequency whose last
   * digest is older than {@code since}.
   */
  List<Due> due(NotificationPreferences.Digest frequency, Instant since, long after, int limit) {
    return jdbc.sql(
            """
            select p.id, p.email from person p
            left join notification_digest d on d.person_id = p.id
            where p.active and p.id > ?
              and coalesce(d.frequency, 'DAILY') = ?
              and (d.last_digest_at is null or d.last_digest_at < ?)
            order by p.id limit ?
            """)
        .params(after, frequency.name(), Timestamp.from(since), limit)
        .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2)))
        .list();
  }

  List<Pending> pending(List<Long> people) {
    return jdbc.sql(
            """
            select id, person_id, text, link from notification
            where digest_pending and person_id = any(cast(:people as bigint[]))
            order by person_id, id
            """)
        .param("people", people.toArray(Long[]::new))
        .query(
            (rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /**
   * These people's digests are written: nothing waits for them now, and they are due again later.
   */
  void written(List<Long> people, Instant now) {
    jdbc.sql(
            "update notification set digest_pending = false"
                + " where digest_pending and person_id = any(cast(:people as bigint[]))")
        .param("people", people.toArray(Long[]::new))
        .update();
    jdbc.sql(
            """
            insert into notification_digest (person_id, frequency, last_digest_at)
            select p, coalesce((select frequency from notification_digest where person_id = p),
                               'DAILY'), :now
            from unnest(cast(:people as bigint[])) as p
            on conflict (person_id) do update set last_digest_at = excluded.last_digest_at
            """)
        .param("people", people.toArray(Long[]::new))
        .param("now", Timestamp.from(now))
        .update();
  }
}
