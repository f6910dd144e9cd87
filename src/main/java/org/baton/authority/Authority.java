package org.baton.authority;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.directory.Organisation;
import org.baton.directory.Team;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;
import org.springframework.stereotype.Service;

/**
 * "May I decide this?" for people, and for other systems asking on someone's behalf. Answers from
 * the in-memory policy; the database is only written to, later, by the check log.
 */
@Service
public class Authority {

  static final int MAX_HOLDERS = 5;
  static final int MAX_ADVISERS = 3;
  static final int MAX_CONTEXT = 20;

  private final CurrentPolicy currentPolicy;
  private final CheckLogStore checkLog;
  private final Clock clock;

  Authority(CurrentPolicy currentPolicy, CheckLogStore checkLog, Clock clock) {
    this.clock = clock;
    this.currentPolicy = currentPolicy;
    this.checkLog = checkLog;
  }

  /** Whether decisions of this type are confidential; an unknown type counts as confidential. */
  public boolean isConfidential(String decisionType) {
    DecisionType type = currentPolicy.get().types().get(decisionType);
    return type == null || type.confidential();
  }

  /** Whether this kind of decision is in the catalogue. */
  public boolean isKnownType(String decisionType) {
    return decisionType != null && currentPolicy.get().types().containsKey(decisionType);
  }

  /** Checks for the acting person, or for another person if the actor may ask for others. */
  public CheckResult check(BatonUser actor, CheckQuestion question) {
    AuthorityAccess.checkFor(actor, question.personId());
    Outcome outcome = outcome(question, clock.instant());
    checkLog.record(question, outcome.result(), outcome.justExceeded(), outcome.teamId());
    return outcome.result();
  }

  /**
   * The same answer as {@link #check}, not logged: for reading an answer (a page opened from a
   * link), which must not write.
   */
  public CheckResult answer(BatonUser actor, CheckQuestion question) {
    AuthorityAccess.checkFor(actor, question.personId());
    return evaluate(question, clock.instant());
  }

  /** The same check without permission or log, for recording decisions and previews. */
  public CheckResult evaluate(CheckQuestion question, Instant at) {
    return outcome(question, at).result();
  }

  /**
   * An answer with what the check log keeps beside it: the rule whose limit the amount just
   * exceeded (or null) and the asker's team (or null).
   */
  private record Outcome(CheckResult result, AuthorityRule justExceeded, Long teamId) {}

  private Outcome outcome(CheckQuestion question, Instant at) {
    CurrentPolicy.Snapshot snapshot = currentPolicy.get();
    DecisionType type = validate(question, snapshot);
    Organisation org = snapshot.organisation();
    PersonPosition position = snapshot.position(question.personId());
    Evaluation evaluation;
    try {
      evaluation =
          snapshot
              .policy()
              .evaluate(
                  position,
                  new DecisionTypeCode(type.code()),
                  type.carriesAmount() ? question.amount() : null,
                  question.context(),
                  at,
                  snapshot::position);
    } catch (CurrencyMismatchException e) {
      throw new InvalidInputException("amount.currency", e.getMessage());
    }
    long asker = question.personId();
    CheckResult.PersonRef person = ref(org, asker, asker);
    List<CheckResult.PerspectiveAdvisers> advisers =
        evaluation.requiredPerspectives().stream()
            .map(code -> new CheckResult.PerspectiveAdvisers(code, advisers(org, asker, code)))
            .toList();
    List<CheckResult.PersonRef> holders =
        evaluation.verdict() == Verdict.OUTSIDE_AUTHORITY
            ? holders(snapshot, type, question, at)
            : List.of();
    Grant grant = evaluation.grant();
    CheckResult.RuleRef rule =
        grant == null ? null : ruleRef(grant.basis(), org, snapshot.roleNames());
    CheckResult.DelegationRef delegation =
        grant == null || grant.delegation() == null
            ? null
            : new CheckResult.DelegationRef(
                grant.delegation().id(),
                ref(org, asker, grant.delegation().fromPersonId()),
                grant.limit(),
                grant.delegation().validUntil());
    Money amount = type.carriesAmount() ? question.amount() : null;
    CheckResult result =
        new CheckResult(
            evaluation.verdict(),
            Explanations.explain(
                evaluation,
                type,
                amount,
                rule,
                delegation,
                holders,
                code -> {
                  DecisionType named = snapshot.types().get(code);
                  return named == null ? code : named.name();
                }),
            person,
            new CheckResult.TypeRef(type.code(), type.name(), type.confidential()),
            amount,
            rule,
            delegation,
            advisers,
            holders,
            evaluation.nearestLimit(),
            at,
            question.context() == null ? java.util.Map.of() : question.context());
    return new Outcome(
        result,
        evaluation.justExceeded(amount),
        org.member(asker).map(Organisation.Member::teamId).orElse(null));
  }

