package org.baton.insights;

import java.sql.Date;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Keeps one row per decision or initiative that names a priority; a repeat changes nothing. */
final class PriorityWork {

  enum Kind {
    DECISION,
    INITIATIVE
  }

  private PriorityWork() {}

  static void add(
      JdbcClient jdbc,
      Kind kind,
      long itemId,
      long priorityId,
      LocalDate day,
      long teamId,
      String decisionType) {
    jdbc.sql(
            "insert into insights_priority_work"
                + " (kind, item_id, priority_id, day, team_id, decision_type)"
                + " values (?, ?, ?, ?, ?, ?) on conflict do nothing")
        .params(
            kind.name(),
            itemId,
            priorityId,
            Date.valueOf(day),
            teamId,
            decisionType == null ? "" : decisionType)
        .update();
  }
}
