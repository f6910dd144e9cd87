package org.baton.authority;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.baton.directory.Directory;
import org.baton.directory.Organisation;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeping the policy: the decision type catalogue (admins) and authority rules, where every change
 * is a new version recording who, when and why. Admins make and change rules; a rule's owner
 * narrows it at once and proposes any widening to an admin ({@link RuleChanges}).
 */
@Service
public class AuthorityAdministration {

  /** A rule's current version with its history, newest first. */
  public record RuleWithHistory(
      CheckResult.RuleRef current,
      AuthorityRule rule,
      List<Version> versions,
      @Schema(nullable = true) String owner) {}

  public record Version(
      int version,
      CheckResult.RuleRef rule,
      boolean retired,
      String changedBy,
      java.time.Instant changedAt,
      String reason) {}

  private final AuthorityRepository repository;
  private final Directory directory;
  private final ApplicationEventPublisher events;
  private final RuleChangeRepository changes;
  private final Clock clock;
  private final CurrentPolicy currentPolicy;

  AuthorityAdministration(
      AuthorityRepository repository,
      Directory directory,
      ApplicationEventPublisher events,
      RuleChangeRepository changes,
      Clock clock,
      CurrentPolicy currentPolicy) {
    this.currentPolicy = currentPolicy;
    this.repository = repository;
    this.directory = directory;
    this.events = events;
    this.changes = changes;
    this.clock = clock;
  }

  public List<DecisionType> types() {
    return repository.types();
  }

