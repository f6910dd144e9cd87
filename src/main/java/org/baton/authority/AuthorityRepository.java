package org.baton.authority;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ObjLongConsumer;
import org.baton.platform.Money;
import org.baton.platform.SqlFilters;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The authority tables: decision types, rule versions and delegations. */
@Repository
class AuthorityRepository {

  /** A stored rule version with who changed it, when and why. */
  record RuleVersion(AuthorityRule rule, String changedBy, Instant changedAt, String reason) {}

  private static final String RULE_COLUMNS =
      """
      v.rule_id, v.version, v.decision_type, v.holder_kind, v.holder_person_id, v.holder_team_id,
      v.holder_role_id, v.limit_amount, v.currency, v.advice_threshold, v.advice_perspectives, v.conditions,
      v.valid_from, v.valid_until, v.owner_person_id, v.retired, v.changed_by, v.changed_at,
      v.change_reason
      """;

  private final JdbcClient jdbc;

  AuthorityRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<DecisionType> types() {
    return jdbc.sql(
            "select code, name, description, carries_amount, confidential from decision_type"
                + " order by code")
        .query(DecisionType.class)
        .list();
  }

  Optional<DecisionType> type(String code) {
    return jdbc.sql(
            "select code, name, description, carries_amount, confidential from decision_type"
                + " where code = ?")
        .param(code)
        .query(DecisionType.class)
        .optional();
  }

  void saveType(DecisionType type) {
    jdbc.sql(
            """
            insert into decision_type (code, name, description, carries_amount, confidential)
            values (?, ?, ?, ?, ?)
            on conflict (code) do update
               set name = excluded.name, description = excluded.description,
                   carries_amount = excluded.carries_amount, confidential = excluded.confidential
            """)
        .params(
            type.code(), type.name(), type.description(), type.carriesAmount(), type.confidential())
        .update();
  }

  /** The current version of every rule, retired ones included. */
  List<RuleVersion> currentRules() {
    return jdbc.sql(
            "select "
                + RULE_COLUMNS
                + " from authority_rule r join authority_rule_version v"
                + " on v.rule_id = r.id and v.version = r.current_version order by r.id")
        .query(this::ruleVersion)
        .list();
  }

  List<RuleVersion> versions(long ruleId) {
    return jdbc.sql(
            "select "
                + RULE_COLUMNS
                + " from authority_rule_version v where v.rule_id = ?"
                + " order by v.version desc")
        .param(ruleId)
        .query(this::ruleVersion)
        .list();
  }

  Optional<RuleVersion> current(long ruleId) {
    return jdbc.sql(
            "select "
                + RULE_COLUMNS
                + " from authority_rule r join authority_rule_version v"
                + " on v.rule_id = r.id and v.version = r.current_version where r.id = ?")
        .param(ruleId)
        .query(this::ruleVersion)
        .optional();
  }

  long newRule() {
    return jdbc.sql("insert into authority_rule default values returning id")
        .query(Long.class)
        .single();
  }

  /** Locks the rule so that two changes at once cannot both become the same version. */
  int lockAndGetCurrentVersion(long ruleId) {
    return jdbc.sql("select current_version from authority_rule where id = ? for update")
        .param(ruleId)
        .query(Integer.class)
        .single();
  }

