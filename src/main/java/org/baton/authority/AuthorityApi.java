package org.baton.authority;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Authority", description = "Decision types, authority rules, delegations and the check")
class AuthorityApi {

  /** An amount as sent: {"value": 150, "currency": "EUR"}. */
  record AmountBody(BigDecimal value, String currency) {}

  /**
   * The integration contract of the check. {@code person} is an id or an e-mail address; when
   * absent, the token's own person.
   */
  record CheckRequest(
      String person, String decisionType, AmountBody amount, Map<String, Object> context) {}

  record RuleRequest(
      String decisionType,
      Holder.Kind holderKind,
      Long holderPersonId,
      Long holderTeamId,
      @io.swagger.v3.oas.annotations.media.Schema(nullable = true) Long holderRoleId,
      BigDecimal limit,
      String currency,
      BigDecimal adviceThreshold,
      List<String> advicePerspectives,
      List<String> conditions,
      LocalDate validFrom,
      LocalDate validUntil,
      Long ownerPersonId,
      String reason,
      Boolean retired) {

    RuleDraft draft() {
      return new RuleDraft(
          decisionType,
          holderKind,
          holderPersonId,
          holderTeamId,
          holderRoleId,
          limit,
          currency,
          adviceThreshold,
          advicePerspectives,
          conditions,
          validFrom,
          validUntil,
          ownerPersonId,
          reason);
    }
  }

  record DelegationRequest(
      String to,
      String decisionType,
      AmountBody limit,
      Instant validFrom,
      Instant validUntil,
      String reason) {}

  private final Authority authority;
  private final AuthorityAdministration administration;
  private final Delegations delegations;
  private final Directory directory;
  private final PolicyDocument policyDocument;
  private final PolicyPreview policyPreview;
  private final RuleChanges ruleChanges;

  AuthorityApi(
      Authority authority,
      AuthorityAdministration administration,
      Delegations delegations,
      Directory directory,
      PolicyDocument policyDocument,
      PolicyPreview policyPreview,
      RuleChanges ruleChanges) {
    this.ruleChanges = ruleChanges;
    this.authority = authority;
    this.administration = administration;
    this.delegations = delegations;
    this.directory = directory;
    this.policyDocument = policyDocument;
    this.policyPreview = policyPreview;
  }

  @GetMapping("/authority/policy")
  @Operation(
      summary = "The whole policy as one document: decision types and current rules (admins)")
  PolicyDocument.Document policy() {
    return policyDocument.export();
  }

  @PutMapping("/authority/policy")
  @Operation(
      summary = "Import an edited policy document (admins)",
      description =
          "Checked whole first (422 naming every wrong field, e.g. rules[2].limit, and nothing"
              + " saved); then types are saved, rules without id created, changed rules get a new"
              + " version with the document's reason. Rules left out stay as they are.")
  PolicyDocument.ImportResult importPolicy(
      @AuthenticationPrincipal BatonUser actor, @RequestBody PolicyDocument.Document document) {
    return policyDocument.importDocument(actor, document);
  }

  record PreviewRequest(Long ruleId, RuleRequest draft, Integer months) {}

  @PostMapping("/authority/rules/preview")
  @Operation(
      summary = "What a drafted rule or change would have answered differently",
      description =
          "Replays the logged checks and recorded decisions of the last months (default 6)"
              + " under the draft: escalations removed, advice newly needed or no longer"
              + " needed, grants lost, with the list.")
  PolicyPreview.Impact preview(
      @AuthenticationPrincipal BatonUser actor, @RequestBody PreviewRequest request) {
    if (request.draft() == null) {
      throw new InvalidInputException("draft", "Send the drafted rule.");
    }
    return policyPreview.preview(
        actor,
        request.ruleId(),
        request.draft().draft(),
        request.months() == null ? 6 : request.months());
  }

  @PostMapping("/authority/checks")
  @Operation(
      summary = "May this person decide this?",
      description =
          "Answers WITHIN_AUTHORITY, NEEDS_ADVICE (with the perspectives to consult and who"
              + " covers them) or OUTSIDE_AUTHORITY (with who holds it, nearest first). A token"
              + " checks for its own person; checking for others needs an admin or a token with"
              + " the permission authority:check-others.")
  CheckResult check(@AuthenticationPrincipal BatonUser actor, @RequestBody CheckRequest request) {
    long personId = personId(actor, request.person(), "person");
    return authority.check(
        actor,
        new CheckQuestion(
            personId,
            request.decisionType(),
            amount(request.amount(), "amount"),
            CheckQuestion.contextFromJson(request.context())));
  }

  @GetMapping("/decision-types")
  @Operation(summary = "Decision types: code, name, confidentiality")
  List<DecisionType> types() {
    return administration.types();
  }

  @PostMapping("/decision-types")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add or change a decision type (admins)")
  DecisionType saveType(@RequestBody DecisionType type) {
    return administration.saveType(type);
  }

  @GetMapping("/authority/rules")
  @Operation(summary = "Every rule with its versions")
  List<AuthorityAdministration.RuleWithHistory> rules() {
    return administration.rules();
  }

