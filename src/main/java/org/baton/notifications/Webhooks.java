package org.baton.notifications;

import java.net.InetAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.identity.BatonUser;
import org.baton.platform.BatonProperties;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.baton.platform.PageOf;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook endpoints and their deliveries. Admins only, every one of them: register (the secret is
 * shown once), list, rotate the secret (the old one keeps signing for a day, so receivers can
 * switch without missing a delivery), disable and enable, delete, read the delivery log, redeliver.
 * A disabled endpoint (by an admin, or by its receiver answering 410 Gone) gets no new deliveries;
 * what was waiting for it when it was disabled is kept and sent once it is enabled again.
 * Confidential decisions and restricted requests go only to endpoints an admin marked for them.
 */
@Service
class Webhooks {

  static final Duration OLD_SECRET_SIGNS_FOR = Duration.ofDays(1);

  record Endpoint(
      long id,
      String url,
      String description,
      List<String> events,
      boolean confidential,
      Instant createdAt,
      Instant disabledAt,
      String disabledReason,
      Instant previousSecretUntil) {

    public boolean enabled() {
      return disabledAt == null;
    }
  }

  /** A new endpoint or a rotated secret: the one time the secret is shown. */
  record WithSecret(Endpoint endpoint, String secret) {}

  record Delivery(
      long id,
      long endpointId,
      String messageId,
      String eventType,
      String payload,
      Instant createdAt,
      int attempts,
      Instant nextAttemptAt,
      Instant deliveredAt,
      Instant failedAt,
      Integer lastStatus,
      String lastError) {

    public String state() {
      if (deliveredAt != null) {
        return "delivered";
      }
      return failedAt != null ? "failed" : attempts == 0 ? "waiting" : "retrying";
    }
  }

  record Attempt(long deliveryId, Instant at, Integer status, String error, int millis) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final JsonMapper json;
  private final BatonProperties properties;
  private final WebhookAddressPolicy addresses;

  Webhooks(JdbcClient jdbc, Clock clock, JsonMapper json, BatonProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.json = json;
    this.properties = properties;
    this.addresses =
        new WebhookAddressPolicy(
            properties.webhooks().allowPrivateAddresses(),
            properties.baseUrl().startsWith("https:"),
            InetAddress::getAllByName);
  }

  WebhookAddressPolicy addresses() {
    return addresses;
  }

  @Transactional
  WithSecret register(
      BatonUser actor, String url, List<String> events, String description, boolean confidential) {
    NotificationPermissions.requireManageWebhooks(actor);
    List<FieldProblem> problems = new ArrayList<>();
    addresses.refusal(url).ifPresent(why -> problems.add(new FieldProblem("url", why)));
    if (url != null && url.length() > 2000) {
      problems.add(new FieldProblem("url", TextRules.tooLong(TextLimits.REASON)));
    }
    List<String> unknown =
        (events == null ? List.<String>of() : events)
            .stream().filter(e -> WebhookEventType.of(e).isEmpty()).toList();
    if (events == null || events.isEmpty()) {
      problems.add(new FieldProblem("events", "Choose at least one event type."));
    } else if (!unknown.isEmpty()) {
      problems.add(
          new FieldProblem(
              "events",
              "Unknown event type "
                  + String.join(", ", unknown)
                  + "; known: "
                  + String.join(
                      ", ",
                      Arrays.stream(WebhookEventType.values()).map(WebhookEventType::code).toList())
                  + "."));
    }
    String text = description == null ? "" : description.strip();
    if (text.length() > 500) {
      problems.add(new FieldProblem("description", TextRules.tooLong(500)));
    }
    InvalidInputException.throwIfAny(problems);
    String secret = WebhookSignature.newSecret();
    long id =
        jdbc.sql(
                """
                insert into webhook_endpoint (url, description, events, confidential, secret,
                    created_at, created_by)
                values (?, ?, cast(? as text[]), ?, ?, ?, ?) returning id
                """)
            .params(
                url.strip(),
                text,
                events.stream().distinct().toArray(String[]::new),
                confidential,
                secret,
                Timestamp.from(clock.instant()),
                actor.accountId())
            .query(Long.class)
            .single();
    return new WithSecret(find(actor, id), secret);
  }

  List<Endpoint> list(BatonUser actor) {
    NotificationPermissions.requireManageWebhooks(actor);
    return jdbc.sql("select * from webhook_endpoint order by id").query(this::endpoint).list();
  }

  Endpoint find(BatonUser actor, long id) {
    NotificationPermissions.requireManageWebhooks(actor);
    return jdbc.sql("select * from webhook_endpoint where id = ?")
        .param(id)
        .query(this::endpoint)
        .optional()
        .orElseThrow(() -> new NotFoundException("No webhook " + id + "."));
  }

  /** A new secret; the old one keeps signing beside it for a day. */
  @Transactional
  WithSecret rotate(BatonUser actor, long id) {
    find(actor, id);
    String secret = WebhookSignature.newSecret();
    jdbc.sql(
            """
            update webhook_endpoint set previous_secret = secret, previous_secret_until = ?,
                secret = ? where id = ?
            """)
        .params(Timestamp.from(clock.instant().plus(OLD_SECRET_SIGNS_FOR)), secret, id)
        .update();
    return new WithSecret(find(actor, id), secret);
  }

