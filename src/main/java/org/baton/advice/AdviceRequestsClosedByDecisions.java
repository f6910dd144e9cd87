package org.baton.advice;

import java.util.Optional;
import org.baton.decisions.DecisionOrigins;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers the decision record's question: which advice request did this decision close? */
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
}
