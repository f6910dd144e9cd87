package org.baton.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhooks' SQL as admins manage them ({@link Webhooks}): endpoints, deliveries, attempts. */
@Repository
class WebhookStore {

  private final JdbcClient jdbc;
  // an old secret shown as still signing only until its end
  private final Clock clock;

  WebhookStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  long insertEndpoint(
      String url,
      String description,
      String[] events,
      boolean confidential,
      String secret,
      Instant at,
      long createdBy) {
    return jdbc.sql(
            """
            insert into webhook_endpoint (url, description, events, confidential, secret,
                created_at, created_by)
            values (?, ?, cast(? as text[]), ?, ?, ?, ?) returning id
            """)
        .params(url, description, events, confidential, secret, Timestamp.from(at), createdBy)
        .query(Long.class)
        .single();
  }

  List<Webhooks.Endpoint> endpoints() {
    return jdbc.sql("select * from webhook_endpoint order by id").query(this::endpointOf).list();
  }

  Optional<Webhooks.Endpoint> endpoint(long id) {
    return jdbc.sql("select * from webhook_endpoint where id = ?")
        .param(id)
        .query(this::endpointOf)
        .optional();
  }

  /** A new secret; the old one keeps signing beside it until {@code oldUntil}. */
  void rotate(long id, String secret, Instant oldUntil) {
    jdbc.sql(
            """
            update webhook_endpoint set previous_secret = secret, previous_secret_until = ?,
                secret = ? where id = ?
            """)
        .params(Timestamp.from(oldUntil), secret, id)
        .update();
  }

  /** Enabled again: what was waiting is due at once. */
  void enable(long id, Instant now) {
    jdbc.sql("update webhook_endpoint set disabled_at = null, disabled_reason = null where id = ?")
        .param(id)
        .update();
    jdbc.sql(
            "update webhook_delivery set next_attempt_at = ? where endpoint_id = ?"
                + " and delivered_at is null and failed_at is null")
        .params(Timestamp.from(now), id)
        .update();
  }

  void disable(long id, String reason, Instant at) {
    jdbc.sql(
            "update webhook_endpoint set disabled_at = ?, disabled_reason = ?"
                + " where id = ? and disabled_at is null")
        .params(Timestamp.from(at), reason, id)
        .update();
  }

  void delete(long id) {
    jdbc.sql("delete from webhook_endpoint where id = ?").param(id).update();
  }

  List<Webhooks.Delivery> deliveries(long endpointId, int size, long offset) {
    return jdbc.sql(
            "select * from webhook_delivery where endpoint_id = ?"
                + " order by id desc limit ? offset ?")
        .params(endpointId, size, offset)
        .query(WebhookStore::delivery)
        .list();
  }

  long deliveryCount(long endpointId) {
    return jdbc.sql("select count(*) from webhook_delivery where endpoint_id = ?")
        .param(endpointId)
        .query(Long.class)
        .single();
  }

  Webhooks.Delivery delivery(long id) {
    return jdbc.sql("select * from webhook_delivery where id = ?")
        .param(id)
        .query(WebhookStore::delivery)
        .single();
  }

  /** The attempts of these deliveries, newest first. */
  List<Webhooks.Attempt> attempts(List<Long> deliveryIds) {
    return jdbc.sql(
            "select delivery_id, at, status, error, millis from webhook_attempt"
                + " where delivery_id = any(cast(:ids as bigint[])) order by id desc")
        .param("ids", deliveryIds.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new Webhooks.Attempt(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getObject(3, Integer.class),
                    rs.getString(4),
                    rs.getInt(5)))
        .list();
  }

  /**
   * The delivery due again at {@code now}, retried until {@code retryUntil}; false if not found.
   */
  boolean sendAgain(long endpointId, long deliveryId, Instant now, Instant retryUntil) {
    return jdbc.sql(
                """
                update webhook_delivery set delivered_at = null, failed_at = null,
                    next_attempt_at = ?, retry_until = ?
                where id = ? and endpoint_id = ?
                """)
            .params(Timestamp.from(now), Timestamp.from(retryUntil), deliveryId, endpointId)
            .update()
        > 0;
  }

  boolean anyEnabled() {
    return jdbc.sql("select exists (select 1 from webhook_endpoint where disabled_at is null)")
        .query(Boolean.class)
        .single();
  }

  /**
   * One delivery of the body for every enabled endpoint that asked for the type (and, for a
   * confidential event, is marked for confidential data), each with its own webhook-id.
   */
  void enqueue(String type, boolean confidential, String body, Instant now, Instant retryUntil) {
    jdbc.sql(
            """
            insert into webhook_delivery (endpoint_id, message_id, event_type, payload, created_at,
                next_attempt_at, retry_until)
            select e.id, 'msg_' || replace(cast(gen_random_uuid() as text), '-', ''), ?, ?, ?, ?, ?
            from webhook_endpoint e
            where e.disabled_at is null and ? = any(e.events) and (e.confidential or not ?)
            """)
        .params(
            type,
            body,
            Timestamp.from(now),
            Timestamp.from(now),
            Timestamp.from(retryUntil),
            type,
            confidential)
        .update();
  }

  private Webhooks.Endpoint endpointOf(ResultSet rs, int n) throws SQLException {
    Timestamp disabled = rs.getTimestamp("disabled_at");
    Timestamp previous = rs.getTimestamp("previous_secret_until");
    return new Webhooks.Endpoint(
        rs.getLong("id"),
        rs.getString("url"),
        rs.getString("description"),
        Arrays.asList((String[]) rs.getArray("events").getArray()),
        rs.getBoolean("confidential"),
        rs.getTimestamp("created_at").toInstant(),
        disabled == null ? null : disabled.toInstant(),
        rs.getString("disabled_reason"),
        previous == null || previous.toInstant().isBefore(clock.instant())
            ? null
            : previous.toInstant());
  }

  private static Webhooks.Delivery delivery(ResultSet rs, int n) throws SQLException {
    Timestamp delivered = rs.getTimestamp("delivered_at");
    Timestamp failed = rs.getTimestamp("failed_at");
    return new Webhooks.Delivery(
        rs.getLong("id"),
        rs.getLong("endpoint_id"),
        rs.getString("message_id"),
        rs.getString("event_type"),
        rs.getString("payload"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getInt("attempts"),
        rs.getTimestamp("next_attempt_at").toInstant(),
        delivered == null ? null : delivered.toInstant(),
        failed == null ? null : failed.toInstant(),
        rs.getObject("last_status", Integer.class),
        rs.getString("last_error"));
  }
}