  void insertVersion(AuthorityRule rule, String changedBy, String reason) {
    jdbc.sql(
            """
            insert into authority_rule_version
              (rule_id, version, decision_type, holder_kind, holder_person_id, holder_team_id,
               holder_role_id, limit_amount, currency, advice_threshold, advice_perspectives,
               conditions, valid_from, valid_until, owner_person_id, retired, changed_by,
               change_reason)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            rule.id(),
            rule.version(),
            rule.type().value(),
            rule.holder().kind().name(),
            rule.holder().personId(),
            rule.holder().teamId(),
            rule.holder().roleId(),
            rule.limit() == null ? null : rule.limit().value(),
            rule.limit() == null ? null : rule.limit().currency(),
            rule.adviceThreshold(),
            rule.advicePerspectives().toArray(String[]::new),
            rule.conditions().stream().map(Condition::toString).toArray(String[]::new),
            rule.validFrom(),
            rule.validUntil(),
            rule.ownerPersonId(),
            rule.retired(),
            changedBy,
            reason)
        .update();
    jdbc.sql("update authority_rule set current_version = ? where id = ?")
        .params(rule.version(), rule.id())
        .update();
  }

  /** The delegations in force at a moment (the clock's, not the database's). */
  List<Delegation> activeDelegations(java.time.Instant at) {
    return jdbc.sql(
            "select * from delegation where revoked_at is null and valid_until > ?"
                + " order by id")
        .param(java.sql.Timestamp.from(at))
        .query(this::delegationRow)
        .list();
  }

  List<Delegation> delegationsInvolving(long personId) {
    return jdbc.sql(
            "select * from delegation where from_person_id = ? or to_person_id = ?"
                + " order by valid_until desc, id desc limit 100")
        .params(personId, personId)
        .query(this::delegationRow)
        .list();
  }

  Optional<Delegation> delegation(long id) {
    return jdbc.sql("select * from delegation where id = ?")
        .param(id)
        .query(this::delegationRow)
        .optional();
  }

  long insertDelegation(Delegation d, String reason) {
    return jdbc.sql(
            """
            insert into delegation (from_person_id, to_person_id, decision_type, limit_amount,
                                    currency, valid_from, valid_until, reason)
            values (?, ?, ?, ?, ?, ?, ?, ?) returning id
            """)
        .params(
            d.fromPersonId(),
            d.toPersonId(),
            d.type().value(),
            d.limit().value(),
            d.limit().currency(),
            Timestamp.from(d.validFrom()),
            Timestamp.from(d.validUntil()),
            reason)
        .query(Long.class)
        .single();
  }

  /** Why each delegation was given, as its delegator said. */
  java.util.Map<Long, String> delegationReasons(Collection<Long> ids) {
    java.util.Map<Long, String> reasons = new HashMap<>();
    if (ids.isEmpty()) {
      return reasons;
    }
    jdbc.sql("select id, reason from delegation where id = any (?)")
        .param(ids.toArray(Long[]::new))
        .query((RowCallbackHandler) rs -> reasons.put(rs.getLong(1), rs.getString(2)));
    return reasons;
  }

  void revokeDelegation(long id, java.time.Instant at) {
    jdbc.sql("update delegation set revoked_at = coalesce(revoked_at, ?) where id = ?")
        .params(java.sql.Timestamp.from(at), id)
        .update();
  }

  private RuleVersion ruleVersion(ResultSet rs, int n) throws SQLException {
    BigDecimal limit = rs.getBigDecimal("limit_amount");
    AuthorityRule rule =
        new AuthorityRule(
            rs.getLong("rule_id"),
            rs.getInt("version"),
            new DecisionTypeCode(rs.getString("decision_type")),
            new Holder(
                Holder.Kind.valueOf(rs.getString("holder_kind")),
                rs.getObject("holder_person_id", Long.class),
                rs.getObject("holder_team_id", Long.class),
                rs.getObject("holder_role_id", Long.class)),
            limit == null ? null : new Money(limit, rs.getString("currency")),
            rs.getBigDecimal("advice_threshold"),
            strings(rs.getArray("advice_perspectives")),
            strings(rs.getArray("conditions")).stream().map(Condition::parse).toList(),
            rs.getObject("valid_from", LocalDate.class),
            rs.getObject("valid_until", LocalDate.class),
            rs.getObject("owner_person_id", Long.class),
            rs.getBoolean("retired"));
    return new RuleVersion(
        rule,
        rs.getString("changed_by"),
        rs.getTimestamp("changed_at").toInstant(),
        rs.getString("change_reason"));
  }

  private Delegation delegationRow(ResultSet rs, int n) throws SQLException {
    return new Delegation(
        rs.getLong("id"),
        rs.getLong("from_person_id"),
        rs.getLong("to_person_id"),
        new DecisionTypeCode(rs.getString("decision_type")),
        new Money(rs.getBigDecimal("limit_amount"), rs.getString("currency")),
        rs.getTimestamp("valid_from").toInstant(),
        rs.getTimestamp("valid_until").toInstant(),
        rs.getTimestamp("revoked_at") != null);
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  /**
   * Checks that just exceeded each rule's limit in the period, by rule, most first: from the day
   * counts the check log keeps, leaving out the secret kinds of decision.
   *
   * @param teams the askers' teams, or null for everyone
   * @param decisionType a kind of decision with the kinds below it, or null for all
   * @param each called with a rule id and its count, in order
   */
  void justExceededByRule(
      LocalDate from,
      LocalDate to,
      Collection<Long> teams,
      String decisionType,
      Collection<String> secretTypes,
      ObjLongConsumer<Long> each) {
    StringBuilder sql =
        new StringBuilder(
            "select rule_id, sum(checks) from authority_rule_just_exceeded"
                + " where day between :from and :to");
    var params = new LinkedHashMap<String, Object>();
    params.put("from", Date.valueOf(from));
    params.put("to", Date.valueOf(to));
    if (teams != null) {
      sql.append(" and team_id = any (cast(:teams as bigint[]))");
      params.put("teams", teams.toArray(Long[]::new));
    }
    if (decisionType != null) {
      SqlFilters.kindWithKindsBelow(sql, params, "decision_type", decisionType);
    }
    sql.append(" and decision_type <> all (cast(:secret as text[]))");
    params.put("secret", secretTypes.toArray(String[]::new));
    sql.append(" group by rule_id order by 2 desc, 1");
    jdbc.sql(sql.toString())
        .params(params)
        .query((RowCallbackHandler) rs -> each.accept(rs.getLong(1), rs.getLong(2)));
  }

  /** How often the person checked each kind of decision since then (the check log). */
  Map<String, Integer> checksByType(long personId, Instant since) {
    Map<String, Integer> asked = new HashMap<>();
    jdbc.sql(
            """
            select decision_type, count(*) from authority_check_log
            where person_id = :person and checked_at >= :since
            group by decision_type
            """)
        .param("person", personId)
        .param("since", Timestamp.from(since))
        .query((RowCallbackHandler) rs -> asked.put(rs.getString(1), rs.getInt(2)));
    return asked;
  }

  /** Every rule version's and delegation's limit: two queries, for rebuilding records. */
  LimitRaises.Limits limits() {
    Map<Long, Map<Integer, Money>> rules = new HashMap<>();
    jdbc.sql(
            "select rule_id, version, limit_amount, currency from authority_rule_version"
                + " where limit_amount is not null")
        .query(
            (RowCallbackHandler)
                rs ->
                    rules
                        .computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                        .put(rs.getInt(2), new Money(rs.getBigDecimal(3), rs.getString(4))));
    Map<Long, Money> delegations = new HashMap<>();
    jdbc.sql("select id, limit_amount, currency from delegation")
        .query(
            (RowCallbackHandler)
                rs ->
                    delegations.put(
                        rs.getLong(1), new Money(rs.getBigDecimal(2), rs.getString(3))));
    return new LimitRaises.Limits(rules, delegations);
  }
}
