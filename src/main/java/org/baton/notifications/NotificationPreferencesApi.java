package org.baton.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.identity.BatonUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me/notification-preferences")
@Tag(name = "Notifications", description = "How notifications reach you, and webhooks")
class NotificationPreferencesApi {

  /**
   * @param deliveries per kind of notification: IMMEDIATELY (e-mail at once), DIGEST or OFF (only
   *     in Baton)
   * @param own the kinds you chose yourself; the others follow the admins' defaults
   * @param digest how often your digest comes: DAILY, WEEKLY or OFF
   */
  record Preferences(Map<String, String> deliveries, List<String> own, String digest) {}

  /** Kinds left out keep their delivery; a digest left out keeps its frequency. */
  record Change(
      @Schema(nullable = true) Map<String, String> deliveries,
      @Schema(nullable = true) String digest) {}

  private final NotificationPreferences preferences;

  NotificationPreferencesApi(NotificationPreferences preferences) {
    this.preferences = preferences;
  }

  @GetMapping
  @Operation(summary = "How each kind of notification reaches you, and your digest")
  Preferences get(@AuthenticationPrincipal BatonUser me) {
    return view(preferences.of(person(me)));
  }

  @PutMapping
  @Operation(summary = "Change how kinds of notification reach you, or your digest")
  Preferences put(@AuthenticationPrincipal BatonUser me, @RequestBody Change change) {
    person(me);
    return view(preferences.save(me, change.deliveries(), change.digest()));
  }

  private static long person(BatonUser me) {
    return me.requirePerson("person", "operator accounts and integrations get no notifications.");
  }

  private static Preferences view(NotificationPreferences.Choices choices) {
    Map<String, String> deliveries = new LinkedHashMap<>();
    choices.deliveries().forEach((kind, delivery) -> deliveries.put(kind.name(), delivery.name()));
    return new Preferences(
        deliveries, choices.own().stream().map(Enum::name).toList(), choices.digest().name());
  }
}
