package org.baton.authority;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;
  private final CurrentPolicy currentPolicy;

  RulesJustExceeded(JdbcClient jdbc, CurrentPolicy currentPolicy) {
    this.jdbc = jdbc;
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
    StringBuilder sql =
        new StringBuilder(
            "select rule_id, sum(checks) from authority_rule_just_exceeded"
                + " where day between :from and :to");
    var params = new java.util.LinkedHashMap<String, Object>();
    params.put("from", Date.valueOf(from));
    params.put("to", Date.valueOf(to));
    if (teams != null) {
      sql.append(" and team_id = any (cast(:teams as bigint[]))");
      params.put("teams", teams.toArray(Long[]::new));
    }
    if (decisionType != null) {
      sql.append(" and (decision_type = :type or decision_type like :below)");
      params.put("type", decisionType);
      params.put("below", decisionType + ".%");
    }
    sql.append(" and decision_type <> all (cast(:secret as text[]))");
    params.put(
        "secret",
        snapshot.types().values().stream()
            .filter(DecisionType::confidential)
            .map(DecisionType::code)
            .toArray(String[]::new));
    sql.append(" group by rule_id order by 2 desc, 1");
    java.util.Map<Long, AuthorityRule> rules = new java.util.HashMap<>();
    snapshot.policy().rules().forEach(r -> rules.put(r.id(), r));
    List<RuleJustExceeded> found = new ArrayList<>();
    jdbc.sql(sql.toString())
        .params(params)
        .query(
            rs -> {
              AuthorityRule rule = rules.get(rs.getLong(1));
              if (found.size() < limit && rule != null && !rule.retired()) {
                found.add(
                    new RuleJustExceeded(
                        Authority.ruleRef(rule, snapshot.organisation(), snapshot.roleNames()),
                        rs.getLong(2)));
              }
            });
    return found;
  }
}
