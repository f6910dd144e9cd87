package org.baton.authority;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Proposed changes to rules: the {@code authority_rule_change} table. */
@Repository
class RuleChangeRepository {

  private static final String SELECT =
      """
      select c.id, c.rule_id, c.base_version, c.draft::text as draft, c.retire, c.widenings,
             c.proposed_by_person_id, c.proposed_by, c.proposed_at, c.status,
             c.answered_by, c.answered_at, c.answer
        from authority_rule_change c
      """;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  RuleChangeRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long insert(
      long ruleId,
      int baseVersion,
      RuleDraft draft,
      boolean retire,
      List<String> widenings,
      long proposer,
      String proposerName,
      Instant at) {
    return jdbc.sql(
            """
            insert into authority_rule_change
              (rule_id, base_version, draft, retire, widenings, proposed_by_person_id,
               proposed_by, proposed_at)
            values (?, ?, ?::jsonb, ?, ?, ?, ?, ?) returning id
            """)
        .params(
            ruleId,
            baseVersion,
            json.writeValueAsString(draft),
            retire,
            widenings.toArray(String[]::new),
            proposer,
            proposerName,
            Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  Optional<RuleChange> find(long id) {
    return jdbc.sql(SELECT + " where c.id = ?").param(id).query(this::row).optional();
  }

  /** The change, locked until the transaction ends, so that two admins cannot both answer it. */
  Optional<RuleChange> lock(long id) {
    return jdbc.sql(SELECT + " where c.id = ? for update of c")
        .param(id)
        .query(this::row)
        .optional();
  }

  List<RuleChange> open(int limit) {
    return jdbc.sql(SELECT + " where c.status = 'PROPOSED' order by c.proposed_at desc limit ?")
        .param(limit)
        .query(this::row)
        .list();
  }

  List<RuleChange> byProposer(long personId, int limit) {
    return jdbc.sql(
            SELECT + " where c.proposed_by_person_id = ? order by c.proposed_at desc limit ?")
        .params(personId, limit)
        .query(this::row)
        .list();
  }

  List<RuleChange> forRule(long ruleId, int limit) {
    return jdbc.sql(SELECT + " where c.rule_id = ? order by c.proposed_at desc limit ?")
        .params(ruleId, limit)
        .query(this::row)
        .list();
  }

  void answer(long id, RuleChange.Status status, String by, Instant at, String answer) {
    jdbc.sql(
            "update authority_rule_change set status = ?, answered_by = ?, answered_at = ?,"
                + " answer = ? where id = ? and status = 'PROPOSED'")
        .params(status.name(), by, Timestamp.from(at), answer, id)
        .update();
  }

  private RuleChange row(ResultSet rs, int n) throws SQLException {
    Timestamp answered = rs.getTimestamp("answered_at");
    return new RuleChange(
        rs.getLong("id"),
        rs.getLong("rule_id"),
        rs.getInt("base_version"),
        json.readValue(rs.getString("draft"), RuleDraft.class),
        rs.getBoolean("retire"),
        Arrays.asList((String[]) rs.getArray("widenings").getArray()),
        rs.getLong("proposed_by_person_id"),
        rs.getString("proposed_by"),
        rs.getTimestamp("proposed_at").toInstant(),
        RuleChange.Status.valueOf(rs.getString("status")),
        rs.getString("answered_by"),
        answered == null ? null : answered.toInstant(),
        rs.getString("answer"));
  }
}