  private static DecisionType validate(CheckQuestion question, CurrentPolicy.Snapshot snapshot) {
    List<FieldProblem> problems = new ArrayList<>();
    DecisionType type = snapshot.types().get(question.decisionType());
    if (type == null) {
      problems.add(new FieldProblem("decisionType", "There is no decision type with this code."));
    } else if (type.carriesAmount() && question.amount() == null) {
      problems.add(new FieldProblem("amount", "This kind of decision needs an amount."));
    }
    if (snapshot.organisation().member(question.personId()).isEmpty()) {
      problems.add(new FieldProblem("person", "There is nobody with this id or e-mail address."));
    }
    if (question.context().size() > MAX_CONTEXT) {
      problems.add(new FieldProblem("context", "At most " + MAX_CONTEXT + " context attributes."));
    }
    for (Map.Entry<String, String> entry : question.context().entrySet()) {
      if (entry.getKey().isBlank() || entry.getKey().length() > 100) {
        problems.add(new FieldProblem("context", "An attribute name is empty or too long."));
      } else if (entry.getValue() == null || entry.getValue().length() > 200) {
        problems.add(
            new FieldProblem("context." + entry.getKey(), TextRules.tooLong(TextLimits.NAME)));
      } else if (hasControlCharacter(entry.getKey()) || hasControlCharacter(entry.getValue())) {
        problems.add(
            new FieldProblem("context." + entry.getKey(), "Remove the control characters."));
      }
    }
    InvalidInputException.throwIfAny(problems);
    return type;
  }

  private static boolean hasControlCharacter(String text) {
    return text.chars().anyMatch(c -> c < 0x20 && c != '\t');
  }

  /** Active people who would be within authority for this decision, nearest to the asker first. */
  private static List<CheckResult.PersonRef> holders(
      CurrentPolicy.Snapshot snapshot, DecisionType type, CheckQuestion question, Instant at) {
    Organisation org = snapshot.organisation();
    DecisionTypeCode code = new DecisionTypeCode(type.code());
    Set<Organisation.Member> candidates = new LinkedHashSet<>();
    for (AuthorityRule rule : snapshot.policy().rules()) {
      if (!rule.retired() && code.selfAndAncestors().contains(rule.type().value())) {
        candidates.addAll(holdersOf(rule.holder(), snapshot));
      }
    }
    List<CheckResult.PersonRef> holders = new ArrayList<>();
    for (Organisation.Member member : org.nearestFirst(question.personId(), candidates)) {
      if (holders.size() == MAX_HOLDERS) {
        break;
      }
      if (member.id() == question.personId() || !member.active()) {
        continue;
      }
      Evaluation theirs =
          snapshot
              .policy()
              .evaluate(
                  snapshot.position(member.id()),
                  code,
                  type.carriesAmount() ? question.amount() : null,
                  question.context(),
                  at,
                  snapshot::position);
      if (theirs.verdict() != Verdict.OUTSIDE_AUTHORITY) {
        holders.add(ref(org, question.personId(), member.id()));
      }
    }
    return holders;
  }

  /** Everyone a holder stands for; "everyone" is left out, as it names nobody in particular. */
  private static List<Organisation.Member> holdersOf(
      Holder holder, CurrentPolicy.Snapshot snapshot) {
    Organisation org = snapshot.organisation();
    return switch (holder.kind()) {
      case PERSON -> org.member(holder.personId()).stream().toList();
      case TEAM -> org.activeMembersOf(holder.teamId());
      case TEAM_AND_SUBTEAMS -> org.activeMembersOfSubtree(holder.teamId());
      case TEAM_LEADER ->
          org.tree().team(holder.teamId()).map(Team::leaderId).flatMap(org::member).stream()
              .toList();
      case EVERYONE -> List.of();
      case ROLE ->
          snapshot.holdersOfRole(holder.roleId()).stream()
              .flatMap(id -> org.member(id).stream())
              .toList();
    };
  }

  private static List<CheckResult.PersonRef> advisers(Organisation org, long asker, String code) {
    return org.nearestFirst(asker, org.activeWithPerspective(code)).stream()
        .filter(member -> member.id() != asker)
        .limit(MAX_ADVISERS)
        .map(member -> ref(org, asker, member.id()))
        .toList();
  }

  static CheckResult.PersonRef ref(Organisation org, long from, long personId) {
    return org.member(personId)
        .map(
            m ->
                new CheckResult.PersonRef(
                    m.id(),
                    m.name(),
                    m.teamId() == null
                        ? null
                        : org.tree().team(m.teamId()).map(Team::name).orElse(null),
                    from == personId ? null : distanceOrNull(org.distance(from, personId))))
        .orElse(new CheckResult.PersonRef(personId, "person " + personId, null, null));
  }

  private static Integer distanceOrNull(int distance) {
    return distance == Integer.MAX_VALUE ? null : distance;
  }

  static CheckResult.RuleRef ruleRef(
      AuthorityRule rule, Organisation org, Map<Long, String> roleNames) {
    return new CheckResult.RuleRef(
        rule.id(),
        rule.version(),
        rule.type().value(),
        Explanations.describe(rule.holder(), org, roleNames),
        rule.holder().roleId() == null ? null : Explanations.roleName(rule.holder(), roleNames),
        rule.limit(),
        rule.adviceThreshold(),
        rule.advicePerspectives(),
        rule.conditions().stream().map(Condition::toString).toList());
  }
}
