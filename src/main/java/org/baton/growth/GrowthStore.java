package org.baton.growth;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baton.platform.Money;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The growth tables: day buckets of each record, the near-limit share they were counted with,
 * suggestions.
 */
@Repository
class GrowthStore {

  /** One person's decisions of one type on one day. */
  record Key(long personId, String decisionType, LocalDate day) {}

  /**
   * The primary key's order, near enough: by person first, as the index; within a person the
   * database's collation may order some codes differently, which costs nothing that matters.
   */
  private static final java.util.Comparator<Key> KEY_ORDER =
      java.util.Comparator.comparingLong(Key::personId)
          .thenComparing(Key::decisionType)
          .thenComparing(Key::day);

  /** What a day adds to a record; mutable while a batch of entries is counted. */
  static final class Tally {
    int decisions;
    int nearLimit;
    int limited;
    double limitShareSum;
    int reversed;
    int superseded;
  }

  /** A record's sums for one decision type over a window. */
  record Sums(
      String decisionType,
      int decisions,
      int nearLimit,
      int limited,
      double limitShareSum,
      int reversed,
      int superseded) {

    /** The average share of the limit used, in percent; null without any limited decision. */
    Integer averageSharePercent() {
      return limited == 0 ? null : (int) Math.round(100 * limitShareSum / limited);
    }
  }

  private static final int CHUNK = 10_000;

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  GrowthStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** The near-limit share the records were counted with. */
  BigDecimal countedWith() {
    return jdbc.sql("select near_limit from growth_counted_with where id = 1")
        .query(BigDecimal.class)
        .single();
  }

  void countWith(BigDecimal nearLimit) {
    jdbc.sql("update growth_counted_with set near_limit = ? where id = 1")
        .param(nearLimit)
        .update();
  }

  /** Adds the tallies to the records, a chunk of days per statement. */
  void add(Map<Key, Tally> tallies) {
    write(
        tallies,
        """
        insert into growth_record as r
          (person_id, decision_type, day, decisions, near_limit, limited, limit_share_sum,
           reversed, superseded)
        select * from unnest(cast(:people as bigint[]), cast(:types as text[]),
                             cast(:days as date[]), cast(:decisions as int[]),
                             cast(:near as int[]), cast(:limited as int[]),
                             cast(:shares as double precision[]), cast(:reversed as int[]),
                             cast(:superseded as int[]))
        on conflict (person_id, decision_type, day) do update set
          decisions = r.decisions + excluded.decisions,
          near_limit = r.near_limit + excluded.near_limit,
          limited = r.limited + excluded.limited,
          limit_share_sum = r.limit_share_sum + excluded.limit_share_sum,
          reversed = r.reversed + excluded.reversed,
          superseded = r.superseded + excluded.superseded
        """);
  }

  /**
   * Replaces every record with these tallies: a rebuild writes a row per person, type and day of
   * the whole decision record, so it streams them with COPY rather than as statements, in the order
   * of the primary key, so that the index grows at its right edge instead of at random.
   */
  void replaceAll(Map<Key, Tally> tallies) {
    // Emptied at once rather than row by row; readers wait for the rebuild to commit.
    jdbc.sql("truncate growth_record").update();
    template.execute(
        (ConnectionCallback<Void>)
            connection -> {
              CopyIn copy =
                  connection
                      .unwrap(PGConnection.class)
                      .getCopyAPI()
                      .copyIn(
                          "copy growth_record (person_id, decision_type, day, decisions,"
                              + " near_limit, limited, limit_share_sum, reversed, superseded)"
                              + " from stdin");
              StringBuilder lines = new StringBuilder(1 << 17);
              List<Map.Entry<Key, Tally>> ordered = new ArrayList<>(tallies.entrySet());
              ordered.sort(Map.Entry.comparingByKey(KEY_ORDER));
              for (Map.Entry<Key, Tally> entry : ordered) {
                Key key = entry.getKey();
                Tally tally = entry.getValue();
                // decision type codes are lower-case words, digits, dots and dashes: nothing to
                // escape in COPY's text format
                lines
                    .append(key.personId())
                    .append('\t')
                    .append(key.decisionType())
                    .append('\t')
                    .append(key.day())
                    .append('\t')
                    .append(tally.decisions)
                    .append('\t')
                    .append(tally.nearLimit)
                    .append('\t')
                    .append(tally.limited)
                    .append('\t')
                    .append(tally.limitShareSum)
                    .append('\t')
                    .append(tally.reversed)
                    .append('\t')
                    .append(tally.superseded)
                    .append('\n');
                if (lines.length() > (1 << 16)) {
                  flush(copy, lines);
                }
              }
              flush(copy, lines);
              copy.endCopy();
              return null;
            });
  }

