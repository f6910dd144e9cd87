package org.baton.decisions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.authority.PastQuestion;
import org.baton.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recorded decisions as questions to replay in a rule preview: an approved request as its requester
 * asked it, any other decision as its decider did.
 */
@Component
class PastDecisionsStore implements PastQuestion.Source {

  private final JdbcClient jdbc;
  private final JsonMapper json;

  PastDecisionsStore(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public List<PastQuestion> since(Instant since, int max) {
    return jdbc.sql(
            """
            select coalesce(requested_by_person_id, decider_person_id), decision_type, amount,
                   currency, context, decided_at
              from decision
             where kind = 'DECISION' and decided_at >= ?
             order by decided_at desc limit ?
            """)
        .params(Timestamp.from(since), max)
        .query(
            (rs, n) ->
                new PastQuestion(
                    "decision",
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getBigDecimal(3) == null
                        ? null
                        : new Money(rs.getBigDecimal(3), rs.getString(4)),
                    context(rs.getString(5)),
                    rs.getTimestamp(6).toInstant()))
        .list();
  }

  private Map<String, String> context(String text) {
    Map<String, String> context = new LinkedHashMap<>();
    json.readTree(text).properties().forEach(e -> context.put(e.getKey(), e.getValue().asString()));
    return context;
  }
}
