package org.baton.decisions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The advisers named on decisions and their disputes: the SQL of {@link NamedAdvice}. */
@Repository
class NamedAdviceStore {

  private final JdbcClient jdbc;

  NamedAdviceStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void name(long decisionId, long personId, List<String> perspectives) {
    jdbc.sql(
            "insert into decision_named_adviser (decision_id, person_id, perspectives)"
                + " values (?, ?, ?)")
        .params(decisionId, personId, perspectives.toArray(String[]::new))
        .update();
  }

  /** The named advisers of a decision, without their names (the directory gives those). */
  List<NamedAdvice.Named> of(long decisionId) {
    return jdbc.sql(
            "select person_id, perspectives, disputed_at, dispute from decision_named_adviser"
                + " where decision_id = ? order by person_id")
        .param(decisionId)
        .query(
            (rs, n) ->
                new NamedAdvice.Named(
                    rs.getLong(1),
                    "",
                    Arrays.asList((String[]) rs.getArray(2).getArray()),
                    rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                    rs.getString(4)))
        .list();
  }

  /** Keeps the adviser's dispute unless they disputed already; false when they had. */
  boolean dispute(long decisionId, long personId, String why, Instant at) {
    return jdbc.sql(
                "update decision_named_adviser set disputed_at = ?, dispute = ?"
                    + " where decision_id = ? and person_id = ? and disputed_at is null")
            .params(Timestamp.from(at), why, decisionId, personId)
            .update()
        == 1;
  }
}
