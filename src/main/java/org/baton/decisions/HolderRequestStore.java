package org.baton.decisions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baton.authority.CheckResult;
import org.baton.platform.CanonicalJson;
import org.baton.platform.SqlFilters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of requests to decide and their row mapping; names are filled in by the caller. Answers
 * change only an open request, so that two answers at once cannot both land.
 */
@Component
class HolderRequestStore {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  HolderRequestStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A request as asked, with the kind and amount the requester's own check read. */
  long insert(long requester, long holder, DecisionDraft draft, CheckResult mine, Instant at) {
    return jdbc.sql(
            """
            insert into authority_request (requester_person_id, holder_person_id,
                decision_type, title, reason, amount, currency, context, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
            """)
        .params(
            requester,
            holder,
            mine.decisionType().code(),
            draft.title(),
            draft.reason(),
            mine.amount() == null ? null : mine.amount().value(),
            mine.amount() == null ? null : mine.amount().currency(),
            CanonicalJson.stringMap(draft.context()),
            Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  /** Whether the open request is now approved, with the decision that answers it. */
  boolean approved(long id, long decisionId, Instant at) {
    return jdbc.sql(
                "update authority_request set status = 'APPROVED', answered_at = ?,"
                    + " decision_id = ? where id = ? and status = 'OPEN'")
            .params(Timestamp.from(at), decisionId, id)
            .update()
        == 1;
  }

  /** Whether the open request is now declined, with the answer the requester reads. */
  boolean declined(long id, String answer, Instant at) {
    return jdbc.sql(
                "update authority_request set status = 'DECLINED', answered_at = ?, answer = ?"
                    + " where id = ? and status = 'OPEN'")
            .params(Timestamp.from(at), answer, id)
            .update()
        == 1;
  }

  /** The open request now waits for another holder. */
  void rerouted(long id, long holder) {
    jdbc.sql("update authority_request set holder_person_id = ? where id = ? and status = 'OPEN'")
        .params(holder, id)
        .update();
  }

  Optional<HolderRequest> find(long id) {
    return jdbc.sql("select * from authority_request where id = ?")
        .param(id)
        .query(this::row)
        .optional();
  }

  /** The open requests waiting for these holders, oldest first. */
  List<HolderRequest> openFor(Collection<Long> holders) {
    return jdbc.sql(
            "select * from authority_request where status = 'OPEN'"
                + " and holder_person_id = any(cast(:holders as bigint[])) order by created_at")
        .param("holders", holders.toArray(Long[]::new))
        .query(this::row)
        .list();
  }

  /** Requests to a person and from them, open first, then newest, at most 100. */
  List<HolderRequest> involving(long personId) {
    return jdbc.sql(
            "select * from authority_request where holder_person_id = ? or requester_person_id = ?"
                + " order by status = 'OPEN' desc, created_at desc limit 100")
        .params(personId, personId)
        .query(this::row)
        .list();
  }

  /** The requests a person sent, newest first. */
  List<HolderRequest> latestSentBy(long personId, int limit) {
    return jdbc.sql(
            "select * from authority_request where requester_person_id = ?"
                + " order by created_at desc limit ?")
        .params(personId, limit)
        .query(this::row)
        .list();
  }

  List<HolderRequests.Sent> sentBy(long personId, Instant since) {
    return jdbc.sql(
            "select decision_type, amount, currency, status, created_at from authority_request"
                + " where requester_person_id = ? and created_at >= ? order by created_at")
        .params(personId, Timestamp.from(since))
        .query(
            (rs, n) ->
                new HolderRequests.Sent(
                    rs.getString(1),
                    rs.getBigDecimal(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  /**
   * The holders with the most open requests of kinds that are not confidential, then the oldest,
   * without names.
   */
  List<HolderRequests.WaitingHolder> mostWaitedOn(
      Collection<Long> requesters, String decisionType, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select r.holder_person_id, count(*), min(r.created_at) from authority_request r"
                + " join decision_type t on t.code = r.decision_type and not t.confidential"
                + " where r.status = 'OPEN'");
    Map<String, Object> params = new LinkedHashMap<>();
    if (requesters != null) {
      sql.append(" and r.requester_person_id = any (cast(:requesters as bigint[]))");
      params.put("requesters", requesters.toArray(Long[]::new));
    }
    if (decisionType != null) {
      SqlFilters.kindWithKindsBelow(sql, params, "r.decision_type", decisionType);
    }
    sql.append(" group by 1 order by 2 desc, 3 limit :limit");
    params.put("limit", limit);
    return jdbc.sql(sql.toString())
        .params(params)
        .query(
            (rs, n) ->
                new HolderRequests.WaitingHolder(
                    rs.getLong(1), "", rs.getLong(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  private HolderRequest row(ResultSet rs, int n) throws SQLException {
    Map<String, String> context = new LinkedHashMap<>();
    json.readTree(rs.getString("context"))
        .properties()
        .forEach(e -> context.put(e.getKey(), e.getValue().asString()));
    return new HolderRequest(
        rs.getLong("id"),
        rs.getLong("requester_person_id"),
        null,
        rs.getLong("holder_person_id"),
        null,
        rs.getString("decision_type"),
        rs.getString("title"),
        rs.getString("reason"),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        context,
        rs.getString("status"),
        rs.getString("answer"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant(),
        rs.getObject("decision_id", Long.class));
  }
}
