package org.baton.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.baton.identity.BatonUser;
import org.baton.platform.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook endpoints for admins: deliveries are signed per the Standard Webhooks specification. */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Notifications", description = "How notifications reach you, and webhooks")
class WebhooksApi {

  /**
   * @param confidential whether deliveries about confidential decisions and restricted requests may
   *     go to this endpoint
   */
  record NewWebhook(
      String url,
      List<String> events,
      @Schema(nullable = true) String description,
      boolean confidential) {}

  record Endpoint(
      long id,
      String url,
      String description,
      List<String> events,
      boolean confidential,
      boolean enabled,
      Instant createdAt,
      @Schema(nullable = true) Instant disabledAt,
      @Schema(nullable = true) String disabledReason,
      @Schema(
              nullable = true,
              description = "Until when the secret before the last rotation also signs")
          Instant previousSecretValidUntil) {}

  /** The answer that holds the secret: shown this once, never again. */
  record EndpointWithSecret(Endpoint endpoint, String secret) {}

  record Delivery(
      long id,
      String webhookId,
      String type,
      String state,
      int attempts,
      Instant createdAt,
      @Schema(nullable = true) Instant deliveredAt,
      @Schema(nullable = true) Instant nextAttemptAt,
      @Schema(nullable = true) Integer lastStatus,
      @Schema(nullable = true) String lastError) {}

  private final Webhooks webhooks;

  WebhooksApi(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  @GetMapping
  @Operation(summary = "The webhook endpoints (admins)")
  List<Endpoint> list(@AuthenticationPrincipal BatonUser actor) {
    return webhooks.list(actor).stream().map(WebhooksApi::view).toList();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Register a webhook endpoint (admins); the answer holds its secret, shown once",
      description =
          "Event types: decision.recorded, decision.reversed, holder-request.asked,"
              + " holder-request.answered, initiative.spotted, initiative.handed-over,"
              + " initiative.status-changed, advice-request.opened, advice.given,"
              + " advice-request.closed, learning-review.published, report-out.posted.")
  EndpointWithSecret register(
      @AuthenticationPrincipal BatonUser actor, @RequestBody NewWebhook request) {
    Webhooks.WithSecret created =
        webhooks.register(
            actor, request.url(), request.events(), request.description(), request.confidential());
    return new EndpointWithSecret(view(created.endpoint()), created.secret());
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a webhook endpoint with its delivery log (admins)")
  void delete(@AuthenticationPrincipal BatonUser actor, @PathVariable long id) {
    webhooks.delete(actor, id);
  }

  @PostMapping("/{id}/secret")
  @Operation(
      summary =
          "Rotate the secret (admins): the answer holds the new one; the old one also signs for a day")
  EndpointWithSecret rotate(@AuthenticationPrincipal BatonUser actor, @PathVariable long id) {
    Webhooks.WithSecret rotated = webhooks.rotate(actor, id);
    return new EndpointWithSecret(view(rotated.endpoint()), rotated.secret());
  }

  @GetMapping("/{id}/deliveries")
  @Operation(summary = "The delivery log of an endpoint, newest first (admins)")
  PageOf<Delivery> deliveries(
      @AuthenticationPrincipal BatonUser actor,
      @PathVariable long id,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    PageOf<Webhooks.Delivery> deliveries = webhooks.deliveries(actor, id, page, size);
    return new PageOf<>(
        deliveries.items().stream().map(WebhooksApi::view).toList(),
        deliveries.page(),
        deliveries.size(),
        deliveries.total());
  }

  @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Send a delivery again, with the same webhook-id and body (admins)")
  Delivery redeliver(
      @AuthenticationPrincipal BatonUser actor,
      @PathVariable long id,
      @PathVariable long deliveryId) {
    return view(webhooks.redeliver(actor, id, deliveryId));
  }

  static Endpoint view(Webhooks.Endpoint e) {
    return new Endpoint(
        e.id(),
        e.url(),
        e.description(),
        e.events(),
        e.confidential(),
        e.enabled(),
        e.createdAt(),
        e.disabledAt(),
        e.disabledReason(),
        e.previousSecretUntil());
  }

  static Delivery view(Webhooks.Delivery d) {
    return new Delivery(
        d.id(),
        d.messageId(),
        d.eventType(),
        d.state(),
        d.attempts(),
        d.createdAt(),
        d.deliveredAt(),
        d.deliveredAt() == null && d.failedAt() == null ? d.nextAttemptAt() : null,
        d.lastStatus(),
        d.lastError());
  }
}
