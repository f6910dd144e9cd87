package org.baton.strategy;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.util.List;
import org.baton.identity.BatonUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The direction over the API: everyone reads it; editors change it a part at a time. */
@RestController
@RequestMapping("/api/v1/strategy")
class StrategyApi {

  /** A goal's progress: the value reached and a comment. */
  record ProgressBody(BigDecimal value, String comment) {}

  private final Strategy strategy;

  StrategyApi(Strategy strategy) {
    this.strategy = strategy;
  }

  @GetMapping
  @Operation(
      summary = "The current direction: vision, mission, values, trade-offs, priorities with goals")
  Direction get() {
    return strategy.direction();
  }

  @PutMapping("/vision")
  @Operation(summary = "Change the vision and mission, saying why (editors)")
  Direction vision(
      @AuthenticationPrincipal BatonUser me,
      @RequestBody(required = false) DirectionDrafts.VisionDraft draft) {
    return strategy.changeVision(
        me, draft == null ? new DirectionDrafts.VisionDraft(null, null, null) : draft);
  }

  @PutMapping("/values")
  @Operation(summary = "Replace the values, saying why (editors)")
  Direction values(
      @AuthenticationPrincipal BatonUser me,
      @RequestBody(required = false) DirectionDrafts.ValuesDraft draft) {
    return strategy.changeValues(
        me, draft == null ? new DirectionDrafts.ValuesDraft(null, null) : draft);
  }

  @PutMapping("/trade-offs")
  @Operation(summary = "Replace the trade-off statements, saying why (editors)")
  Direction tradeOffs(
      @AuthenticationPrincipal BatonUser me,
      @RequestBody(required = false) DirectionDrafts.TradeOffsDraft draft) {
    return strategy.changeTradeOffs(
        me, draft == null ? new DirectionDrafts.TradeOffsDraft(null, null) : draft);
  }

  @PutMapping("/priorities")
  @Operation(
      summary = "Replace the priorities in order, saying why (editors)",
      description =
          "A priority or goal sent with its id keeps it; one without gets a new id. A priority left"
              + " out is no longer current but stays readable in earlier versions.")
  Direction priorities(
      @AuthenticationPrincipal BatonUser me,
      @RequestBody(required = false) DirectionDrafts.PrioritiesDraft draft) {
    return strategy.changePriorities(
        me, draft == null ? new DirectionDrafts.PrioritiesDraft(null, null) : draft);
  }

  @GetMapping("/versions")
  @Operation(summary = "Every version of the direction: who changed which part, when and why")
  List<Strategy.VersionEntry> versions() {
    return strategy.versions();
  }

  @GetMapping("/versions/{number}")
  @Operation(summary = "The direction as one version had it")
  Direction version(@PathVariable int number) {
    return strategy.version(number);
  }

  @GetMapping("/goals/{id}/progress")
  @Operation(summary = "A goal's progress updates, newest first")
  List<Direction.Progress> progress(@PathVariable long id) {
    return strategy.progress(id);
  }

  @PostMapping("/goals/{id}/progress")
  @Operation(summary = "Record a goal's progress (the priority's owner and editors)")
  Direction.Progress record(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestBody(required = false) ProgressBody body) {
    return strategy.recordProgress(
        me, id, body == null ? null : body.value(), body == null ? null : body.comment());
  }
}
