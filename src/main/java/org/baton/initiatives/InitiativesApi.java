package org.baton.initiatives;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.baton.identity.BatonUser;
import org.baton.platform.KeyedPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/initiatives")
@Tag(name = "Initiatives", description = "Problems and opportunities spotted and led")
class InitiativesApi {

  /**
   * {@code priorityId}: the current priority it serves, optional; {@code contributionId}: the
   * adopted contribution of a dialogue round it carries out, optional.
   */
  record NewInitiative(
      String title,
      String description,
      String location,
      String decisionType,
      List<Long> teamIds,
      @io.swagger.v3.oas.annotations.media.Schema(nullable = true) Long priorityId,
      @io.swagger.v3.oas.annotations.media.Schema(nullable = true) Long contributionId) {}

  record HandOver(Long to, String note) {}

  record StatusChange(InitiativeStatus status, String note) {}

  record Comment(String body, boolean offerOfHelp) {}

  private final Initiatives initiatives;

  InitiativesApi(Initiatives initiatives) {
    this.initiatives = initiatives;
  }

  @GetMapping
  @Operation(summary = "Initiatives: scope mine, team or all; filter by status or stalled days")
  KeyedPage<Initiative> list(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "all") String scope,
      @RequestParam(required = false) InitiativeStatus status,
      @RequestParam(required = false) Integer stalledDays,
      @Parameter(description = "The key of the page to read: the previous page's 'next'")
          @RequestParam(required = false)
          String after,
      @RequestParam(defaultValue = "20") int size) {
    return initiatives.list(me, scope, status, stalledDays, after, size);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Spot something: you become its leader")
  Initiative start(@AuthenticationPrincipal BatonUser me, @RequestBody NewInitiative body) {
    return initiatives.start(
        me,
        body.title(),
        body.description(),
        body.location(),
        body.decisionType(),
        body.teamIds(),
        body.priorityId(),
        body.contributionId());
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "An initiative with its timeline, teams and names",
      description = "`may` says what the caller may do with it (join, ask for advice, ...).")
  Initiatives.View get(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return initiatives.view(me, id);
  }

  @PostMapping("/{id}/supporters")
  @Operation(summary = "Join as a supporter")
  Initiative join(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return initiatives.join(me, id);
  }

  @PostMapping("/{id}/handover")
  @Operation(summary = "Hand the lead to someone else (the leader only); you become a supporter")
  Initiative handOver(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @RequestBody HandOver body) {
    return initiatives.handOver(
        me, id, body.to() == null ? null : body.to().toString(), body.note());
  }

  @PostMapping("/{id}/status")
  @Operation(
      summary =
          "Change the status (the leader only), with an outcome when decided, done or dropped")
  Initiative status(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestBody StatusChange body) {
    return initiatives.changeStatus(me, id, body.status(), body.note());
  }

  @PostMapping("/{id}/comments")
  @Operation(summary = "Comment on an initiative")
  @ResponseStatus(HttpStatus.CREATED)
  Initiative comment(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @RequestBody Comment body) {
    return initiatives.comment(me, id, body.body(), body.offerOfHelp());
  }
}
