package org.baton.insights;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The writes of what insights keep as decisions and events arrive ({@link DecisionsByPlace}, {@link
 * EventMeasures}): counts by day and month, each decider's and leader's year, reversals, durations,
 * leads, hand-overs and work naming a priority. Every row has a natural key, so a repeat changes
 * nothing.
 */
@Repository
class KeptFiguresStore {

  /** What names a priority. */
  enum PriorityWork {
    DECISION,
    INITIATIVE
  }

  private final JdbcClient jdbc;

  KeptFiguresStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Forgets what was counted from the decision record, to count it all again. */
  void forgetDecisions() {
    jdbc.sql("delete from insights_decision_day").update();
    jdbc.sql("delete from insights_decision_month").update();
    jdbc.sql(
            "update insights_leader_year"
                + " set decided_months = 0, decisions = array_fill(0, array[12])")
        .update();
    jdbc.sql("delete from insights_reversal").update();
    jdbc.sql("delete from insights_priority_work where kind = 'DECISION'").update();
  }

  void reversal(long decisionId, LocalDate day, long teamId, String decisionType) {
    jdbc.sql(
            "insert into insights_reversal (decision_id, day, team_id, decision_type)"
                + " values (?, ?, ?, ?) on conflict do nothing")
        .params(decisionId, Date.valueOf(day), teamId, decisionType)
        .update();
  }

  void priorityWork(
      PriorityWork kind,
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

  /**
   * Adds counts to a table kept by day or by month ({@code period}: its key's column), one row per
   * position of the lists, in one statement.
   */
  void addDecisionCounts(
      String table,
      String period,
      List<Date> days,
      List<Long> teams,
      List<String> types,
      List<Integer> front,
      List<Integer> leaders,
      List<Integer> holders,
      List<Integer> shown,
      List<Integer> acknowledged) {
    jdbc.sql(
            """
            insert into %s as d
                (%s, team_id, decision_type, front_line, team_leaders, via_holders,
                 with_learnings_shown, with_learnings_acknowledged)
            select * from unnest(cast(:days as date[]), cast(:teams as bigint[]),
                                 cast(:types as text[]), cast(:front as int[]),
                                 cast(:leaders as int[]), cast(:holders as int[]),
                                 cast(:shown as int[]), cast(:acknowledged as int[]))
            on conflict (%s, team_id, decision_type) do update set
                front_line = d.front_line + excluded.front_line,
                team_leaders = d.team_leaders + excluded.team_leaders,
                via_holders = d.via_holders + excluded.via_holders,
                with_learnings_shown = d.with_learnings_shown + excluded.with_learnings_shown,
                with_learnings_acknowledged =
                    d.with_learnings_acknowledged + excluded.with_learnings_acknowledged
            """
                .formatted(table, period, period))
        .param("days", days.toArray(Date[]::new))
        .param("teams", teams.toArray(Long[]::new))
        .param("types", types.toArray(String[]::new))
        .param("front", front.toArray(Integer[]::new))
        .param("leaders", leaders.toArray(Integer[]::new))
        .param("holders", holders.toArray(Integer[]::new))
        .param("shown", shown.toArray(Integer[]::new))
        .param("acknowledged", acknowledged.toArray(Integer[]::new))
        .update();
  }

  /** Adds each decider's year: the months' bits and counts ({@code counts} as int array text). */
  void addDeciders(
      List<Integer> years,
      List<Long> teams,
      List<Long> people,
      List<Integer> months,
      List<String> counts) {
    jdbc.sql(
            """
            insert into insights_leader_year as y
                (year, team_id, person_id, decided_months, decisions)
            select year, team, person, months, cast(counts as int[])
              from unnest(cast(:years as int[]), cast(:teams as bigint[]),
                          cast(:people as bigint[]), cast(:months as int[]),
                          cast(:counts as text[])) as u(year, team, person, months, counts)
            on conflict (year, team_id, person_id) do update set
                decided_months = y.decided_months | excluded.decided_months,
                decisions = insights_add_months(y.decisions, excluded.decisions)
            """)
        .param("years", years.toArray(Integer[]::new))
        .param("teams", teams.toArray(Long[]::new))
        .param("people", people.toArray(Long[]::new))
        .param("months", months.toArray(Integer[]::new))
        .param("counts", counts.toArray(String[]::new))
        .update();
  }

  /** Keeps one thing measured; false when it was measured already. */
  boolean duration(
      String measure, long itemId, long teamId, String type, Instant end, long seconds) {
    return jdbc.sql(
                """
                insert into insights_duration
                    (measure, item_id, team_id, decision_type, ended_at, seconds)
                values (?, ?, ?, ?, ?, ?)
                on conflict (measure, item_id) do nothing
                """)
            .params(measure, itemId, teamId, type == null ? "" : type, Timestamp.from(end), seconds)
            .update()
        == 1;
  }

  void handOver(long initiativeId, Instant at, long teamId) {
    jdbc.sql(
            "insert into insights_handover (initiative_id, at, team_id) values (?, ?, ?)"
                + " on conflict do nothing")
        .params(initiativeId, Timestamp.from(at), teamId)
        .update();
  }

  /** Who took the lead of an initiative in a month, and the month's bit in their year. */
  void lead(LocalDate month, long teamId, long personId, long initiativeId) {
    jdbc.sql(
            "insert into insights_lead (month, team_id, person_id, initiative_id)"
                + " values (?, ?, ?, ?) on conflict do nothing")
        .params(Date.valueOf(month), teamId, personId, initiativeId)
        .update();
    jdbc.sql(
            "insert into insights_leader_year as y (year, team_id, person_id, led_months)"
                + " values (?, ?, ?, ?) on conflict (year, team_id, person_id)"
                + " do update set led_months = y.led_months | excluded.led_months")
        .params(month.getYear(), teamId, personId, 1 << (month.getMonthValue() - 1))
        .update();
  }
}
