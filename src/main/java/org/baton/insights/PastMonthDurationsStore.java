package org.baton.insights;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How fast for everyone and every kind of decision, by past month: taken once from the durations
 * (each month's exact median and 90th percentile), kept, and read from then on, because a month
 * that is over no longer changes. {@link EventMeasures} forgets a month when a duration still
 * arrives for it; it is taken again at the next read.
 */
@Repository
class PastMonthDurationsStore {

  /** A measure's figures for one month. */
  record Figures(String measure, LocalDate month, long count, long median, long p90) {}

  private final JdbcClient jdbc;

  PastMonthDurationsStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every measure's figures for the whole months from {@code first} to {@code last}: what is kept,
   * after taking and keeping the months not kept yet for every measure.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public List<Figures> wholeMonths(LocalDate first, LocalDate last, List<String> measures) {
    List<LocalDate> missing =
        jdbc
            .sql(
                """
                select m::date from generate_series(cast(:first as date), cast(:last as date),
                                                    interval '1 month') m
                 where (select count(*) from insights_duration_month k where k.month = m::date)
                       < :measures
                """)
            .param("first", Date.valueOf(first))
            .param("last", Date.valueOf(last))
            .param("measures", measures.size())
            .query(Date.class)
            .list()
            .stream()
            .map(Date::toLocalDate)
            .toList();
    if (!missing.isEmpty()) {
      keep(missing, measures);
    }
    return jdbc.sql(
            "select measure, month, durations, median_seconds, p90_seconds"
                + " from insights_duration_month where month between ? and ? and durations > 0"
                + " order by measure, month")
        .params(Date.valueOf(first), Date.valueOf(last))
        .query(
            (rs, n) ->
                new Figures(
                    rs.getString(1),
                    rs.getDate(2).toLocalDate(),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5)))
        .list();
  }

  /** A duration arrived that ended then: that month's figures for its measure are taken again. */
  void forget(String measure, Instant ended) {
    jdbc.sql("delete from insights_duration_month where month = ? and measure = ?")
        .params(Date.valueOf(LocalDate.ofInstant(ended, ZoneOffset.UTC).withDayOfMonth(1)), measure)
        .update();
  }

  private void keep(List<LocalDate> months, List<String> measures) {
    Map<String, Figures> taken = new HashMap<>();
    jdbc.sql(
            "select measure, month, count(*),"
                + " percentile_cont(array[0.5, 0.9]) within group (order by seconds)"
                + " from insights_duration where month = any (cast(? as date[]))"
                + " group by month, measure")
        .param(months.stream().map(LocalDate::toString).toArray(String[]::new))
        .query(
            rs -> {
              Double[] percentiles = (Double[]) rs.getArray(4).getArray();
              Figures figures =
                  new Figures(
                      rs.getString(1),
                      rs.getDate(2).toLocalDate(),
                      rs.getLong(3),
                      Math.round(percentiles[0]),
                      Math.round(percentiles[1]));
              taken.put(figures.measure() + "@" + figures.month(), figures);
            });
    for (LocalDate month : months) {
      for (String measure : measures) {
        Figures figures =
            taken.getOrDefault(measure + "@" + month, new Figures(measure, month, 0, 0, 0));
        jdbc.sql(
                """
                insert into insights_duration_month
                    (month, measure, durations, median_seconds, p90_seconds)
                values (?, ?, ?, ?, ?)
                on conflict (month, measure) do update
                   set durations = excluded.durations, median_seconds = excluded.median_seconds,
                       p90_seconds = excluded.p90_seconds
                """)
            .params(Date.valueOf(month), measure, figures.count(), figures.median(), figures.p90())
            .update();
      }
    }
  }
}
