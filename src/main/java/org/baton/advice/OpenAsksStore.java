package org.baton.advice;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baton.platform.SqlFilters;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What waits for advisers: the asks each has not answered yet, their reminders, and the busiest
 * advisers. The open asks of each adviser are counters kept up to date in the transaction that adds
 * a panel place or closes a request: proposing a panel reads them on every proposal, so they are
 * never counted there. Counters are always changed in person order, so that two transactions
 * touching the same advisers lock their rows in the same order and cannot deadlock.
 */
@Component
class OpenAsksStore {

  private final JdbcClient jdbc;

  OpenAsksStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** These people were given a place on an open request. */
  void placed(Collection<Long> people) {
    if (people.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            insert into advice_open_asks as o (person_id, open_asks)
            select p, 1 from unnest(cast(? as bigint[])) p order by p
            on conflict (person_id) do update set open_asks = o.open_asks + 1
            """)
        .param(people.toArray(Long[]::new))
        .update();
  }

  /** The request closed: one ask fewer for everyone on its panel. */
  void closed(long requestId) {
    jdbc.sql(
            """
            insert into advice_open_asks as o (person_id, open_asks)
            select person_id, 0 from advice_panel_member where request_id = ? order by person_id
            on conflict (person_id) do update set open_asks = greatest(o.open_asks - 1, 0)
            """)
        .param(requestId)
        .update();
  }

  /** The open asks of these people (those with none are left out). */
  Map<Long, Integer> of(Collection<Long> people) {
    Map<Long, Integer> open = new HashMap<>();
    if (!people.isEmpty()) {
      jdbc.sql(
              "select person_id, open_asks from advice_open_asks"
                  + " where open_asks > 0 and person_id = any (cast(? as bigint[]))")
          .param(people.toArray(Long[]::new))
          .query((RowCallbackHandler) rs -> open.put(rs.getLong(1), rs.getInt(2)));
    }
    return open;
  }

  /** Everyone's open asks. */
  Map<Long, Integer> all() {
    Map<Long, Integer> open = new HashMap<>();
    jdbc.sql("select person_id, open_asks from advice_open_asks where open_asks > 0")
        .query((RowCallbackHandler) rs -> open.put(rs.getLong(1), rs.getInt(2)));
    return open;
  }

  /**
   * The open requests on which each of these people is asked and has not advised yet, soonest
   * deadline first.
   */
  List<AdviceReadings.WaitingAdvice> waitingFor(Collection<Long> people) {
    return jdbc.sql(
            """
            select m.person_id, r.id, r.question, r.deadline
            from advice_panel_member m join advice_request r on r.id = m.request_id
            where m.person_id = any(cast(:people as bigint[])) and r.status = 'OPEN'
              and not exists (select 1 from advice a
                              where a.request_id = r.id and a.adviser_person_id = m.person_id)
            order by r.deadline, r.id
            """)
        .param("people", people.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new AdviceReadings.WaitingAdvice(
                    rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
        .list();
  }

  /**
   * The advisers with the most open asks on requests that are not restricted, then the oldest,
   * without names.
   */
  List<AdviceReadings.BusyAdviser> busiestAdvisers(
      Collection<Long> askers, String decisionType, int limit) {
    StringBuilder sql =
        new StringBuilder(
            """
            select m.person_id, count(*), min(r.created_at)
            from advice_request r join advice_panel_member m on m.request_id = r.id
            where r.status = 'OPEN' and not r.restricted
              and not exists (select 1 from advice a
                              where a.request_id = r.id and a.adviser_person_id = m.person_id)
            """);
    Map<String, Object> params = new HashMap<>();
    if (askers != null) {
      sql.append(" and r.asker_person_id = any (cast(:askers as bigint[]))");
      params.put("askers", askers.toArray(Long[]::new));
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
                new AdviceReadings.BusyAdviser(
                    rs.getLong(1), "", rs.getLong(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  /** The open requests whose reminder is due: unreminded, deadline within the window. */
  List<Long> dueForReminder(Instant now, Instant until) {
    return jdbc.sql(
            "select id from advice_request where status = 'OPEN' and reminded_at is null"
                + " and deadline > ? and deadline <= ? for update skip locked")
        .params(Timestamp.from(now), Timestamp.from(until))
        .query(Long.class)
        .list();
  }

  /** The panel members who have not advised on the request yet. */
  List<Long> notYetAdvised(long requestId) {
    return jdbc.sql(
            """
            select m.person_id from advice_panel_member m
             where m.request_id = ?
               and not exists (select 1 from advice a
                                where a.request_id = m.request_id
                                  and a.adviser_person_id = m.person_id)
            """)
        .param(requestId)
        .query(Long.class)
        .list();
  }

  void reminded(long requestId, Instant at) {
    jdbc.sql("update advice_request set reminded_at = ? where id = ?")
        .params(Timestamp.from(at), requestId)
        .update();
  }
}
