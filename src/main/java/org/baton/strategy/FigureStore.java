package org.baton.strategy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baton.platform.SqlArrays;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of key figures, the people who may see one, and their values over time. */
@Component
class FigureStore {

  private final JdbcClient jdbc;

  FigureStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(FigureDrafts.FigureDraft draft, Instant at) {
    long id =
        jdbc.sql(
                "insert into strategy_figure (name, unit, description, target, visibility,"
                    + " created_at, changed_at) values (?, ?, ?, ?, ?, ?, ?) returning id")
            .params(
                draft.name().strip(),
                draft.unit().strip(),
                draft.description() == null ? "" : draft.description().strip(),
                draft.target(),
                draft.visibility().name(),
                Timestamp.from(at),
                Timestamp.from(at))
            .query(Long.class)
            .single();
    people(id, draft);
    return id;
  }

  void update(long id, FigureDrafts.FigureDraft draft, Instant at) {
    jdbc.sql(
            "update strategy_figure set name = ?, unit = ?, description = ?, target = ?,"
                + " visibility = ?, changed_at = ? where id = ?")
        .params(
            draft.name().strip(),
            draft.unit().strip(),
            draft.description() == null ? "" : draft.description().strip(),
            draft.target(),
            draft.visibility().name(),
            Timestamp.from(at),
            id)
        .update();
    jdbc.sql("delete from strategy_figure_person where figure_id = ?").param(id).update();
    people(id, draft);
  }

  private void people(long id, FigureDrafts.FigureDraft draft) {
    if (draft.visibility() == Visibility.PEOPLE) {
      jdbc.sql(
              "insert into strategy_figure_person (figure_id, person_id)"
                  + " select ?, unnest(?::bigint[])")
          .params(id, draft.people().toArray(Long[]::new))
          .update();
    }
  }

  /** Every value of a figure, oldest first. */
  List<KeyFigure.FigureValue> values(long id) {
    return jdbc.sql(
            "select on_date, value, comment, by_name from strategy_figure_value"
                + " where figure_id = ? order by on_date")
        .param(id)
        .query(
            (rs, n) ->
                new KeyFigure.FigureValue(
                    rs.getObject(1, LocalDate.class),
                    rs.getBigDecimal(2).stripTrailingZeros(),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }

  /** A chart's two series, read straight from the primary key's order into the lists given. */
  void series(long id, List<LocalDate> on, List<BigDecimal> values) {
    jdbc.sql(
            "select on_date, value from strategy_figure_value where figure_id = ? order by on_date")
        .param(id)
        .query(
            (RowCallbackHandler)
                rs -> {
                  on.add(rs.getObject(1, LocalDate.class));
                  values.add(rs.getBigDecimal(2).stripTrailingZeros());
                });
  }

  /** Stores values in one statement; a day stored again is replaced. */
  void storeValues(long figureId, List<KeyFigure.FigureValue> values, Instant at) {
    Timestamp now = Timestamp.from(at);
    jdbc.sql(
            """
            insert into strategy_figure_value (figure_id, on_date, value, comment, by_name,
                entered_at)
            select ?, d, v, c, n, ? from unnest(?::date[], ?::numeric[], ?::text[], ?::text[])
                as t (d, v, c, n)
            on conflict (figure_id, on_date) do update set value = excluded.value,
                comment = excluded.comment, by_name = excluded.by_name,
                entered_at = excluded.entered_at
            """)
        .params(
            figureId,
            now,
            values.stream().map(v -> Date.valueOf(v.on())).toArray(Date[]::new),
            values.stream().map(KeyFigure.FigureValue::value).toArray(BigDecimal[]::new),
            values.stream().map(KeyFigure.FigureValue::comment).toArray(String[]::new),
            values.stream().map(KeyFigure.FigureValue::byName).toArray(String[]::new))
        .update();
    jdbc.sql("update strategy_figure set changed_at = ? where id = ?")
        .params(now, figureId)
        .update();
  }

  /** One figure (id given) or all, each with its two newest values. */
  List<KeyFigure> load(Long id) {
    record Raw(
        long id,
        String name,
        String unit,
        String description,
        BigDecimal target,
        Visibility v,
        List<Long> people) {}
    List<Raw> rows =
        jdbc.sql(
                """
                select f.id, f.name, f.unit, f.description, f.target, f.visibility,
                    coalesce((select array_agg(person_id order by person_id)
                              from strategy_figure_person p where p.figure_id = f.id), '{}')
                from strategy_figure f
                where cast(? as bigint) is null or f.id = ?
                order by lower(f.name), f.id
                """)
            .params(id, id)
            .query(
                (rs, n) ->
                    new Raw(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBigDecimal(5) == null
                            ? null
                            : rs.getBigDecimal(5).stripTrailingZeros(),
                        Visibility.valueOf(rs.getString(6)),
                        SqlArrays.longs(rs.getArray(7))))
            .list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<KeyFigure.FigureValue>> newest = new HashMap<>();
    jdbc.sql(
            """
            select f.id, v.on_date, v.value, v.comment, v.by_name
            from unnest(?::bigint[]) as f (id)
            cross join lateral (select on_date, value, comment, by_name from strategy_figure_value
                                where figure_id = f.id order by on_date desc limit 2) v
            order by f.id, v.on_date desc
            """)
        .param(rows.stream().map(Raw::id).toArray(Long[]::new))
        .query(
            rs -> {
              newest
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(
                      new KeyFigure.FigureValue(
                          rs.getObject(2, LocalDate.class),
                          rs.getBigDecimal(3).stripTrailingZeros(),
                          rs.getString(4),
                          rs.getString(5)));
            });
    return rows.stream()
        .map(
            r -> {
              List<KeyFigure.FigureValue> two = newest.getOrDefault(r.id(), List.of());
              return new KeyFigure(
                  r.id(),
                  r.name(),
                  r.unit(),
                  r.description(),
                  r.target(),
                  r.v(),
                  r.people(),
                  two.isEmpty() ? null : two.get(0),
                  two.size() < 2 ? null : two.get(1));
            })
        .toList();
  }
}
