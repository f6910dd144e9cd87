package org.baton.decisions;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.baton.platform.CanonicalJson;
import org.baton.platform.KeyedPage;
import org.baton.platform.PageKey;
import org.baton.platform.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class DecisionRepository {

  /** Who is looking: confidential entries are shown only to those involved and to admins. */
  record Viewer(Long personId, boolean admin) {}

  /** Which decisions a list shows. */
  record Filter(Scope scope, List<Long> teamMemberIds, String typePrefix, String verdict) {
    enum Scope {
      MINE,
      TEAM,
      ALL
    }
  }

  private static final String VISIBLE =
      " (not d.confidential or ? or d.decider_person_id = ? or d.requested_by_person_id = ?"
          + " or ? = any (d.visible_to)) ";

  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.JdbcTemplate template;
  private final JsonMapper json;

  DecisionRepository(
      JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, JsonMapper json) {
    this.jdbc = jdbc;
    this.template = template;
    this.json = json;
  }

  boolean isEmpty() {
    return jdbc.sql("select not exists (select 1 from decision)").query(Boolean.class).single();
  }

  /** The chain's last entry: its position and hash. */
  record Head(long seq, String hash) {}

  /** The locked head, and ids for the entries about to be appended. */
  record Locked(Head head, List<Long> ids) {}

  /**
   * Locks the chain's head row until the transaction ends (appends happen one batch at a time) and
   * takes {@code count} ids from the sequence, in one round trip.
   */
  Locked lockHeadAndTakeIds(int count) {
    return jdbc.sql(
            """
            select seq, hash,
                   array(select nextval(pg_get_serial_sequence('decision', 'id'))
                           from generate_series(1, ?)) as ids
              from decision_chain_head where id = 1 for update
            """)
        .param(count)
        .query(
            (rs, n) ->
                new Locked(
                    new Head(rs.getLong(1), rs.getString(2)),
                    Arrays.asList((Long[]) rs.getArray(3).getArray())))
        .single();
  }

  Head readHead() {
    return jdbc.sql("select seq, hash from decision_chain_head where id = 1")
        .query(Head.class)
        .single();
  }

  private static final String TYPED_ROW =
      "(?::bigint, ?::text, ?::bigint, ?::timestamptz, ?::bigint, ?::bigint, ?::text, ?::text,"
          + " ?::text, ?::numeric, ?::text, ?::text, ?::bigint[], ?::date, ?::text, ?::bigint,"
          + " ?::int, ?::bigint, ?::text, ?::text, ?::boolean, ?::bigint[], ?::text, ?::text,"
          + " ?::text, ?::text[], ?::text[], ?::bigint)";

  /**
   * Inserts entries placed after {@code from} and moves the head to {@code to}, in one statement
   * (committed on its own), but only if the head is still {@code from}: empty when another writer
   * moved it first, and then nothing was written. Returns the new ids in order.
   */
  Optional<List<Long>> appendIfHeadIs(Head from, List<Decision> placed, Head to) {
    String sql =
        "with moved as (update decision_chain_head set seq = ?, hash = ?"
            + " where id = 1 and seq = ? and hash = ? returning 1),"
            + " inserted as (insert into decision (seq, kind, refers_to, decided_at,"
            + " decider_person_id, requested_by_person_id, decision_type, title, reason, amount,"
            + " currency, context, affected_team_ids, follow_up_on, verdict, rule_id, rule_version,"
            + " delegation_id, authority, advice_considered, confidential, visible_to, prev_hash,"
            + " hash, decider_account, learnings_shown, learnings_acknowledged, priority_id)"
            + " select * from (values "
            + String.join(", ", java.util.Collections.nCopies(placed.size(), TYPED_ROW))
            + ") as v where exists (select 1 from moved) returning id, seq)"
            + " select id from inserted order by seq";
    List<Object> params = new ArrayList<>(List.of(to.seq(), to.hash(), from.seq(), from.hash()));
    for (Decision d : placed) {
      Object[] columns = columns(d);
      params.addAll(Arrays.asList(columns).subList(1, columns.length)); // all but the id
    }
    List<Long> ids = jdbc.sql(sql).params(params).query(Long.class).list();
    return ids.size() == placed.size() ? Optional.of(ids) : Optional.empty();
  }

  /**
   * Inserts entries already placed in the chain and moves the head to the last of them, in one
   * statement and one round trip.
   */
  void insertAndMoveHead(List<Decision> placed, Head head) {
    if (placed.isEmpty()) {
      moveHead(head);
      return;
    }
    String row = "(" + String.join(", ", java.util.Collections.nCopies(COLUMNS, "?")) + ")";
    String sql =
        "with inserted as (insert into decision ("
            + INSERT_COLUMNS
            + ") values "
            + String.join(", ", java.util.Collections.nCopies(placed.size(), row))
            + " returning 1) update decision_chain_head set seq = ?, hash = ?"
            + " where id = 1 and (select count(*) from inserted) = ?";
    List<Object> params = new ArrayList<>();
    placed.forEach(d -> params.addAll(Arrays.asList(columns(d))));
    params.add(head.seq());
    params.add(head.hash());
    params.add(placed.size());
    if (jdbc.sql(sql).params(params).update() != 1) {
      throw new IllegalStateException("The chain head did not move with the inserted entries.");
    }
  }

  void moveHead(Head head) {
    jdbc.sql("update decision_chain_head set seq = ?, hash = ? where id = 1")
        .params(head.seq(), head.hash())
        .update();
  }

  private static final String INSERT_COLUMNS =
      "id, seq, kind, refers_to, decided_at, decider_person_id, requested_by_person_id,"
          + " decision_type, title, reason, amount, currency, context, affected_team_ids,"
          + " follow_up_on, verdict, rule_id, rule_version, delegation_id, authority,"
          + " advice_considered, confidential, visible_to, prev_hash, hash, decider_account,"
          + " learnings_shown, learnings_acknowledged, priority_id";
  private static final int COLUMNS = 29;
  private static final String INSERT =
      "insert into decision ("
          + INSERT_COLUMNS
          + ") values ("
          + String.join(", ", java.util.Collections.nCopies(COLUMNS, "?"))
          + ")";

  /** Inserts entries already placed in the chain (ids, seqs and hashes set), in one batch. */
  void insertAll(List<Decision> placed) {
    if (placed.isEmpty()) {
      return;
    }
    template.batchUpdate(INSERT, placed.stream().map(DecisionRepository::columns).toList());
  }

  private static Object[] columns(Decision d) {
    return new Object[] {
      d.id(),
      d.seq(),
      d.kind().name(),
      d.refersTo(),
      Timestamp.from(d.decidedAt()),
      d.deciderPersonId(),
      d.requestedByPersonId(),
      d.decisionType(),
      d.title(),
      d.reason(),
      d.amount(),
      d.currency(),
      CanonicalJson.stringMap(d.context()),
      d.affectedTeamIds().toArray(Long[]::new),
      d.followUpOn() == null ? null : Date.valueOf(d.followUpOn()),
      d.verdict(),
      d.ruleId(),
      d.ruleVersion(),
      d.delegationId(),
      d.authority(),
      d.adviceConsidered(),
      d.confidential(),
      d.visibleTo().toArray(Long[]::new),
      d.prevHash(),
      d.hash(),
      d.deciderAccount(),
      d.learningsShown().toArray(String[]::new),
      d.learningsAcknowledged().toArray(String[]::new),
      d.priorityId()
    };
  }

  Optional<Boolean> confidential(long id) {
    return jdbc.sql("select confidential from decision where id = ?")
        .param(id)
        .query(Boolean.class)
        .optional();
  }

  List<DecisionRecord.Appended> appendedAfter(long seq, int limit) {
    return jdbc.sql(
            "select id, seq, kind, refers_to, decider_person_id, requested_by_person_id,"
                + " decision_type, confidential, decided_at, priority_id,"
                + " cardinality(learnings_shown), cardinality(learnings_acknowledged)"
                + " from decision where seq > ?"
                + " order by seq limit ?")
        .params(seq, limit)
        .query(
            (rs, n) ->
                new DecisionRecord.Appended(
                    rs.getLong(1),
                    rs.getLong(2),
                    Decision.Kind.valueOf(rs.getString(3)),
                    rs.getObject(4, Long.class),
                    rs.getObject(5, Long.class),
                    rs.getObject(6, Long.class),
                    rs.getString(7),
                    rs.getBoolean(8),
                    rs.getTimestamp(9).toInstant(),
                    rs.getObject(10, Long.class),
                    rs.getInt(11),
                    rs.getInt(12)))
        .list();
  }

  // What a reversal or supersession undoes is looked up for those entries only (about one in a
  // hundred): a join would match the whole record against itself to find them.
  private static final String OUTCOMES =
      """
      select d.seq, d.kind, d.decided_at, d.decider_person_id, d.decision_type, d.amount,
             d.currency, d.verdict, d.rule_id, d.rule_version, d.delegation_id,
             case when d.refers_to is not null then
               (select o.decider_person_id from decision o where o.id = d.refers_to)
             end as original_decider,
             case when d.refers_to is not null then
               (select o.decided_at from decision o where o.id = d.refers_to)
             end as original_decided_at
        from decision d
      """;

  List<DecisionRecord.Outcome> outcomesAfter(long seq, int limit) {
    return jdbc.sql(OUTCOMES + " where d.seq > ? order by d.seq limit ?")
        .params(seq, limit)
        .query((rs, n) -> outcome(rs))
        .list();
  }

  void forEachOutcome(Consumer<DecisionRecord.Outcome> consumer) {
    jdbc.sql(OUTCOMES + " order by d.seq")
        .withFetchSize(5_000)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(outcome(rs)));
  }

  private static DecisionRecord.Outcome outcome(ResultSet rs) throws SQLException {
    java.sql.Timestamp original = rs.getTimestamp(13);
    return new DecisionRecord.Outcome(
        rs.getLong(1),
        Decision.Kind.valueOf(rs.getString(2)),
        rs.getTimestamp(3).toInstant(),
        rs.getObject(4, Long.class),
        rs.getString(5),
        rs.getBigDecimal(6),
        rs.getString(7),
        rs.getString(8),
        rs.getObject(9, Long.class),
        rs.getObject(10, Integer.class),
        rs.getObject(11, Long.class),
        rs.getObject(12, Long.class),
        original == null ? null : original.toInstant());
  }

  Map<Long, String> typesOfOwn(long decider, java.util.Collection<Long> ids) {
    Map<Long, String> types = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return types;
    }
    jdbc.sql(
            "select id, decision_type from decision where kind <> 'REVERSAL'"
                + " and decider_person_id = :decider and id = any(cast(:ids as bigint[]))")
        .param("decider", decider)
        .param("ids", ids.toArray(Long[]::new))
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> types.put(rs.getLong(1), rs.getString(2)));
    return types;
  }

  Optional<Decision> find(long id, Viewer viewer) {
    return jdbc.sql("select * from decision d where d.id = ? and" + VISIBLE)
        .params(visibleParams(List.of(id), viewer))
        .query(this::row)
        .optional();
  }

  /**
   * The decisions that name a priority and stand (not reversed), newest first, as the viewer may
   * see them; at most 200, like the initiatives beside them.
   */
  List<Decision> servingPriority(long priorityId, Viewer viewer) {
    return jdbc.sql(
            "select * from decision d where d.priority_id = ? and"
                + VISIBLE
                + "and not exists (select 1 from decision r where r.refers_to = d.id"
                + " and r.kind = 'REVERSAL') order by d.decided_at desc limit 200")
        .params(visibleParams(List.of(priorityId), viewer))
        .query(this::row)
        .list();
  }

  /** Non-confidential decisions since then, newest first (by the decided_at index). */
  List<DecisionRecord.Recorded> openDecisionsSince(Instant since, int limit) {
    return jdbc.sql(
            "select id, decider_person_id, title, decided_at from decision"
                + " where decided_at >= ? and kind <> 'REVERSAL' and not confidential"
                + " and decider_person_id is not null order by decided_at desc limit ?")
        .params(Timestamp.from(since), limit)
        .query(
            (rs, n) ->
                new DecisionRecord.Recorded(
                    rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
        .list();
  }

  /** Entries that reverse or supersede this one. */
  List<Decision> followUps(long id, Viewer viewer) {
    return jdbc.sql("select * from decision d where d.refers_to = ? and" + VISIBLE + "order by seq")
        .params(visibleParams(List.of(id), viewer))
        .query(this::row)
        .list();
  }

  /**
   * A page of the record, newest first, read by key: after the entry whose sequence number the key
   * holds (the primary key's order), so that a late page costs what the first does.
   */
  KeyedPage<Decision> list(Filter filter, Viewer viewer, PageKey after, int size) {
    // what narrows every scope: the kind of decision, the verdict, the key
    StringBuilder narrow = new StringBuilder();
    List<Object> narrowParams = new ArrayList<>();
    if (filter.typePrefix() != null && !filter.typePrefix().isBlank()) {
      narrow.append(" and (d.decision_type = ? or d.decision_type like ?)");
      narrowParams.add(filter.typePrefix());
      narrowParams.add(filter.typePrefix().replace("%", "").replace("_", "\\_") + ".%");
    }
    if (filter.verdict() != null && !filter.verdict().isBlank()) {
      narrow.append(" and d.verdict = ?");
      narrowParams.add(filter.verdict());
    }
    if (after != null) {
      narrow.append(" and d.seq < ?");
      narrowParams.add(after.number(0));
    }
    List<Object> params = new ArrayList<>();
    String sql;
    if (filter.scope() == Filter.Scope.MINE) {
      // Decided or requested by me: two index-ordered reads, each at most a page long, so that a
      // person with a long record reads a page, not all of it. One's own entries are all visible.
      long me = viewer.personId() == null ? -1L : viewer.personId();
      String branch =
          "(select d.seq from decision d where d.%s = ?" + narrow + " order by d.seq desc limit ?)";
      sql =
          "select * from decision d where d.seq in ("
              + branch.formatted("decider_person_id")
              + " union "
              + branch.formatted("requested_by_person_id")
              + ") order by d.seq desc limit ?";
      for (int i = 0; i < 2; i++) {
        params.add(me);
        params.addAll(narrowParams);
        params.add(size + 1);
      }
    } else {
      StringBuilder where = new StringBuilder(" where" + VISIBLE);
      params.addAll(visibleParams(List.of(), viewer));
      if (filter.scope() == Filter.Scope.TEAM) {
        where.append(" and d.decider_person_id = any (?)");
        params.add(filter.teamMemberIds().toArray(Long[]::new));
      }
      sql = "select * from decision d" + where + narrow + " order by d.seq desc limit ?";
      params.addAll(narrowParams);
    }
    params.add(size + 1);
    List<Decision> rows = jdbc.sql(sql).params(params).query(this::row).list();
    return KeyedPage.of(rows, size, d -> PageKey.of(d.seq()));
  }

  /** Every entry in chain order, one at a time, for verification and export. */
  /** Every entry in order; inside a transaction, 1,000 rows at a time through a cursor. */
  void forEachInOrder(Consumer<Decision> consumer) {
    jdbc.sql("select * from decision d order by seq")
        .withFetchSize(1_000)
        .query(
            rs -> {
              consumer.accept(row(rs, 0));
            });
  }

  private List<Object> visibleParams(List<Object> before, Viewer viewer) {
    List<Object> params = new ArrayList<>(before);
    long me = viewer.personId() == null ? -1L : viewer.personId();
    params.add(viewer.admin());
    params.add(me);
    params.add(me);
    params.add(me);
    return params;
  }

  Decision row(ResultSet rs, int n) throws SQLException {
    Date followUp = rs.getDate("follow_up_on");
    return new Decision(
        rs.getLong("id"),
        rs.getLong("seq"),
        Decision.Kind.valueOf(rs.getString("kind")),
        rs.getObject("refers_to", Long.class),
        rs.getTimestamp("decided_at").toInstant(),
        rs.getObject("decider_person_id", Long.class),
        rs.getObject("requested_by_person_id", Long.class),
        rs.getString("decision_type"),
        rs.getString("title"),
        rs.getString("reason"),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        context(rs.getString("context")),
        SqlArrays.longs(rs.getArray("affected_team_ids")),
        followUp == null ? null : followUp.toLocalDate(),
        rs.getString("verdict"),
        rs.getObject("rule_id", Long.class),
        rs.getObject("rule_version", Integer.class),
        rs.getObject("delegation_id", Long.class),
        rs.getString("authority"),
        rs.getString("advice_considered"),
        rs.getBoolean("confidential"),
        SqlArrays.longs(rs.getArray("visible_to")),
        rs.getString("prev_hash"),
        rs.getString("hash"),
        rs.getString("decider_account"),
        SqlArrays.texts(rs.getArray("learnings_shown")),
        SqlArrays.texts(rs.getArray("learnings_acknowledged")),
        rs.getObject("priority_id", Long.class));
  }

  private Map<String, String> context(String text) {
    Map<String, String> context = new LinkedHashMap<>();
    json.readTree(text).properties().forEach(e -> context.put(e.getKey(), e.getValue().asString()));
    return context;
  }

  List<DecisionRecord.FollowUpDate> followUpDatesOf(long deciderId, java.time.LocalDate from) {
    return jdbc.sql(
            "select id, title, follow_up_on from decision where decider_person_id = ?"
                + " and follow_up_on >= ? order by follow_up_on, id limit 500")
        .params(deciderId, from)
        .query(
            (rs, n) ->
                new DecisionRecord.FollowUpDate(
                    rs.getLong(1), rs.getString(2), rs.getObject(3, java.time.LocalDate.class)))
        .list();
  }
}
