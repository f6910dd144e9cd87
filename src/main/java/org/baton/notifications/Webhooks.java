package org.baton.notifications;

import java.net.InetAddress;
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

  private final WebhookStore store;
  private final Clock clock;
  private final JsonMapper json;
  private final BatonProperties properties;
  private final WebhookAddressPolicy addresses;

  Webhooks(WebhookStore store, Clock clock, JsonMapper json, BatonProperties properties) {
    this.store = store;
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
        store.insertEndpoint(
            url.strip(),
            text,
            events.stream().distinct().toArray(String[]::new),
            confidential,
            secret,
            clock.instant(),
            actor.accountId());
    return new WithSecret(find(actor, id), secret);
  }

  List<Endpoint> list(BatonUser actor) {
    NotificationPermissions.requireManageWebhooks(actor);
    return store.endpoints();
  }

  Endpoint find(BatonUser actor, long id) {
    NotificationPermissions.requireManageWebhooks(actor);
    return store.endpoint(id).orElseThrow(() -> new NotFoundException("No webhook " + id + "."));
  }

  /** A new secret; the old one keeps signing beside it for a day. */
  @Transactional
  WithSecret rotate(BatonUser actor, long id) {
    find(actor, id);
    String secret = WebhookSignature.newSecret();
    store.rotate(id, secret, clock.instant().plus(OLD_SECRET_SIGNS_FOR));
    return new WithSecret(find(actor, id), secret);
  }

  /** Enabled again, what was waiting when it was disabled is sent at once. */
  @Transactional
  Endpoint enable(BatonUser actor, long id) {
    find(actor, id);
    store.enable(id, clock.instant());
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
    store.delete(id);
  }

  PageOf<Delivery> deliveries(BatonUser actor, long endpointId, int page, int size) {
    find(actor, endpointId);
    int safeSize = PageOf.clampSize(size);
    int safePage = PageOf.clampPage(page);
    List<Delivery> items = store.deliveries(endpointId, safeSize, (long) safePage * safeSize);
    long total = store.deliveryCount(endpointId);
    return new PageOf<>(items, safePage, safeSize, total);
  }

  /** The attempts of these deliveries, newest first. */
  Map<Long, List<Attempt>> attempts(List<Long> deliveryIds) {
    Map<Long, List<Attempt>> attempts = new LinkedHashMap<>();
    if (deliveryIds.isEmpty()) {
      return attempts;
    }
    store
        .attempts(deliveryIds)
        .forEach(a -> attempts.computeIfAbsent(a.deliveryId(), k -> new ArrayList<>()).add(a));
    return attempts;
  }

  /** Sends a delivery again, with the same webhook-id and body, retried for another three days. */
  @Transactional
  Delivery redeliver(BatonUser actor, long endpointId, long deliveryId) {
    find(actor, endpointId);
    Instant now = clock.instant();
    if (!store.sendAgain(endpointId, deliveryId, now, now.plus(properties.webhooks().retryFor()))) {
      throw new NotFoundException("No delivery " + deliveryId + " of webhook " + endpointId + ".");
    }
    return store.delivery(deliveryId);
  }

  /** Whether any endpoint is enabled: if none, following the record writes nothing. */
  boolean anyEndpointEnabled() {
    return store.anyEnabled();
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
    store.enqueue(
        type.code(),
        confidential,
        json.writeValueAsString(body),
        now,
        now.plus(properties.webhooks().retryFor()));
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
    store.disable(id, reason, clock.instant());
  }
}
