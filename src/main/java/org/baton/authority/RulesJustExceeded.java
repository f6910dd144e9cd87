package org.baton.authority;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules whose limit checks most often just exceeded (by at most a quarter, {@link
 * Evaluation#JUST_ABOVE}): a limit set too low shows as people asking for a little more, again and
 * again. Candidates for a review of the rule or a delegation. Confidential kinds of decision are
 * left out: even a count of checks would tell that someone weighed one.
 */
@Service
public class RulesJustExceeded {

  /** A rule and how many checks just exceeded its limit in the period. */
  public record RuleJustExceeded(CheckResult.RuleRef rule, long checks) {}

  private final AuthorityRepository repository;
  private final CurrentPolicy currentPolicy;

  RulesJustExceeded(AuthorityRepository repository, CurrentPolicy currentPolicy) {
    this.repository = repository;
    this.currentPolicy = currentPolicy;
  }

  /**
   * The most often just-exceeded rules, most first.
   *
   * @param teams the askers' teams, or null for everyone
   * @param decisionType a kind of decision with the kinds below it, or null for all
   */
  @Transactional(readOnly = true)
  public List<RuleJustExceeded> mostOften(
      LocalDate from, LocalDate to, Collection<Long> teams, String decisionType, int limit) {
    CurrentPolicy.Snapshot snapshot = currentPolicy.get();
    List<String> secret =
        snapshot.types().values().stream()
            .filter(DecisionType::confidential)
            .map(DecisionType::code)
            .toList();
    java.util.Map<Long, AuthorityRule> rules = new java.util.HashMap<>();
    snapshot.policy().rules().forEach(r -> rules.put(r.id(), r));
    List<RuleJustExceeded> found = new ArrayList<>();
    repository.justExceededByRule(
        from,
        to,
        teams,
        decisionType,
        secret,
        (ruleId, checks) -> {
          AuthorityRule rule = rules.get(ruleId);
          if (found.size() < limit && rule != null && !rule.retired()) {
            found.add(
                new RuleJustExceeded(
                    Authority.ruleRef(rule, snapshot.organisation(), snapshot.roleNames()),
                    checks));
          }
        });
    return found;
  }
}