  @GetMapping("/authority/rules/{id}")
  @Operation(summary = "A rule with every version: who changed it, when and why")
  AuthorityAdministration.RuleWithHistory rule(@PathVariable long id) {
    return administration.rule(id);
  }

  @PostMapping("/authority/rules")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a rule (admins)")
  AuthorityAdministration.RuleWithHistory createRule(
      @AuthenticationPrincipal BatonUser actor, @RequestBody RuleRequest request) {
    return administration.createRule(actor, request.draft());
  }

  @PutMapping("/authority/rules/{id}")
  @Operation(
      summary = "Change a rule: a new version, or a proposed change when its owner widens it",
      description =
          "Admins change any rule at once (200, the rule). The rule's owner narrows it at once"
              + " (200): a lower limit or advice threshold, more advice perspectives or"
              + " conditions, a shorter validity, retiring it. A change by the owner that widens"
              + " it (another type, holder or owner, a higher limit or threshold, fewer"
              + " conditions or perspectives, a longer validity) is proposed to an admin (202,"
              + " the proposed change) and the rule stays as it is until approved.")
  @ApiResponse(
      responseCode = "200",
      description = "Changed at once: the rule with its new version",
      content =
          @Content(
              schema = @Schema(implementation = AuthorityAdministration.RuleWithHistory.class)))
  @ApiResponse(
      responseCode = "202",
      description = "Proposed to an admin: the proposed change; the rule is unchanged",
      content = @Content(schema = @Schema(implementation = RuleChange.class)))
  ResponseEntity<Object> changeRule(
      @AuthenticationPrincipal BatonUser actor,
      @PathVariable long id,
      @RequestBody RuleRequest request) {
    AuthorityAdministration.ChangeResult result =
        administration.changeRule(
            actor, id, request.draft(), Boolean.TRUE.equals(request.retired()));
    return result.applied()
        ? ResponseEntity.ok(result.rule())
        : ResponseEntity.status(HttpStatus.ACCEPTED).body(result.proposal());
  }

  /** An admin's answer to a proposed change. */
  record Answer(String reason) {}

  @GetMapping("/authority/rule-changes")
  @Operation(summary = "Proposed rule changes: all waiting ones for admins, one's own for others")
  List<RuleChange> ruleChanges(@AuthenticationPrincipal BatonUser actor) {
    return ruleChanges.visibleTo(actor);
  }

  @GetMapping("/authority/rule-changes/{id}")
  @Operation(summary = "One proposed rule change (admins, or its proposer)")
  RuleChange ruleChange(@AuthenticationPrincipal BatonUser actor, @PathVariable long id) {
    return ruleChanges.find(actor, id);
  }

  @PostMapping("/authority/rule-changes/{id}/approval")
  @Operation(
      summary =
          "Approve a proposed change (admins other than its proposer): the rule's next version")
  RuleChange approve(
      @AuthenticationPrincipal BatonUser actor,
      @PathVariable long id,
      @RequestBody(required = false) Answer answer) {
    return ruleChanges.approve(actor, id, answer == null ? null : answer.reason());
  }

  @PostMapping("/authority/rule-changes/{id}/decline")
  @Operation(summary = "Decline a proposed change with a reason (admins other than its proposer)")
  RuleChange decline(
      @AuthenticationPrincipal BatonUser actor,
      @PathVariable long id,
      @RequestBody(required = false) Answer answer) {
    return ruleChanges.decline(actor, id, answer == null ? null : answer.reason());
  }

  @GetMapping("/authority/delegations")
  @Operation(summary = "Delegations to or from the signed-in person")
  List<Delegations.DelegationView> delegations(@AuthenticationPrincipal BatonUser actor) {
    return actor.personId() == null ? List.of() : delegations.involving(actor.personId());
  }

  @PostMapping("/authority/delegations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Delegate part of your own authority to someone for a while")
  Delegations.DelegationView delegate(
      @AuthenticationPrincipal BatonUser actor, @RequestBody DelegationRequest request) {
    Money limit = amount(request.limit(), "limit");
    if (limit == null) {
      throw new InvalidInputException("limit", "Give the delegated limit.");
    }
    return delegations.delegate(
        actor,
        personId(null, request.to(), "to"),
        request.decisionType(),
        limit,
        request.validFrom(),
        request.validUntil(),
        request.reason());
  }

  @DeleteMapping("/authority/delegations/{id}")
  @Operation(summary = "Revoke a delegation you gave (or, as an admin, any)")
  Delegations.DelegationView revoke(
      @AuthenticationPrincipal BatonUser actor, @PathVariable long id) {
    return delegations.revoke(actor, id);
  }

  private long personId(BatonUser actor, String person, String field) {
    if (person == null || person.isBlank()) {
      if (actor != null && actor.personId() != null) {
        return actor.personId();
      }
      throw new InvalidInputException(field, "Name the person: an id or an e-mail address.");
    }
    return directory.resolvePerson(person, field).id();
  }

  private static Money amount(AmountBody body, String field) {
    return body == null ? null : Money.fromRequest(body.value(), body.currency(), field);
  }
}