  private static void flush(CopyIn copy, StringBuilder lines) throws SQLException {
    byte[] bytes = lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    lines.setLength(0);
  }

  private void write(Map<Key, Tally> tallies, String sql) {
    List<Map.Entry<Key, Tally>> entries = new ArrayList<>(tallies.entrySet());
    for (int from = 0; from < entries.size(); from += CHUNK) {
      List<Map.Entry<Key, Tally>> chunk =
          entries.subList(from, Math.min(entries.size(), from + CHUNK));
      int n = chunk.size();
      Long[] people = new Long[n];
      String[] types = new String[n];
      String[] days = new String[n];
      Integer[] decisions = new Integer[n];
      Integer[] near = new Integer[n];
      Integer[] limited = new Integer[n];
      Double[] shares = new Double[n];
      Integer[] reversed = new Integer[n];
      Integer[] superseded = new Integer[n];
      for (int i = 0; i < n; i++) {
        Key key = chunk.get(i).getKey();
        Tally tally = chunk.get(i).getValue();
        people[i] = key.personId();
        types[i] = key.decisionType();
        days[i] = key.day().toString();
        decisions[i] = tally.decisions;
        near[i] = tally.nearLimit;
        limited[i] = tally.limited;
        shares[i] = tally.limitShareSum;
        reversed[i] = tally.reversed;
        superseded[i] = tally.superseded;
      }
      jdbc.sql(sql)
          .param("people", people)
          .param("types", types)
          .param("days", days)
          .param("decisions", decisions)
          .param("near", near)
          .param("limited", limited)
          .param("shares", shares)
          .param("reversed", reversed)
          .param("superseded", superseded)
          .update();
    }
  }

  /** A person's sums per decision type since a day (of the decisions made since then). */
  List<Sums> sums(long personId, LocalDate since) {
    return jdbc.sql(
            """
            select decision_type, sum(decisions), sum(near_limit), sum(limited),
                   sum(limit_share_sum), sum(reversed), sum(superseded)
            from growth_record where person_id = ? and day >= ?
            group by decision_type order by decision_type
            """)
        .params(personId, since)
        .query(
            (rs, n) ->
                new Sums(
                    rs.getString(1),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getInt(4),
                    rs.getDouble(5),
                    rs.getInt(6),
                    rs.getInt(7)))
        .list();
  }

  /** One person's sums for one decision type since a day. */
  Sums sums(long personId, String decisionType, LocalDate since) {
    return jdbc.sql(
            """
            select coalesce(sum(decisions), 0), coalesce(sum(near_limit), 0),
                   coalesce(sum(limited), 0), coalesce(sum(limit_share_sum), 0),
                   coalesce(sum(reversed), 0), coalesce(sum(superseded), 0)
            from growth_record where person_id = ? and decision_type = ? and day >= ?
            """)
        .params(personId, decisionType, since)
        .query(
            (rs, n) ->
                new Sums(
                    decisionType,
                    rs.getInt(1),
                    rs.getInt(2),
                    rs.getInt(3),
                    rs.getDouble(4),
                    rs.getInt(5),
                    rs.getInt(6)))
        .single();
  }

  // --- suggestions

  private static final String SUGGESTION = "select * from growth_suggestion s ";

  Optional<Row> suggestion(long id) {
    return jdbc.sql(SUGGESTION + "where id = ?").param(id).query(GrowthStore::row).optional();
  }

  Optional<Row> lockSuggestion(long id) {
    return jdbc.sql(SUGGESTION + "where id = ? for update")
        .param(id)
        .query(GrowthStore::row)
        .optional();
  }

