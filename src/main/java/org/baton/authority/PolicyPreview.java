package org.baton.authority;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.springframework.stereotype.Service;

/**
 * Story 8: before a rule changes, its author sees the last months of real questions (every logged
 * check, every recorded decision) answered under the draft, and what would change. People are
 * placed where they are today; the rules as they were at the time of each question.
 */
@Service
public class PolicyPreview {

  static final int MAX_QUESTIONS = 20_000;
  static final int MAX_LISTED = 100;

  public enum Change {
    /** Was outside the person's authority; the draft would let them decide. */
    ESCALATION_REMOVED,
    /** Was theirs without advice; the draft asks for advice first. */
    ADVICE_NEWLY_NEEDED,
    /** Needed advice; the draft does not. */
    ADVICE_NO_LONGER_NEEDED,
    /** Was theirs to decide; the draft takes it away. */
    GRANT_LOST
  }

  public record ChangedAnswer(
      String source,
      Instant at,
      String person,
      String decisionType,
      Money amount,
      Verdict before,
      Verdict after,
      Change change) {}

  public record Impact(
      int months, int questions, Map<Change, Integer> counts, List<ChangedAnswer> changes) {
    public int changed() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private final List<PastQuestion.Source> sources;
  private final CurrentPolicy currentPolicy;
  private final AuthorityAdministration administration;
  private final Clock clock;
  private final LimitRaises raises;

  PolicyPreview(
      List<PastQuestion.Source> sources,
      CurrentPolicy currentPolicy,
      AuthorityAdministration administration,
      LimitRaises raises,
      Clock clock) {
    this.raises = raises;
    this.clock = clock;
    this.sources = sources;
    this.currentPolicy = currentPolicy;
    this.administration = administration;
  }

  /**
   * @param ruleId the rule the draft changes, or null for a new rule
   */
  public Impact preview(BatonUser actor, Long ruleId, RuleDraft draft, int months) {
    int span = Math.max(1, Math.min(months, 36));
    CurrentPolicy.Snapshot snapshot = currentPolicy.get();
    AuthorityRule drafted;
    List<AuthorityRule> rules = new ArrayList<>(snapshot.policy().rules());
    if (ruleId == null) {
      AuthorityAccess.makeRules(actor);
      drafted = draft.toRule(-1, 1, administration.typeOf(draft), false);
    } else {
      AuthorityRule current = administration.rule(ruleId).rule();
      AuthorityAccess.change(actor, current);
      drafted = draft.toRule(ruleId, current.version() + 1, administration.typeOf(draft), false);
      if (!AuthorityPermissions.mayPreview(actor, current, drafted)) {
        throw new InvalidInputException(
            "form",
            "Only an admin previews a change to another kind of decision or other holders; save"
                + " it as a proposal and an admin previews it.");
      }
      rules.removeIf(rule -> rule.id() == ruleId);
      if (!actor.isAdmin()) {
        // An owner sees the questions of her own rule only: its kind of decision, its holders.
        rules.add(drafted);
        return impact(actor, snapshot, rules, span, q -> concerns(current, q, snapshot));
      }
    }
    rules.add(drafted);
    return impact(actor, snapshot, rules, span, q -> true);
  }

  /**
   * What raising a person's limit for a decision type would have changed over the last months: the
   * raise as {@link LimitRaises} would make it, previewed by the owner of the rule that limits
   * them.
   */
  public Impact previewRaise(
      BatonUser actor, long personId, String decisionType, Money limit, int months) {
    int span = Math.max(1, Math.min(months, 36));
    CurrentPolicy.Snapshot snapshot = currentPolicy.get();
    LimitRaises.Standing standing =
        raises
            .standing(personId, decisionType)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "decisionType", "No rule gives this person a limit for this decision."));
    AuthorityAccess.raise(actor, standing);
    AuthorityRule basis =
        snapshot.policy().rules().stream()
            .filter(rule -> rule.id() == standing.ruleId())
            .findFirst()
            .orElseThrow();
    AuthorityRule giver =
        raises
            .givingStanding(actor.personId(), decisionType)
            .flatMap(
                giving ->
                    snapshot.policy().rules().stream()
                        .filter(rule -> rule.id() == giving.ruleId())
                        .findFirst())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "limit",
                        "You hold no limit for this decision yourself without conditions, so you"
                            + " cannot raise one."));
    List<AuthorityRule> rules = new ArrayList<>(snapshot.policy().rules());
    rules.add(
        raises.raisedRule(-1, 1, basis, giver, personId, decisionType, limit, actor.personId()));
    return impact(actor, snapshot, rules, span, q -> concerns(basis, q, snapshot));
  }

  /** Whether a past question is of the rule's kind of decision (or below) and by its holders. */
  private boolean concerns(AuthorityRule rule, PastQuestion q, CurrentPolicy.Snapshot snapshot) {
    PersonPosition position = snapshot.position(q.personId());
    return position != null
        && new DecisionTypeCode(q.decisionType()).selfAndAncestors().contains(rule.type().value())
        && rule.holder()
            .covers(position, clock.instant().atOffset(java.time.ZoneOffset.UTC).toLocalDate());
  }

  private Impact impact(
      BatonUser actor,
      CurrentPolicy.Snapshot snapshot,
      List<AuthorityRule> rules,
      int span,
      java.util.function.Predicate<PastQuestion> shown) {
    AuthorityPolicy proposed = new AuthorityPolicy(rules, snapshot.policy().delegations());
    AuthorityPolicy today = snapshot.policy();

    Map<Change, Integer> counts = new EnumMap<>(Change.class);
    for (Change change : Change.values()) {
      counts.put(change, 0);
    }
    List<ChangedAnswer> changes = new ArrayList<>();
    Instant since = clock.instant().minus(span * 31L, ChronoUnit.DAYS);
    List<PastQuestion> questions = new ArrayList<>();
    sources.forEach(source -> questions.addAll(source.since(since, MAX_QUESTIONS)));
    questions.removeIf(
        q ->
            !AuthorityPermissions.maySee(actor, q, snapshot.types().get(q.decisionType()))
                || !shown.test(q));
    for (PastQuestion q : questions) {
      PersonPosition position = snapshot.position(q.personId());
      if (position == null || snapshot.types().get(q.decisionType()) == null) {
        continue;
      }
      Verdict before = verdict(today, position, q, snapshot);
      Verdict after = verdict(proposed, position, q, snapshot);
      Change change = classify(before, after);
      if (change != null) {
        counts.merge(change, 1, Integer::sum);
        if (changes.size() < MAX_LISTED) {
          String name = snapshot.organisation().member(q.personId()).map(m -> m.name()).orElse("?");
          changes.add(
              new ChangedAnswer(
                  q.source(), q.at(), name, q.decisionType(), q.amount(), before, after, change));
        }
      }
    }
    return new Impact(span, questions.size(), counts, changes);
  }

  private static Verdict verdict(
      AuthorityPolicy policy, PersonPosition who, PastQuestion q, CurrentPolicy.Snapshot snapshot) {
    DecisionType type = snapshot.types().get(q.decisionType());
    try {
      return policy
          .evaluate(
              who,
              new DecisionTypeCode(q.decisionType()),
              type.carriesAmount() ? q.amount() : null,
              q.context(),
              q.at(),
              snapshot::position)
          .verdict();
    } catch (CurrencyMismatchException e) {
      return Verdict.OUTSIDE_AUTHORITY;
    }
  }

  static Change classify(Verdict before, Verdict after) {
    if (before == after) {
      return null;
    }
    if (before == Verdict.OUTSIDE_AUTHORITY) {
      return Change.ESCALATION_REMOVED;
    }
    if (after == Verdict.OUTSIDE_AUTHORITY) {
      return Change.GRANT_LOST;
    }
    return after == Verdict.NEEDS_ADVICE
        ? Change.ADVICE_NEWLY_NEEDED
        : Change.ADVICE_NO_LONGER_NEEDED;
  }
}