  public DecisionType type(String code) {
    return repository
        .type(code)
        .orElseThrow(() -> new NotFoundException("No decision type " + code + "."));
  }

  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public DecisionType saveType(DecisionType type) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!DecisionTypeCode.isValid(type.code())) {
      problems.add(
          new FieldProblem(
              "code", "Use lower-case words joined by dots, such as customer.goodwill."));
    }
    if (type.name() == null || type.name().isBlank()) {
      problems.add(new FieldProblem("name", "Give the decision type a name."));
    } else if (type.name().length() > 200) {
      problems.add(new FieldProblem("name", TextRules.tooLong(TextLimits.NAME)));
    }
    InvalidInputException.throwIfAny(problems);
    DecisionType clean =
        new DecisionType(
            type.code(),
            type.name().strip(),
            type.description() == null ? "" : type.description().strip(),
            type.carriesAmount(),
            type.confidential());
    repository.saveType(clean);
    events.publishEvent(new AuthorityChanged());
    return clean;
  }

  public List<RuleWithHistory> rules() {
    Organisation org = directory.organisation();
    java.util.Map<Long, String> roles = roleNames();
    return repository.currentRules().stream()
        .map(v -> withHistory(v.rule(), List.of(), org, roles))
        .toList();
  }

  public RuleWithHistory rule(long id) {
    AuthorityRule current =
        repository
            .current(id)
            .orElseThrow(() -> new NotFoundException("No rule " + id + "."))
            .rule();
    return withHistory(current, repository.versions(id), directory.organisation(), roleNames());
  }

  /** Every role's name by id, for the rule form's choice of role holders. */
  public java.util.Map<Long, String> roleNames() {
    return currentPolicy.get().roleNames();
  }

  /** The rules whose holder is this role, as the role's page lists them. */
  /** A rule held by a role, and who owns it (null: nobody; then only an admin approves). */
  public record RoleRuleOwner(long ruleId, Long ownerPersonId) {}

  /**
   * The owners of the rules a role holds: whose approval a holding of the role needs before it
   * grants their authority (docs/ROLES.md).
   */
  public List<RoleRuleOwner> ownersOfRulesHeldByRole(long roleId) {
    return currentPolicy.get().policy().rules().stream()
        .filter(r -> !r.retired() && Long.valueOf(roleId).equals(r.holder().roleId()))
        .map(r -> new RoleRuleOwner(r.id(), r.ownerPersonId()))
        .toList();
  }

  public List<CheckResult.RuleRef> rulesHeldByRole(long roleId) {
    CurrentPolicy.Snapshot snapshot = currentPolicy.get();
    return snapshot.policy().rules().stream()
        .filter(r -> !r.retired() && Long.valueOf(roleId).equals(r.holder().roleId()))
        .map(r -> Authority.ruleRef(r, snapshot.organisation(), snapshot.roleNames()))
        .toList();
  }

  @PreAuthorize("hasRole('ADMIN')")
  @Transactional
  public RuleWithHistory createRule(BatonUser actor, RuleDraft draft) {
    DecisionType type = typeOf(draft);
    checkReferences(draft);
    AuthorityRule probe = draft.toRule(0, 1, type, false);
    long id = repository.newRule();
    AuthorityRule rule = withId(probe, id, 1);
    repository.insertVersion(rule, actor.displayName(), draft.reason().strip());
    events.publishEvent(new AuthorityChanged());
    return rule(id);
  }

  /**
   * What changing a rule did: applied as a new version, or (a widening by its owner) proposed to an
   * admin, the rule staying as it was.
   */
  public record ChangeResult(RuleWithHistory rule, RuleChange proposal) {
    public boolean applied() {
      return proposal == null;
    }
  }

  /**
   * Changes a rule. Admins change any rule at once. Its owner narrows it at once; a change that
   * widens it ({@link RuleChangePolicy}) becomes a proposed change for an admin to approve.
   */
  @Transactional
  public ChangeResult changeRule(BatonUser actor, long id, RuleDraft draft, boolean retire) {
    AuthorityRule current = rule(id).rule();
    AuthorityAccess.change(actor, current);
    DecisionType type = typeOf(draft);
    checkReferences(draft);
    AuthorityRule next = draft.toRule(id, current.version() + 1, type, retire);
    List<RuleChangePolicy.Widening> widenings = RuleChangePolicy.wideningsOf(current, next);
    if (!AuthorityPermissions.mayChangeAtOnce(actor, widenings)) {
      long proposal =
          changes.insert(
              id,
              current.version(),
              draft,
              retire,
              widenings.stream().map(w -> w.field).toList(),
              actor.personId(),
              actor.displayName(),
              clock.instant());
      return new ChangeResult(rule(id), changes.find(proposal).orElseThrow());
    }
    applyVersion(id, draft, type, retire, actor.displayName());
    return new ChangeResult(rule(id), null);
  }

  /** Writes the draft as the rule's next version. */
  void applyVersion(long id, RuleDraft draft, DecisionType type, boolean retire, String by) {
    int version = repository.lockAndGetCurrentVersion(id) + 1;
    AuthorityRule next = draft.toRule(id, version, type, retire);
    repository.insertVersion(next, by, draft.reason().strip());
    events.publishEvent(new AuthorityChanged());
  }

  DecisionType typeOf(RuleDraft draft) {
    return repository
        .type(draft.decisionType() == null ? "" : draft.decisionType())
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "decisionType", "There is no decision type with this code."));
  }

  void checkReferences(RuleDraft draft) {
    List<FieldProblem> problems = new ArrayList<>();
    Organisation org = directory.organisation();
    if (draft.holderPersonId() != null
        && org.member(draft.holderPersonId()).filter(Organisation.Member::active).isEmpty()) {
      problems.add(new FieldProblem("holder", "Choose an active person as the holder."));
    }
    if (draft.holderTeamId() != null && org.tree().team(draft.holderTeamId()).isEmpty()) {
      problems.add(new FieldProblem("holder", "Choose an existing team as the holder."));
    }
    if (draft.holderKind() == Holder.Kind.ROLE
        && draft.holderRoleId() != null
        && !roleNames().containsKey(draft.holderRoleId())) {
      problems.add(new FieldProblem("holder", "Choose an existing role as the holder."));
    }
    if (draft.ownerPersonId() != null
        && org.member(draft.ownerPersonId()).filter(Organisation.Member::active).isEmpty()) {
      problems.add(new FieldProblem("owner", "Choose an active person as the owner."));
    }
    InvalidInputException.throwIfAny(problems);
  }

  private static AuthorityRule withId(AuthorityRule rule, long id, int version) {
    return new AuthorityRule(
        id,
        version,
        rule.type(),
        rule.holder(),
        rule.limit(),
        rule.adviceThreshold(),
        rule.advicePerspectives(),
        rule.conditions(),
        rule.validFrom(),
        rule.validUntil(),
        rule.ownerPersonId(),
        rule.retired());
  }

  private static RuleWithHistory withHistory(
      AuthorityRule rule,
      List<AuthorityRepository.RuleVersion> versions,
      Organisation org,
      java.util.Map<Long, String> roles) {
    return new RuleWithHistory(
        Authority.ruleRef(rule, org, roles),
        rule,
        versions.stream()
            .map(
                v ->
                    new Version(
                        v.rule().version(),
                        Authority.ruleRef(v.rule(), org, roles),
                        v.rule().retired(),
                        v.changedBy(),
                        v.changedAt(),
                        v.reason()))
            .toList(),
        rule.ownerPersonId() == null
            ? null
            : org.member(rule.ownerPersonId()).map(Organisation.Member::name).orElse(null));
  }
}
