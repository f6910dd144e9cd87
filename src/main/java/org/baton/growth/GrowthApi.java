package org.baton.growth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.baton.identity.BatonUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Track records and growth suggestions over the API. */
@RestController
@RequestMapping("/api/v1")
class GrowthApi {

  /**
   * @param limit the new limit in the suggestion's currency; the proposed one when absent
   */
  record ApproveBody(
      @Schema(nullable = true) BigDecimal limit, @Schema(nullable = true) String note) {}

  record DeclineBody(String reason) {}

  record DeferBody(LocalDate until, @Schema(nullable = true) String note) {}

  /** How many entries of the decision record a rebuild read. */
  record Rebuilt(long entries) {}

  private final TrackRecords records;
  private final GrowthSuggestions suggestions;
  private final GrowthPermissions permissions;

  GrowthApi(TrackRecords records, GrowthSuggestions suggestions, GrowthPermissions permissions) {
    this.records = records;
    this.suggestions = suggestions;
    this.permissions = permissions;
  }

  @GetMapping("/people/{id}/track-record")
  @Operation(
      summary =
          "A person's track record per decision type over the growth policy's window (the person,"
              + " their team leader, the owners of the rules that limit them)")
  TrackRecords.TrackRecord trackRecord(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return records.of(me, id);
  }

  @GetMapping("/authority/growth-suggestions")
  @Operation(summary = "Growth suggestions waiting for the caller's answer, as a rule owner")
  List<GrowthSuggestion> waiting(@AuthenticationPrincipal BatonUser me) {
    return suggestions.waitingFor(me);
  }

  @GetMapping("/authority/growth-suggestions/{id}")
  @Operation(summary = "A growth suggestion, with the preview of its raise for the rule's owner")
  GrowthSuggestions.SuggestionView suggestion(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return suggestions.view(me, id);
  }

  @PostMapping("/authority/growth-suggestions/{id}/approve")
  @Operation(summary = "Raise the person's limit (the rule's owner, up to her own limit)")
  GrowthSuggestion approve(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestBody(required = false) ApproveBody body) {
    return suggestions.approve(
        me, id, body == null ? null : body.limit(), body == null ? null : body.note());
  }

  @PostMapping("/authority/growth-suggestions/{id}/decline")
  @Operation(summary = "Decline, with a reason the person reads")
  GrowthSuggestion decline(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestBody(required = false) DeclineBody body) {
    return suggestions.decline(me, id, body == null ? null : body.reason());
  }

  @PostMapping("/authority/growth-suggestions/{id}/defer")
  @Operation(summary = "Defer to a date")
  GrowthSuggestion defer(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestBody(required = false) DeferBody body) {
    return suggestions.defer(
        me, id, body == null ? null : body.until(), body == null ? null : body.note());
  }

  @PostMapping("/authority/growth/rebuild")
  @Operation(
      summary =
          "Rebuild every track record from the decision record and assess them (admins; after"
              + " tuning the growth policy)")
  Rebuilt rebuild(@AuthenticationPrincipal BatonUser me) {
    permissions.requireAdmin(me);
    return new Rebuilt(records.rebuild());
  }
}
