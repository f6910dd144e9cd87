package org.baton.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook outbox's SQL as {@link WebhookSender} works it: which endpoints have something due,
 * taking deliveries with a lease, and writing each attempt's outcome.
 */
@Repository
class WebhookOutboxStore {

  /** An enabled endpoint with something due, and the secrets that sign for it. */
  record Target(long id, String url, String secret, String previousSecret, Instant previousUntil) {}

  /** A delivery taken for sending, with how often it has been tried and until when it may be. */
  record Claimed(long id, String messageId, String payload, int attempts, Instant retryUntil) {}

  private final JdbcClient jdbc;

  WebhookOutboxStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Target> due(Instant now) {
    return jdbc.sql(
            """
            select e.id, e.url, e.secret, e.previous_secret, e.previous_secret_until
            from webhook_endpoint e
            where e.disabled_at is null and exists (
                select 1 from webhook_delivery d
                where d.endpoint_id = e.id and d.delivered_at is null and d.failed_at is null
                  and d.next_attempt_at <= ?)
            """)
        .param(Timestamp.from(now))
        .query(
            (rs, n) ->
                new Target(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()))
        .list();
  }

  /**
   * Takes up to {@code max} due deliveries of the endpoint until {@code lease} (another server, or
   * this one after a crash, takes them again once it is over), skipping those another has taken.
   */
  List<Claimed> claim(long endpointId, int max, Instant now, Instant lease) {
    return jdbc.sql(
            """
            update webhook_delivery set attempts = attempts + 1, next_attempt_at = ?
            where id in (
                select id from webhook_delivery
                where endpoint_id = ? and delivered_at is null and failed_at is null
                  and next_attempt_at <= ?
                order by next_attempt_at, id limit ?
                for update skip locked)
            returning id, message_id, payload, attempts, retry_until
            """)
        .params(Timestamp.from(lease), endpointId, Timestamp.from(now), max)
        .query(
            (rs, n) ->
                new Claimed(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  void attempted(long deliveryId, Instant at, Integer status, String error, int millis) {
    jdbc.sql(
            "insert into webhook_attempt (delivery_id, at, status, error, millis)"
                + " values (?, ?, ?, ?, ?)")
        .params(deliveryId, Timestamp.from(at), status, error, millis)
        .update();
  }

  void delivered(long deliveryId, Instant at, int status) {
    jdbc.sql(
            "update webhook_delivery set delivered_at = ?, last_status = ?, last_error = null"
                + " where id = ?")
        .params(Timestamp.from(at), status, deliveryId)
        .update();
  }

  /** Not delivered: tried again at {@code next}, or given up at {@code failedAt} when not null. */
  void notDelivered(long deliveryId, Integer status, String why, Instant next, Instant failedAt) {
    jdbc.sql(
            "update webhook_delivery set last_status = ?, last_error = ?, next_attempt_at = ?,"
                + " failed_at = ? where id = ?")
        .params(
            status,
            why,
            Timestamp.from(next),
            failedAt == null ? null : Timestamp.from(failedAt),
            deliveryId)
        .update();
  }

  /**
   * This transaction commits without waiting for the disk flush: PostgreSQL still writes it, and
   * only a crash of the database server itself could lose it (then it is sent again, same id).
   */
  void relaxedCommit() {
    jdbc.sql("set local synchronous_commit = off").update();
  }
}
