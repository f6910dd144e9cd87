package org.baton.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The notifications' secrets: each person's calendar address (only its hash kept, one per person)
 * and the key unsubscribe links are signed with.
 */
@Repository
class SecretsStore {

  private final JdbcClient jdbc;

  SecretsStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Long> personWithSecret(String hash) {
    return jdbc.sql("select person_id from calendar_feed where secret_hash = ?")
        .param(hash)
        .query(Long.class)
        .optional();
  }

  /** The person's address: a new secret replaces the old. */
  void keep(long personId, String hash, Instant at) {
    jdbc.sql(
            "insert into calendar_feed (person_id, secret_hash, created_at) values (?, ?, ?)"
                + " on conflict (person_id) do update set secret_hash = excluded.secret_hash,"
                + " created_at = excluded.created_at")
        .params(personId, hash, Timestamp.from(at))
        .update();
  }

  void forget(long personId) {
    jdbc.sql("delete from calendar_feed where person_id = ?").param(personId).update();
  }

  boolean has(long personId) {
    return jdbc.sql("select exists (select 1 from calendar_feed where person_id = ?)")
        .param(personId)
        .query(Boolean.class)
        .single();
  }

  /** The key unsubscribe links are signed with, made by whichever server needs it first. */
  byte[] signingKey(byte[] fresh) {
    jdbc.sql(
            "insert into notification_signing_key (id, key) values (1, ?) on conflict (id) do nothing")
        .param(fresh)
        .update();
    return jdbc.sql("select key from notification_signing_key where id = 1")
        .query(byte[].class)
        .single();
  }
}
