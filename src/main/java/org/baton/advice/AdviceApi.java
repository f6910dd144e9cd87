package org.baton.advice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.baton.authority.CheckQuestion;
import org.baton.decisions.DecisionDraft;
import org.baton.identity.BatonUser;
import org.baton.platform.KeyedPage;
import org.baton.platform.Money;
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
@RequestMapping("/api/v1/advice-requests")
@Tag(name = "Advice", description = "Advice requests, panels, advice and closing by deciding")
class AdviceApi {

  record AmountBody(BigDecimal value, String currency) {}

  record AskBody(
      Long initiativeId,
      String question,
      String context,
      Instant deadline,
      List<String> perspectives,
      List<Long> panel,
      boolean restricted,
      String decisionType,
      AmountBody amount,
      @io.swagger.v3.oas.annotations.media.Schema(
              nullable = true,
              description = "The current priority it serves (GET /strategy)")
          Long priorityId) {}

  record AdviceBody(Stance stance, String reasons, String conditions) {}

  record CloseBody(
      String decisionType,
      String title,
      String reason,
      AmountBody amount,
      Map<String, Object> context,
      String noDecisionNote,
      @io.swagger.v3.oas.annotations.media.Schema(
              nullable = true,
              description =
                  "People (ids) who gave advice the rule requires outside this request (by phone,"
                      + " say): each is told and may dispute it")
          List<Long> advisers) {}

  private final AdviceService advice;

  AdviceApi(AdviceService advice) {
    this.advice = advice;
  }

  @GetMapping
  @Operation(summary = "Requests you asked or are on the panel of")
  KeyedPage<AdviceRequest> mine(
      @AuthenticationPrincipal BatonUser me,
      @Parameter(description = "The key of the page to read: the previous page's 'next'")
          @RequestParam(required = false)
          String after,
      @RequestParam(defaultValue = "20") int size) {
    return advice.involving(me, after, size);
  }

  @GetMapping("/panel-proposal")
  @Operation(
      summary = "The panel Baton proposes for these perspectives (and an initiative's teams)")
  List<PanelProposal.Member> propose(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam List<String> perspectives,
      @RequestParam(required = false) Long initiativeId) {
    return advice.proposePanel(me, perspectives, initiativeId);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Ask for advice; without 'panel', the proposed panel is asked")
  AdviceRequest ask(@AuthenticationPrincipal BatonUser me, @RequestBody AskBody body) {
    return advice.ask(
        me,
        new AdviceService.Ask(
            body.initiativeId(),
            body.question(),
            body.context(),
            body.deadline(),
            body.perspectives(),
            body.panel(),
            body.restricted(),
            body.decisionType(),
            amount(body.amount()),
            body.priorityId()));
  }

  @GetMapping("/{id}")
  @Operation(summary = "A request with its advice side by side by perspective")
  AdviceService.View get(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    return advice.view(me, id);
  }

  @PostMapping("/{id}/advice")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Give or revise your advice (panel members; others volunteer)")
  AdviceGiven advise(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @RequestBody AdviceBody body) {
    return advice.advise(me, id, body.stance(), body.reasons(), body.conditions());
  }

  @PostMapping("/{id}/close")
  @Operation(
      summary = "Close by recording a decision linked to the advice, or with a note (the asker)")
  AdviceRequest close(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @RequestBody CloseBody body) {
    DecisionDraft decide =
        body.title() == null && body.decisionType() == null
            ? null
            : new DecisionDraft(
                    body.decisionType(),
                    body.title(),
                    body.reason(),
                    amount(body.amount()),
                    CheckQuestion.contextFromJson(body.context()),
                    List.of(),
                    null,
                    "",
                    null)
                .withAdvice(body.advisers(), null);
    return advice.close(me, id, decide, body.noDecisionNote());
  }

  private static Money amount(AmountBody body) {
    return body == null ? null : Money.fromRequest(body.value(), body.currency(), "amount");
  }
}
