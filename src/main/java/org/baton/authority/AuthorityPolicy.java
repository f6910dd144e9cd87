package org.baton.authority;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongFunction;
import org.baton.platform.Money;

/**
 * The authority policy at one moment: every current rule and delegation, indexed for the check.
 * Immutable, so that any number of threads check against it at once.
 *
 * <p>How rules combine: every rule whose type is the decision's type or one above it, whose holder
 * covers the person, whose conditions the context meets and that is valid on the day gives a grant;
 * so does every delegation to the person (capped at what the delegator's own rules give). Of the
 * grants whose limit covers the amount (limits are inclusive), the most favourable wins: one that
 * needs no advice for this amount, then the fewest perspectives to consult, then the highest limit,
 * then the most specific type. Inactive people hold nothing.
 */
public final class AuthorityPolicy {

  /** Higher limit first (no limit is highest), then the more specific type, then the older rule. */
  private static final Comparator<Grant> BY_REACH =
      Comparator.comparing(
              (Grant g) -> g.limit() == null ? null : g.limit().value(),
              Comparator.nullsFirst(Comparator.<BigDecimal>reverseOrder()))
          .thenComparingInt(g -> -g.basis().type().value().length())
          .thenComparingLong(g -> g.basis().id());

  private final Map<String, List<AuthorityRule>> rulesByType = new HashMap<>();
  private final Map<Long, List<Delegation>> delegationsTo = new HashMap<>();
  private final List<AuthorityRule> rules;
  private final List<Delegation> delegations;

  public AuthorityPolicy(Collection<AuthorityRule> rules, Collection<Delegation> delegations) {
    this.rules = List.copyOf(rules);
    this.delegations = List.copyOf(delegations);
    for (AuthorityRule rule : rules) {
      if (!rule.retired()) {
        rulesByType.computeIfAbsent(rule.type().value(), t -> new ArrayList<>()).add(rule);
      }
    }
    for (Delegation delegation : delegations) {
      if (!delegation.revoked()) {
        delegationsTo
            .computeIfAbsent(delegation.toPersonId(), id -> new ArrayList<>())
            .add(delegation);
      }
    }
  }

  public List<AuthorityRule> rules() {
    return rules;
  }

  public List<Delegation> delegations() {
    return delegations;
  }

  /**
   * @param positions where any person stands, to cap a delegation at what its delegator holds
   * @throws CurrencyMismatchException when the applicable limits are all in other currencies
   */
  public Evaluation evaluate(
      PersonPosition who,
      DecisionTypeCode type,
      Money amount,
      Map<String, String> context,
      Instant at,
      LongFunction<PersonPosition> positions) {
    if (!who.active()) {
      return new Evaluation(Verdict.OUTSIDE_AUTHORITY, null, null, List.of());
    }
    LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
    List<Grant> grants = ruleGrants(who, type, context, day);
    for (Delegation delegation : delegationsTo.getOrDefault(who.personId(), List.of())) {
      if (delegation.isValidAt(at) && type.selfAndAncestors().contains(delegation.type().value())) {
        PersonPosition delegator = positions.apply(delegation.fromPersonId());
        if (delegator != null && delegator.active()) {
          delegatedGrant(delegation, ruleGrants(delegator, type, context, day), amount)
              .ifPresent(grants::add);
        }
      }
    }
    return choose(grants, amount);
  }

  /** What the rules alone give this person; delegations are not passed on again. */
  List<Grant> ruleGrants(
      PersonPosition who, DecisionTypeCode type, Map<String, String> context, LocalDate day) {
    List<Grant> grants = new ArrayList<>();
    if (!who.active()) {
      return grants;
    }
    for (String code : type.selfAndAncestors()) {
      for (AuthorityRule rule : rulesByType.getOrDefault(code, List.of())) {
        if (rule.isValidOn(day)
            && rule.holder().covers(who, day)
            && rule.conditionsMetBy(context)) {
          grants.add(Grant.of(rule));
        }
      }
    }
    return grants;
  }

  /** The delegator's widest grant in the delegation's currency, capped at the delegated limit. */
  private static Optional<Grant> delegatedGrant(
      Delegation delegation, List<Grant> sourceGrants, Money amount) {
    return sourceGrants.stream()
        .filter(g -> g.limit() == null || g.limit().sameCurrency(delegation.limit()))
        .min(BY_REACH)
        .map(
            source -> {
              Money limit =
                  source.limit() == null || delegation.limit().compareTo(source.limit()) < 0
                      ? delegation.limit()
                      : source.limit();
              BigDecimal threshold =
                  source.adviceThreshold() == null
                      ? null
                      : source.adviceThreshold().min(limit.value());
              return new Grant(
                  source.rule(), delegation, limit, threshold, source.advicePerspectives());
            });
  }

  private static Evaluation choose(List<Grant> grants, Money amount) {
    List<Grant> candidates = grants;
    if (amount != null) {
      candidates =
          grants.stream().filter(g -> g.limit() == null || g.limit().sameCurrency(amount)).toList();
      if (candidates.isEmpty() && !grants.isEmpty()) {
        TreeSet<String> currencies = new TreeSet<>();
        grants.forEach(g -> currencies.add(g.limit().currency()));
        throw new CurrencyMismatchException(amount.currency(), currencies);
      }
    }
    Grant best = null;
    for (Grant grant : candidates) {
      if (grant.covers(amount) && isBetter(grant, best, amount)) {
        best = grant;
      }
    }
    if (best == null) {
      Grant nearest =
          candidates.stream()
              .filter(grant -> grant.limit() != null)
              .max(Comparator.comparing(Grant::limit))
              .orElse(null);
      return new Evaluation(Verdict.OUTSIDE_AUTHORITY, null, nearest, List.of());
    }
    if (best.needsAdviceFor(amount)) {
      return new Evaluation(Verdict.NEEDS_ADVICE, best, null, best.advicePerspectives());
    }
    return new Evaluation(Verdict.WITHIN_AUTHORITY, best, null, List.of());
  }

  private static boolean isBetter(Grant candidate, Grant best, Money amount) {
    if (best == null) {
      return true;
    }
    boolean candidateFree = !candidate.needsAdviceFor(amount);
    boolean bestFree = !best.needsAdviceFor(amount);
    if (candidateFree != bestFree) {
      return candidateFree;
    }
    if (!candidateFree) {
      int fewerPerspectives =
          Integer.compare(candidate.advicePerspectives().size(), best.advicePerspectives().size());
      if (fewerPerspectives != 0) {
        return fewerPerspectives < 0;
      }
    }
    return BY_REACH.compare(candidate, best) < 0;
  }
}