  /** Enabled again, what was waiting when it was disabled is sent at once. */
  @Transactional
  Endpoint enable(BatonUser actor, long id) {
    find(actor, id);
    jdbc.sql("update webhook_endpoint set disabled_at = null, disabled_reason = null where id = ?")
        .param(id)
        .update();
    jdbc.sql(
            "update webhook_delivery set next_attempt_at = ? where endpoint_id = ?"
                + " and delivered_at is null and failed_at is null")
        .params(Timestamp.from(clock.instant()), id)
        .update();
    return find(actor, id);
  }

  @Transactional
  Endpoint disable(BatonUser actor, long id) {
    find(actor, id);
    disable(id, "Disabled by an admin.");
    return find(actor, id);
  }

  /** Deletes the endpoint with its delivery log; what waited for it is not sent. */
  @Transactional
  void delete(BatonUser actor, long id) {
    find(actor, id);
    jdbc.sql("delete from webhook_endpoint where id = ?").param(id).update();
  }

  PageOf<Delivery> deliveries(BatonUser actor, long endpointId, int page, int size) {
    find(actor, endpointId);
    int safeSize = PageOf.clampSize(size);
    int safePage = PageOf.clampPage(page);
    List<Delivery> items =
        jdbc.sql(
                "select * from webhook_delivery where endpoint_id = ?"
                    + " order by id desc limit ? offset ?")
            .params(endpointId, safeSize, (long) safePage * safeSize)
            .query(this::delivery)
            .list();
    long total =
        jdbc.sql("select count(*) from webhook_delivery where endpoint_id = ?")
            .param(endpointId)
            .query(Long.class)
            .single();
    return new PageOf<>(items, safePage, safeSize, total);
  }

  /** The attempts of these deliveries, newest first. */
  Map<Long, List<Attempt>> attempts(List<Long> deliveryIds) {
    Map<Long, List<Attempt>> attempts = new LinkedHashMap<>();
    if (deliveryIds.isEmpty()) {
      return attempts;
    }
    jdbc.sql(
            "select delivery_id, at, status, error, millis from webhook_attempt"
                + " where delivery_id = any(cast(:ids as bigint[])) order by id desc")
        .param("ids", deliveryIds.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new Attempt(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getObject(3, Integer.class),
                    rs.getString(4),
                    rs.getInt(5)))
        .list()
        .forEach(a -> attempts.computeIfAbsent(a.deliveryId(), k -> new ArrayList<>()).add(a));
    return attempts;
  }

  /** Sends a delivery again, with the same webhook-id and body, retried for another three days. */
  @Transactional
  Delivery redeliver(BatonUser actor, long endpointId, long deliveryId) {
    find(actor, endpointId);
    Instant now = clock.instant();
    int changed =
        jdbc.sql(
                """
                update webhook_delivery set delivered_at = null, failed_at = null,
                    next_attempt_at = ?, retry_until = ?
                where id = ? and endpoint_id = ?
                """)
            .params(
                Timestamp.from(now),
                Timestamp.from(now.plus(properties.webhooks().retryFor())),
                deliveryId,
                endpointId)
            .update();
    if (changed == 0) {
      throw new NotFoundException("No delivery " + deliveryId + " of webhook " + endpointId + ".");
    }
    return jdbc.sql("select * from webhook_delivery where id = ?")
        .param(deliveryId)
        .query(this::delivery)
        .single();
  }

  /** Whether any endpoint is enabled: if none, following the record writes nothing. */
  boolean anyEndpointEnabled() {
    return jdbc.sql("select exists (select 1 from webhook_endpoint where disabled_at is null)")
        .query(Boolean.class)
        .single();
  }

  /**
   * Writes one delivery of this event for every enabled endpoint that asked for its type (and, for
   * a confidential one, is marked for confidential data), in the caller's transaction. The body is
   * {@code {type, timestamp, data}}; data carries ids and links, never content.
   */
  @Transactional
  void enqueue(WebhookEventType type, boolean confidential, Map<String, Object> data) {
    Instant now = clock.instant();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.code());
    body.put("timestamp", now.toString());
    body.put("data", data);
    jdbc.sql(
            """
            insert into webhook_delivery (endpoint_id, message_id, event_type, payload, created_at,
                next_attempt_at, retry_until)
            select e.id, 'msg_' || replace(cast(gen_random_uuid() as text), '-', ''), ?, ?, ?, ?, ?
            from webhook_endpoint e
            where e.disabled_at is null and ? = any(e.events) and (e.confidential or not ?)
            """)
        .params(
            type.code(),
            json.writeValueAsString(body),
            Timestamp.from(now),
            Timestamp.from(now),
            Timestamp.from(now.plus(properties.webhooks().retryFor())),
            type.code(),
            confidential)
        .update();
  }

  /** Links in payloads: where a person reads it, and where a program fetches it. */
  Map<String, String> links(String page, String api) {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("page", properties.baseUrl() + page);
    if (api != null) {
      links.put("api", properties.baseUrl() + api);
    }
    return links;
  }

  void disable(long id, String reason) {
    jdbc.sql(
            "update webhook_endpoint set disabled_at = ?, disabled_reason = ?"
                + " where id = ? and disabled_at is null")
        .params(Timestamp.from(clock.instant()), reason, id)
        .update();
  }

  private Endpoint endpoint(ResultSet rs, int n) throws SQLException {
    Timestamp disabled = rs.getTimestamp("disabled_at");
    Timestamp previous = rs.getTimestamp("previous_secret_until");
    return new Endpoint(
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

  Delivery delivery(ResultSet rs, int n) throws SQLException {
    Timestamp delivered = rs.getTimestamp("delivered_at");
    Timestamp failed = rs.getTimestamp("failed_at");
    return new Delivery(
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