  /** The suggestions an owner is asked to answer (deferred ones too), oldest first. */
  List<Row> waitingFor(long ownerPersonId) {
    return jdbc.sql(
            SUGGESTION
                + "where owner_person_id = ? and status in ('OPEN', 'DEFERRED')"
                + " order by created_at, id")
        .param(ownerPersonId)
        .query(GrowthStore::row)
        .list();
  }

  /** The latest suggestion per decision type about a person. */
  Map<String, Row> latestAbout(long personId) {
    Map<String, Row> latest = new HashMap<>();
    jdbc.sql(
            "select distinct on (decision_type) * from growth_suggestion where person_id = ?"
                + " order by decision_type, created_at desc, id desc")
        .param(personId)
        .query((RowCallbackHandler) rs -> latest.put(rs.getString("decision_type"), row(rs, 0)));
    return latest;
  }

  /** The latest suggestion about a person and type, if any. */
  Optional<Row> latest(long personId, String decisionType) {
    return jdbc.sql(
            SUGGESTION
                + "where person_id = ? and decision_type = ? order by created_at desc, id desc"
                + " limit 1")
        .params(personId, decisionType)
        .query(GrowthStore::row)
        .optional();
  }

  long insert(Row row) {
    return jdbc.sql(
            """
            insert into growth_suggestion
              (person_id, decision_type, rule_id, rule_version, owner_person_id, current_limit,
               proposed_limit, currency, record, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (person_id, decision_type) where status in ('OPEN', 'DEFERRED') do nothing
            returning id
            """)
        .params(
            row.personId(),
            row.decisionType(),
            row.ruleId(),
            row.ruleVersion(),
            row.ownerPersonId(),
            row.currentLimit().value(),
            row.proposedLimit().value(),
            row.currentLimit().currency(),
            row.record(),
            Timestamp.from(row.createdAt()))
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  void answer(
      long id,
      GrowthSuggestion.Status status,
      LocalDate deferredUntil,
      Instant at,
      long by,
      String answer,
      Long raisedRuleId,
      BigDecimal raisedLimit) {
    jdbc.sql(
            """
            update growth_suggestion set status = ?, deferred_until = ?, answered_at = ?,
              answered_by_person_id = ?, answer = ?, raised_rule_id = ?, raised_limit = ?,
              deferral_note = case when ? then ? else deferral_note end
            where id = ?
            """)
        .params(
            status.name(),
            deferredUntil,
            Timestamp.from(at),
            by,
            answer,
            raisedRuleId,
            raisedLimit,
            status == GrowthSuggestion.Status.DEFERRED,
            answer,
            id)
        .update();
  }

  /** A suggestion as stored; named by {@link GrowthSuggestions}. */
  record Row(
      long id,
      long personId,
      String decisionType,
      long ruleId,
      int ruleVersion,
      long ownerPersonId,
      Money currentLimit,
      Money proposedLimit,
      String record,
      GrowthSuggestion.Status status,
      Instant createdAt,
      LocalDate deferredUntil,
      Instant answeredAt,
      String answer,
      Long raisedRuleId,
      Money raisedLimit,
      String deferralNote) {}

  private static Row row(ResultSet rs, int n) throws SQLException {
    String currency = rs.getString("currency");
    Timestamp answered = rs.getTimestamp("answered_at");
    java.sql.Date deferred = rs.getDate("deferred_until");
    BigDecimal raised = rs.getBigDecimal("raised_limit");
    return new Row(
        rs.getLong("id"),
        rs.getLong("person_id"),
        rs.getString("decision_type"),
        rs.getLong("rule_id"),
        rs.getInt("rule_version"),
        rs.getLong("owner_person_id"),
        new Money(rs.getBigDecimal("current_limit"), currency),
        new Money(rs.getBigDecimal("proposed_limit"), currency),
        rs.getString("record"),
        GrowthSuggestion.Status.valueOf(rs.getString("status")),
        rs.getTimestamp("created_at").toInstant(),
        deferred == null ? null : deferred.toLocalDate(),
        answered == null ? null : answered.toInstant(),
        rs.getString("answer"),
        rs.getObject("raised_rule_id", Long.class),
        raised == null ? null : new Money(raised, currency),
        rs.getString("deferral_note"));
  }
}
