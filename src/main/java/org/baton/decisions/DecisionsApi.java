package org.baton.decisions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baton.authority.CheckQuestion;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.platform.KeyedPage;
import org.baton.platform.Money;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
@RequestMapping("/api/v1")
@Tag(name = "Decisions", description = "The decision record and requests to authority holders")
class DecisionsApi {

  record AmountBody(BigDecimal value, String currency) {}

  record DecisionRequest(
      String decisionType,
      String title,
      String reason,
      AmountBody amount,
      Map<String, Object> context,
      List<Long> affectedTeamIds,
      LocalDate followUpOn,
      String adviceConsidered,
      Long supersedes,
      @Schema(nullable = true, description = "Past learnings shown before deciding (review-12)")
          List<String> learningsShown,
      @Schema(nullable = true, description = "Those of them the decider marked read or helped")
          List<String> learningsAcknowledged,
      @Schema(nullable = true, description = "The current priority it serves (GET /strategy)")
          Long priorityId,
      @Schema(
              nullable = true,
              description =
                  "People (ids) who gave the advice the rule requires, by phone or in person: each"
                      + " is told, may see the decision and may dispute it")
          List<Long> advisers) {

    DecisionDraft draft() {
      return new DecisionDraft(
          decisionType,
          title,
          reason,
          money(amount),
          CheckQuestion.contextFromJson(context),
          affectedTeamIds,
          followUpOn,
          adviceConsidered,
          supersedes,
          learningsShown,
          learningsAcknowledged,
          priorityId,
          advisers,
          // advice given on a request counts when the decision closes it (its own operation)
          null);
    }
  }

  record ReversalRequest(String reason) {}

  record AskRequest(
      String holder,
      String decisionType,
      String title,
      String reason,
      AmountBody amount,
      Map<String, Object> context) {}

  record Answer(
      @Schema(nullable = true, description = "For an approval: a note on the advice weighed")
          String adviceConsidered,
      @Schema(nullable = true, description = "For a decline: why (the requester reads it)")
          String reason,
      @Schema(nullable = true, description = "People (ids) who gave the advice the rule requires")
          List<Long> advisers) {}

  record AdviceDispute(String dispute) {}

  private final DecisionRecord decisions;
  private final HolderRequests requests;
  private final Directory directory;

  private final NamedAdvice namedAdvice;

  DecisionsApi(
      DecisionRecord decisions,
      HolderRequests requests,
      Directory directory,
      NamedAdvice namedAdvice) {
    this.namedAdvice = namedAdvice;
    this.decisions = decisions;
    this.requests = requests;
    this.directory = directory;
  }

  @PostMapping("/decisions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record a decision",
      description =
          "The authority it rests on comes from a fresh check at this moment; a decision outside"
              + " the decider's authority is refused (422, field 'authority').")
  Decision record(@AuthenticationPrincipal BatonUser actor, @RequestBody DecisionRequest request) {
    return decisions.record(actor, request.draft());
  }

  @GetMapping("/decisions")
  @Operation(summary = "Decisions: scope mine (default), team or all; filter by type and verdict")
  KeyedPage<Decision> list(
      @AuthenticationPrincipal BatonUser actor,
      @RequestParam(defaultValue = "mine") String scope,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String verdict,
      @Parameter(description = "The key of the page to read: the previous page's 'next'")
          @RequestParam(required = false)
          String after,
      @RequestParam(defaultValue = "20") int size) {
    return decisions.list(actor, scope, type, verdict, after, size);
  }

  @GetMapping("/decisions/{id}")
  @Operation(summary = "One decision, if you may see it")
  Decision get(@AuthenticationPrincipal BatonUser actor, @PathVariable long id) {
    return decisions.find(actor, id);
  }

  @PostMapping("/decisions/{id}/reversal")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Reverse a decision (its decider or an admin): a new entry with a reason")
  Decision reverse(
      @AuthenticationPrincipal BatonUser actor,
      @PathVariable long id,
      @RequestBody ReversalRequest request) {
    return decisions.reverse(actor, id, request.reason());
  }

  @PostMapping("/decisions/{id}/advice-dispute")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Say that you did not give the advice this decision names you for")
  void disputeAdvice(
      @AuthenticationPrincipal BatonUser actor,
      @PathVariable long id,
      @RequestBody AdviceDispute body) {
    namedAdvice.dispute(actor, decisions.find(actor, id), body == null ? null : body.dispute());
  }

  @GetMapping("/decisions/verify")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "Recompute the hash chain and name the first broken entry (admins)")
  DecisionRecord.Verification verify() {
    return decisions.verify();
  }

  @GetMapping("/decisions/checkpoints")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(
      summary =
          "The witness's public key and its signed checkpoints of the record's head (admins):"
              + " keep a copy outside Baton")
  DecisionRecord.Witnessed checkpoints() {
    return decisions.witnessed();
  }

  @GetMapping(value = "/decisions/export", produces = "application/x-ndjson")
  @PreAuthorize("hasRole('ADMIN')")
  @Operation(summary = "The whole record as JSON Lines, verifiable offline (admins)")
  @ApiResponse(
      responseCode = "200",
      description =
          "The witness's public key, one line per entry in order, then the signed checkpoints",
      content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")))
  void export(HttpServletResponse response) throws IOException {
    response.setContentType("application/x-ndjson");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Content-Disposition", "attachment; filename=\"decisions.jsonl\"");
    decisions.export(response.getWriter());
  }

  @GetMapping("/authority/requests")
  @Operation(summary = "Requests to you (to answer) and from you (waiting)")
  List<HolderRequest> requests(@AuthenticationPrincipal BatonUser actor) {
    return requests.involving(actor);
  }

  @PostMapping("/authority/requests")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Ask someone who holds the authority to decide")
  HolderRequest ask(@AuthenticationPrincipal BatonUser actor, @RequestBody AskRequest request) {
    Person holder = directory.resolvePerson(request.holder(), "holder");
    return requests.ask(
        actor,
        holder.id(),
        new DecisionDraft(
            request.decisionType(),
            request.title(),
            request.reason(),
            money(request.amount()),
            CheckQuestion.contextFromJson(request.context()),
            List.of(),
            null,
            null,
            null));
  }

  @PostMapping("/authority/requests/{id}/approval")
  @Operation(summary = "Approve: the decision is recorded as yours, naming the requester")
  HolderRequest approve(
      @AuthenticationPrincipal BatonUser actor,
      @PathVariable long id,
      @RequestBody(required = false) Answer answer) {
    return requests.approve(
        actor,
        id,
        answer == null ? null : answer.adviceConsidered(),
        answer == null ? List.of() : answer.advisers());
  }

  @PostMapping("/authority/requests/{id}/decline")
  @Operation(summary = "Decline a request with an answer (the holder asked)")
  HolderRequest decline(
      @AuthenticationPrincipal BatonUser actor,
      @PathVariable long id,
      @RequestBody(required = false) Answer answer) {
    return requests.decline(actor, id, answer == null ? null : answer.reason());
  }

  private static Money money(AmountBody body) {
    return body == null ? null : Money.fromRequest(body.value(), body.currency(), "amount");
  }
}
