package org.baton.advice;

import java.util.List;
import java.util.Optional;
import org.baton.decisions.DecisionOrigins;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the decision record's questions: which advice request did this decision close, and who
 * gave advice on a request the decider asked?
 */
@Component
class AdviceRequestsClosedByDecisions implements DecisionOrigins {

  private final JdbcClient jdbc;

  AdviceRequestsClosedByDecisions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Long> adviceRequestClosedBy(long decisionId) {
    return jdbc.sql("select id from advice_request where decision_id = ?")
        .param(decisionId)
        .query(Long.class)
        .optional();
  }

  @Override
  public List<Long> advisersOn(long requestId, long askerId) {
    return jdbc.sql(
            "select distinct a.adviser_person_id from advice a"
                + " join advice_request r on r.id = a.request_id"
                + " where r.id = ? and r.asker_person_id = ? and r.status = 'OPEN' order by 1")
        .params(requestId, askerId)
        .query(Long.class)
        .list();
  }
}
