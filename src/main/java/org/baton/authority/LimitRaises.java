package org.baton.authority;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Growing into authority, on the authority side: which rule limits a person for a decision type
 * (and who owns it), what limit each recorded decision rested on, and raising a person's limit.
 *
 * <p>The bounds of a raise: only the owner of the rule that limits the person raises it; only to a
 * higher limit in the same currency; never above what the owner may decide herself without
 * conditions ({@link #givingStanding}: a limit for gold customers only gives nobody a limit for
 * every customer); always with a reason. The raised rule keeps the person's conditions and needs
 * the stricter of two advice requirements, the person's rule's and the owner's own, so that the
 * owner never hands on a limit with less advice than she needs for it herself. The raise is a rule
 * for that person alone, owned by the approver; raising it again is its next version. Anything else
 * (another holder, another type, conditions) is a rule change for an admin.
 */
@Service
public class LimitRaises {

  /**
   * The rule that gives a person their highest limit for a decision type today.
   *
   * @param personal whether the rule names this person alone (a raise then is its next version)
   */
  public record Standing(
      long ruleId,
      int ruleVersion,
      String decisionType,
      String rule,
      @Schema(nullable = true) Long ownerPersonId,
      Money limit,
      boolean personal) {}

  /** What limit each rule version and delegation gave, to rebuild records from the past. */
  public static final class Limits {
    private final Map<Long, Map<Integer, Money>> rules;
    private final Map<Long, Money> delegations;

    Limits(Map<Long, Map<Integer, Money>> rules, Map<Long, Money> delegations) {
      this.rules = rules;
      this.delegations = delegations;
    }

    /**
     * The limit a decision rested on: the rule version's, capped at the delegation's when it was
     * decided on a delegation; null when neither had one.
     */
    public Money limitOf(Long ruleId, Integer ruleVersion, Long delegationId) {
      Money rule =
          ruleId == null || ruleVersion == null
              ? null
              : rules.getOrDefault(ruleId, Map.of()).get(ruleVersion);
      Money delegated = delegationId == null ? null : delegations.get(delegationId);
      if (delegated == null) {
        return rule;
      }
      return rule == null || !rule.sameCurrency(delegated) || delegated.compareTo(rule) < 0
          ? delegated
          : rule;
    }
  }

  private final CurrentPolicy currentPolicy;
  private final AuthorityRepository repository;
  private final AuthorityAdministration administration;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  LimitRaises(
      CurrentPolicy currentPolicy,
      AuthorityRepository repository,
      AuthorityAdministration administration,
      ApplicationEventPublisher events,
      Clock clock) {
    this.currentPolicy = currentPolicy;
    this.repository = repository;
    this.administration = administration;
    this.events = events;
    this.clock = clock;
  }

  /**
   * The rule with a limit that reaches furthest for this person and type today (conditions aside:
   * they narrow when it applies, not how far), or empty when no rule gives them a limit for it.
   */
  public Optional<Standing> standing(long personId, String decisionType) {
    return reach(personId, decisionType, false);
  }

  private Optional<Standing> reach(long personId, String decisionType, boolean unconditional) {
    CurrentPolicy.Snapshot snapshot = currentPolicy.get();
    DecisionType type = snapshot.types().get(decisionType);
    PersonPosition position = snapshot.position(personId);
    if (type == null || !type.carriesAmount() || position == null || !position.active()) {
      return Optional.empty();
    }
    LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
    List<String> codes = new DecisionTypeCode(decisionType).selfAndAncestors();
    return snapshot.policy().rules().stream()
        .filter(
            rule ->
                rule.limit() != null
                    && (!unconditional || rule.conditions().isEmpty())
                    && rule.isValidOn(today)
                    && codes.contains(rule.type().value())
                    && rule.holder().covers(position, today))
        .max(
            Comparator.comparing((AuthorityRule rule) -> rule.limit().value())
                .thenComparingInt(rule -> rule.type().value().length())
                .thenComparing(rule -> isPersonal(rule, personId)))
        .map(
            rule ->
                new Standing(
                    rule.id(),
                    rule.version(),
                    rule.type().value(),
                    Explanations.describe(
                        rule.holder(), snapshot.organisation(), snapshot.roleNames()),
                    rule.ownerPersonId(),
                    rule.limit(),
                    isPersonal(rule, personId)));
  }

  /**
   * How far the approver may decide this type herself without conditions: the ceiling of any raise
   * she gives, and of a suggestion to her. Rules with conditions do not count (they hold only when
   * their conditions are met, and a raise would hold always).
   */
  public Optional<Standing> givingStanding(long approverId, String decisionType) {
    return reach(approverId, decisionType, true);
  }

  /**
   * The rule a raise to {@code limit} would make for the person, given the rule that limits them
   * today and the approver's own unconditional rule: the person's conditions, and the stricter of
   * the two advice requirements (every perspective either names, above the lower threshold).
   */
  AuthorityRule raisedRule(
      long ruleId,
      int version,
      AuthorityRule basis,
      AuthorityRule giver,
      long personId,
      String decisionType,
      Money limit,
      long approverId) {
    List<String> perspectives = new ArrayList<>(basis.advicePerspectives());
    giver.advicePerspectives().stream()
        .filter(p -> !perspectives.contains(p))
        .forEach(perspectives::add);
    BigDecimal threshold = null;
    if (!perspectives.isEmpty()) {
      threshold = limit.value();
      for (AuthorityRule rule : List.of(basis, giver)) {
        if (!rule.advicePerspectives().isEmpty()) {
          // a rule that names perspectives without a threshold needs advice for every amount
          BigDecimal from =
              rule.adviceThreshold() == null ? BigDecimal.ZERO : rule.adviceThreshold();
          threshold = threshold.min(from);
        }
      }
      boolean always =
          List.of(basis, giver).stream()
              .anyMatch(r -> !r.advicePerspectives().isEmpty() && r.adviceThreshold() == null);
      threshold = always ? null : threshold;
    }
    return new AuthorityRule(
        ruleId,
        version,
        new DecisionTypeCode(decisionType),
        new Holder(Holder.Kind.PERSON, personId, null, null),
        limit,
        threshold,
        perspectives,
        basis.conditions(),
        null,
        // never beyond the end of the person's rule, nor of the approver's own
        earlier(basis.validUntil(), giver.validUntil()),
        approverId,
        false);
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
  }

  private static boolean isPersonal(AuthorityRule rule, long personId) {
    return rule.holder().kind() == Holder.Kind.PERSON && rule.holder().personId() == personId;
  }

  /** Every rule version's and delegation's limit: two queries, for rebuilding records. */
  @Transactional(readOnly = true)
  public Limits limits() {
    return repository.limits();
  }

  /**
   * Raises a person's limit for a decision type, within the bounds above; returns the rule that now
   * gives it (a new rule for the person, or the next version of theirs).
   */
  @Transactional
  public CheckResult.RuleRef raise(
      BatonUser approver, long personId, String decisionType, Money limit, String reason) {
    Standing current =
        standing(personId, decisionType)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "decisionType", "No rule gives this person a limit for this decision."));
    AuthorityAccess.raise(approver, current);
    List<FieldProblem> problems = new ArrayList<>();
    Optional<Standing> giving = givingStanding(approver.personId(), decisionType);
    Money own = giving.map(Standing::limit).orElse(null);
    if (limit == null) {
      problems.add(new FieldProblem("limit", "Give the new limit."));
    } else if (!limit.sameCurrency(current.limit())) {
      problems.add(
          new FieldProblem(
              "limit", "Give the new limit in " + current.limit().currency() + ", as today's."));
    } else if (limit.compareTo(current.limit()) <= 0) {
      problems.add(
          new FieldProblem(
              "limit", "A raise goes above today's limit of " + current.limit() + "."));
    } else if (own == null || !own.sameCurrency(limit) || limit.compareTo(own) > 0) {
      problems.add(
          new FieldProblem(
              "limit",
              own == null
                  ? "You hold no limit for this decision yourself without conditions, so you"
                      + " cannot raise one."
                  : "You may decide up to "
                      + own
                      + " yourself without conditions; a raise cannot go above it."));
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      problems.add(new FieldProblem("reason", "Say why: the rule's history records it."));
    } else if (why.length() > 2000) {
      problems.add(new FieldProblem("reason", TextRules.tooLong(TextLimits.REASON)));
    }
    InvalidInputException.throwIfAny(problems);
    AuthorityRule basis = repository.current(current.ruleId()).orElseThrow().rule();
    long ruleId;
    int version;
    if (current.personal()
        && approver.personId().equals(basis.ownerPersonId())
        && basis.type().value().equals(decisionType)) {
      ruleId = basis.id();
      version = repository.lockAndGetCurrentVersion(ruleId) + 1;
    } else {
      ruleId = repository.newRule();
      version = 1;
    }
    AuthorityRule giver = repository.current(giving.orElseThrow().ruleId()).orElseThrow().rule();
    AuthorityRule raised =
        raisedRule(
            ruleId, version, basis, giver, personId, decisionType, limit, approver.personId());
    repository.insertVersion(raised, approver.displayName(), why);
    events.publishEvent(new AuthorityChanged());
    return administration.rule(ruleId).current();
  }

  /** Whether the actor owns the rule that limits the person ({@link AuthorityPermissions}). */
  public static boolean mayRaise(BatonUser actor, Standing standing) {
    return AuthorityPermissions.mayRaise(actor, standing);
  }
}
