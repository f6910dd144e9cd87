package org.baton.insights;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads of the measures, each one query over what the followers keep ({@link
 * KeptFiguresStore}), filtered alike by {@link Scope}'s conditions; the measures themselves only
 * add up and name what these return.
 */
@Repository
class MeasuresStore {

  /** One measure's durations that ended in a month: how many, their median and 90th percentile. */
  record DurationMonth(String measure, LocalDate month, long count, long median, long p90) {}

  /** A person's row for a year and team: months decided and led in (bits), decisions per month. */
  record LeaderYear(
      int year, long teamId, long personId, int decided, int led, Integer[] decisions) {}

  /** A month and how many happened in it. */
  record MonthCount(LocalDate month, long count) {}

  /** Decisions in the scope, with how many showed learnings and how many acknowledged one. */
  record LearningCounts(long decisions, long withLearningsShown, long withLearningsAcknowledged) {}

  /** A priority and how much work of one kind names it. */
  record PriorityCount(long priorityId, String kind, long count) {}

  private final JdbcClient jdbc;

  MeasuresStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * This transaction sorts in memory: a year of durations per group fits in 64 MB, where the
   * default would spill to disk.
   */
  void sortInMemory() {
    jdbc.sql("set local work_mem = '64MB'").update();
  }

  /** Decisions by month and where they were made, from the day or month counts. */
  List<WhereDecisionsAreMade.Month> decisionMonths(Scope.Where where) {
    return jdbc.sql(
            "select month, sum(front_line), sum(team_leaders), sum(via_holders)"
                + where
                + " group by 1 order by 1")
        .params(where.params)
        .query(
            (rs, n) -> {
              long front = rs.getLong(2);
              long leaders = rs.getLong(3);
              long holders = rs.getLong(4);
              return new WhereDecisionsAreMade.Month(
                  rs.getDate(1).toLocalDate(), front + leaders + holders, front, leaders, holders);
            })
        .list();
  }

  /** One pass in the index's order: each measure's months, each month's durations sorted alone. */
  List<DurationMonth> durationMonths(Scope.Where where) {
    return jdbc.sql(
            "select measure, month, count(*),"
                // both percentiles from one sort of each group
                + " percentile_cont(array[0.5, 0.9]) within group (order by seconds)"
                + " from insights_duration"
                + where
                + " group by month, measure order by measure, month")
        .params(where.params)
        .query(
            (rs, n) -> {
              Double[] percentiles = (Double[]) rs.getArray(4).getArray();
              return new DurationMonth(
                  rs.getString(1),
                  rs.getDate(2).toLocalDate(),
                  rs.getLong(3),
                  Math.round(percentiles[0]),
                  Math.round(percentiles[1]));
            })
        .list();
  }

  /** Each person's rows for the years from {@code first} to {@code last}, in these teams if any. */
  List<LeaderYear> leaderYears(int first, int last, List<Long> teams) {
    StringBuilder where = new StringBuilder(" where year between :first and :last");
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("first", first);
    params.put("last", last);
    if (teams != null) {
      where.append(" and team_id = any (cast(:teams as bigint[]))");
      params.put("teams", teams.toArray(Long[]::new));
    }
    return jdbc.sql(
            "select year, team_id, person_id, decided_months, led_months, decisions"
                + " from insights_leader_year"
                + where)
        .params(params)
        .query(
            (rs, n) ->
                new LeaderYear(
                    rs.getInt(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    (Integer[]) rs.getArray(6).getArray()))
        .list();
  }

  List<MonthCount> handOversByMonth(Scope.Where where) {
    return jdbc.sql(
            "select date_trunc('month', at at time zone 'UTC')::date, count(*)"
                + " from insights_handover"
                + where
                + " group by 1")
        .params(where.params)
        .query((rs, n) -> new MonthCount(rs.getDate(1).toLocalDate(), rs.getLong(2)))
        .list();
  }

  List<Long> reversed(Scope.Where byDay) {
    return jdbc.sql("select decision_id from insights_reversal" + byDay)
        .params(byDay.params)
        .query(Long.class)
        .list();
  }

  LearningCounts learningCounts(Scope.Where counts) {
    return jdbc.sql(
            "select coalesce(sum(front_line + team_leaders + via_holders), 0),"
                + " coalesce(sum(with_learnings_shown), 0),"
                + " coalesce(sum(with_learnings_acknowledged), 0)"
                + counts)
        .params(counts.params)
        .query((rs, n) -> new LearningCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .single();
  }

  List<PriorityCount> priorityWork(Scope.Where byDay) {
    return jdbc.sql(
            "select priority_id, kind, count(*) from insights_priority_work"
                + byDay
                + " group by 1, 2")
        .params(byDay.params)
        .query((rs, n) -> new PriorityCount(rs.getLong(1), rs.getString(2), rs.getLong(3)))
        .list();
  }
}
