package org.baton.advice;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open asks of each adviser, kept up to date in the transaction that adds a panel place or
 * closes a request: proposing a panel reads them on every proposal, so they are never counted
 * there. Counters are always changed in person order, so that two transactions touching the same
 * advisers lock their rows in the same order and cannot deadlock.
 */
@Component
class OpenAsks {

  private final JdbcClient jdbc;

  OpenAsks(JdbcClient jdbc) {
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
}
