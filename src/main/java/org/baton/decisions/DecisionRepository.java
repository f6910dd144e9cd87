package org.baton.decisions;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.baton.platform.CanonicalJson;
import org.baton.platform.PageOf;
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
  private final JsonMapper json;

  DecisionRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** The chain's last entry: its position and hash. */
  record Head(long seq, String hash) {}

  /** Locks the chain's head row until the transaction ends: appends happen one at a time. */
  Head lockHead() {
    return jdbc.sql("select seq, hash from decision_chain_head where id = 1 for update")
        .query(Head.class)
        .single();
  }

  void moveHead(Head head) {
    jdbc.sql("update decision_chain_head set seq = ?, hash = ? where id = 1")
        .params(head.seq(), head.hash())
        .update();
  }

  /** Inserts an entry already placed in the chain (seq and hashes set); returns its id. */
  long insert(Decision placed) {
    return jdbc.sql(
            """
            insert into decision (seq, kind, refers_to, decided_at, decider_person_id,
                requested_by_person_id, decision_type, title, reason, amount, currency,
                context, affected_team_ids, follow_up_on, verdict, rule_id, rule_version,
                delegation_id, authority, advice_considered, confidential, visible_to,
                prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            returning id
            """)
        .params(
            placed.seq(),
            placed.kind().name(),
            placed.refersTo(),
            Timestamp.from(placed.decidedAt()),
            placed.deciderPersonId(),
            placed.requestedByPersonId(),
            placed.decisionType(),
            placed.title(),
            placed.reason(),
            placed.amount(),
            placed.currency(),
            CanonicalJson.stringMap(placed.context()),
            placed.affectedTeamIds().toArray(Long[]::new),
            placed.followUpOn() == null ? null : Date.valueOf(placed.followUpOn()),
            placed.verdict(),
            placed.ruleId(),
            placed.ruleVersion(),
            placed.delegationId(),
            placed.authority(),
            placed.adviceConsidered(),
            placed.confidential(),
            placed.visibleTo().toArray(Long[]::new),
            placed.prevHash(),
            placed.hash())
        .query(Long.class)
        .single();
  }

  Optional<Decision> find(long id, Viewer viewer) {
    return jdbc.sql("select * from decision d where d.id = ? and" + VISIBLE)
        .params(visibleParams(List.of(id), viewer))
        .query(this::row)
        .optional();
  }

  /** Entries that reverse or supersede this one. */
  List<Decision> followUps(long id, Viewer viewer) {
    return jdbc.sql("select * from decision d where d.refers_to = ? and" + VISIBLE + "order by seq")
        .params(visibleParams(List.of(id), viewer))
        .query(this::row)
        .list();
  }

  PageOf<Decision> list(Filter filter, Viewer viewer, int page, int size) {
    StringBuilder where = new StringBuilder(" where" + VISIBLE);
    List<Object> params = new ArrayList<>(visibleParams(List.of(), viewer));
    switch (filter.scope()) {
      case MINE -> {
        where.append(" and (d.decider_person_id = ? or d.requested_by_person_id = ?)");
        params.add(viewer.personId() == null ? -1L : viewer.personId());
        params.add(viewer.personId() == null ? -1L : viewer.personId());
      }
      case TEAM -> {
        where.append(" and d.decider_person_id = any (?)");
        params.add(filter.teamMemberIds().toArray(Long[]::new));
      }
      case ALL -> {}
    }
    if (filter.typePrefix() != null && !filter.typePrefix().isBlank()) {
      where.append(" and (d.decision_type = ? or d.decision_type like ?)");
      params.add(filter.typePrefix());
      params.add(filter.typePrefix().replace("%", "").replace("_", "\\_") + ".%");
    }
    if (filter.verdict() != null && !filter.verdict().isBlank()) {
      where.append(" and d.verdict = ?");
      params.add(filter.verdict());
    }
    long total =
        jdbc.sql("select count(*) from decision d" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(size);
    pageParams.add((long) page * size);
    List<Decision> items =
        jdbc.sql("select * from decision d" + where + " order by d.seq desc limit ? offset ?")
            .params(pageParams)
            .query(this::row)
            .list();
    return new PageOf<>(items, page, size, total);
  }

  /** Every entry in chain order, one at a time, for verification and export. */
  void forEachInOrder(Consumer<Decision> consumer) {
    jdbc.sql("select * from decision d order by seq")
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
        rs.getLong("decider_person_id"),
        rs.getObject("requested_by_person_id", Long.class),
        rs.getString("decision_type"),
        rs.getString("title"),
        rs.getString("reason"),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        context(rs.getString("context")),
        longs(rs.getArray("affected_team_ids")),
        followUp == null ? null : followUp.toLocalDate(),
        rs.getString("verdict"),
        rs.getObject("rule_id", Long.class),
        rs.getObject("rule_version", Integer.class),
        rs.getObject("delegation_id", Long.class),
        rs.getString("authority"),
        rs.getString("advice_considered"),
        rs.getBoolean("confidential"),
        longs(rs.getArray("visible_to")),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }

  private Map<String, String> context(String text) {
    Map<String, String> context = new LinkedHashMap<>();
    json.readTree(text).properties().forEach(e -> context.put(e.getKey(), e.getValue().asString()));
    return context;
  }

  private static List<Long> longs(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
  }
}
