package org.baton.strategy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.platform.CsvReader;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.baton.platform.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key figures: their values over time (entered, imported from CSV or pushed by API), the chart and
 * the export. Every read goes through {@link StrategyPermissions#maySee}: a figure the reader may
 * not see is left out of lists and is "not found" by id.
 */
@Service
public class KeyFigures {

  static final BigDecimal LIMIT = new BigDecimal("1e15");
  static final int MAX_IMPORT_ROWS = 20_000;
  static final int MAX_IMPORT_BYTES = 2 * 1024 * 1024;

  /** The series a chart draws: dates, values and the target line. */
  public record Chart(
      String name,
      String unit,
      List<LocalDate> on,
      List<BigDecimal> values,
      @io.swagger.v3.oas.annotations.media.Schema(nullable = true) BigDecimal target) {}

  private final JdbcClient jdbc;
  private final StrategyPermissions permissions;
  private final Directory directory;
  private final Clock clock;

  KeyFigures(JdbcClient jdbc, StrategyPermissions permissions, Directory directory, Clock clock) {
    this.jdbc = jdbc;
    this.permissions = permissions;
    this.directory = directory;
    this.clock = clock;
  }

  /** The figures the reader may see, by name, each with its latest value and trend. */
  @Transactional(readOnly = true)
  public List<KeyFigure> list(BatonUser actor) {
    return load(null).stream().filter(f -> maySee(actor, f)).toList();
  }

  /** A figure, or "not found" if the reader may not see it (never "denied": that would tell). */
  @Transactional(readOnly = true)
  public KeyFigure find(BatonUser actor, long id) {
    return load(id).stream()
        .filter(f -> maySee(actor, f))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No key figure " + id + "."));
  }

  /** Every value of a figure, oldest first. */
  @Transactional(readOnly = true)
  public List<KeyFigure.FigureValue> values(BatonUser actor, long id) {
    find(actor, id);
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

  /** The chart's series: two arrays read straight from the primary key's order. */
  @Transactional(readOnly = true)
  public Chart chart(BatonUser actor, long id) {
    KeyFigure figure = find(actor, id);
    List<LocalDate> on = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    jdbc.sql(
            "select on_date, value from strategy_figure_value where figure_id = ? order by on_date")
        .param(id)
        .query(
            rs -> {
              on.add(rs.getObject(1, LocalDate.class));
              values.add(rs.getBigDecimal(2).stripTrailingZeros());
            });
    return new Chart(figure.name(), figure.unit(), on, values, figure.target());
  }

  /** The values as CSV, in the form the import reads back. */
  @Transactional(readOnly = true)
  public String exportCsv(BatonUser actor, long id) {
    StringBuilder csv = new StringBuilder("on,value,comment\n");
    for (KeyFigure.FigureValue v : values(actor, id)) {
      csv.append(v.on()).append(',').append(v.value().toPlainString()).append(',');
      csv.append(org.baton.platform.Csv.field(v.comment())).append('\n');
    }
    return csv.toString();
  }

  @Transactional
  public KeyFigure create(BatonUser actor, FigureDrafts.FigureDraft draft) {
    permissions.requireEditor(actor);
    reject(check(actor, draft));
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
                Timestamp.from(clock.instant()),
                Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    people(id, draft);
    return find(actor, id);
  }

  /** Changes a figure the editor may see, to a level they would still see. */
  @Transactional
  public KeyFigure change(BatonUser actor, long id, FigureDrafts.FigureDraft draft) {
    find(actor, id);
    permissions.requireEditor(actor);
    reject(check(actor, draft));
    jdbc.sql(
            "update strategy_figure set name = ?, unit = ?, description = ?, target = ?,"
                + " visibility = ?, changed_at = ? where id = ?")
        .params(
            draft.name().strip(),
            draft.unit().strip(),
            draft.description() == null ? "" : draft.description().strip(),
            draft.target(),
            draft.visibility().name(),
            Timestamp.from(clock.instant()),
            id)
        .update();
    jdbc.sql("delete from strategy_figure_person where figure_id = ?").param(id).update();
    people(id, draft);
    return find(actor, id);
  }

  /** Enters a value (a day entered again is replaced). */
  @Transactional
  public KeyFigure enter(BatonUser actor, long id, FigureDrafts.ValueDraft draft) {
    KeyFigure figure = find(actor, id);
    permissions.requireEditor(actor);
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.on() == null) {
      problems.add(new FieldProblem("on", "Give the day the value is for."));
    } else if (draft.on().isAfter(today())) {
      problems.add(
          new FieldProblem("on", "The day is in the future; enter values that are known."));
    }
    if (draft.value() == null) {
      problems.add(new FieldProblem("value", "Give the value."));
    } else if (draft.value().abs().compareTo(LIMIT) >= 0) {
      problems.add(new FieldProblem("value", "The value is too large."));
    }
    if (draft.unit() != null
        && !draft.unit().isBlank()
        && !FigureValueText.sameUnit(draft.unit(), figure.unit())) {
      problems.add(
          new FieldProblem(
              "unit",
              "This figure is in " + figure.unit() + ", not " + draft.unit().strip() + "."));
    }
    String comment = draft.comment() == null ? "" : draft.comment().strip();
    if (comment.length() > TextLimits.REASON) {
      problems.add(new FieldProblem("comment", "Keep the comment under 2,000 characters."));
    }
    reject(problems);
    store(
        id,
        List.of(
            new KeyFigure.FigureValue(draft.on(), draft.value(), comment, actor.displayName())));
    return find(actor, id);
  }

  /**
   * Imports values from CSV ({@code on,value[,comment]}, a header first). Every row is checked
   * before any is stored: with a problem in any row, none is, and each problem names its line.
   *
   * @return how many values were stored
   */
  @Transactional
  public int importCsv(BatonUser actor, long id, byte[] content) {
    KeyFigure figure = find(actor, id);
    permissions.requireEditor(actor);
    if (content == null || content.length == 0) {
      throw new InvalidInputException(
          "file", "Choose a CSV file with the columns on,value,comment.");
    }
    if (content.length > MAX_IMPORT_BYTES) {
      throw new InvalidInputException("file", "The file is larger than 2 MB.");
    }
    List<CsvReader.Record> records;
    try {
      records = CsvReader.read(content);
    } catch (CsvReader.CsvException e) {
      throw new InvalidInputException("line " + e.line(), e.getMessage());
    }
    if (records.isEmpty()
        || records.get(0).values().size() < 2
        || !records.get(0).values().get(0).strip().equalsIgnoreCase("on")
        || !records.get(0).values().get(1).strip().equalsIgnoreCase("value")) {
      throw new InvalidInputException(
          "line 1", "The first line must be the header on,value,comment.");
    }
    if (records.size() - 1 > MAX_IMPORT_ROWS) {
      throw new InvalidInputException("file", "Import at most 20,000 values at a time.");
    }
    List<FieldProblem> problems = new ArrayList<>();
    List<KeyFigure.FigureValue> values = new ArrayList<>();
    Set<LocalDate> days = new HashSet<>();
    LocalDate today = today();
    for (CsvReader.Record record : records.subList(1, records.size())) {
      String line = "line " + record.line();
      List<String> cells = record.values();
      if (cells.size() > 3) {
        problems.add(new FieldProblem(line, "Give three values at most: on,value,comment."));
        continue;
      }
      LocalDate on = null;
      try {
        on = LocalDate.parse(cells.get(0).strip());
        if (on.isAfter(today)) {
          problems.add(new FieldProblem(line, "The day " + on + " is in the future."));
        } else if (!days.add(on)) {
          problems.add(new FieldProblem(line, "The day " + on + " is in the file twice."));
        }
      } catch (DateTimeParseException e) {
        problems.add(
            new FieldProblem(line, "Write the day as yyyy-mm-dd, not \"" + cells.get(0) + "\"."));
      }
      FigureValueText.Reading reading =
          FigureValueText.read(cells.size() > 1 ? cells.get(1) : "", figure.unit());
      if (reading.value().isEmpty()) {
        problems.add(new FieldProblem(line, reading.problem()));
      }
      String comment = cells.size() > 2 ? cells.get(2).strip() : "";
      if (comment.length() > TextLimits.REASON) {
        problems.add(new FieldProblem(line, "Keep the comment under 2,000 characters."));
      }
      if (on != null && reading.value().isPresent()) {
        values.add(
            new KeyFigure.FigureValue(on, reading.value().get(), comment, actor.displayName()));
      }
    }
    reject(problems);
    store(id, values);
    return values.size();
  }

  private void store(long figureId, List<KeyFigure.FigureValue> values) {
    Timestamp now = Timestamp.from(clock.instant());
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
            values.stream().map(v -> java.sql.Date.valueOf(v.on())).toArray(java.sql.Date[]::new),
            values.stream().map(KeyFigure.FigureValue::value).toArray(BigDecimal[]::new),
            values.stream().map(KeyFigure.FigureValue::comment).toArray(String[]::new),
            values.stream().map(KeyFigure.FigureValue::byName).toArray(String[]::new))
        .update();
    jdbc.sql("update strategy_figure set changed_at = ? where id = ?")
        .params(now, figureId)
        .update();
  }

  private List<FieldProblem> check(BatonUser actor, FigureDrafts.FigureDraft draft) {
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.name() == null || draft.name().isBlank()) {
      problems.add(new FieldProblem("name", "Name the figure, such as Revenue."));
    } else if (draft.name().strip().length() > TextLimits.NAME) {
      problems.add(new FieldProblem("name", "Keep the name under 200 characters."));
    }
    if (draft.unit() == null || draft.unit().isBlank()) {
      problems.add(new FieldProblem("unit", "Give the unit, such as EUR or %."));
    } else if (draft.unit().strip().length() > DirectionRules.MAX_UNIT) {
      problems.add(new FieldProblem("unit", "Keep the unit under 20 characters."));
    }
    if (draft.description() != null && draft.description().strip().length() > TextLimits.REASON) {
      problems.add(new FieldProblem("description", "Keep it under 2,000 characters."));
    }
    if (draft.target() != null && draft.target().abs().compareTo(LIMIT) >= 0) {
      problems.add(new FieldProblem("target", "The target is too large."));
    }
    if (draft.visibility() == null) {
      problems.add(
          new FieldProblem(
              "visibility", "Choose who may see it: EVERYONE, LEADERS, PEOPLE or ADMINS."));
    } else {
      if (draft.visibility() == Visibility.PEOPLE && draft.people().isEmpty()) {
        problems.add(new FieldProblem("people", "Name the people who may see it."));
      }
      if (draft.visibility() != Visibility.PEOPLE && !draft.people().isEmpty()) {
        problems.add(new FieldProblem("people", "Name people only for the level PEOPLE."));
      }
      Map<Long, Person> found = new HashMap<>();
      directory.people(draft.people()).forEach(p -> found.put(p.id(), p));
      draft.people().stream()
          .filter(p -> p == null || !found.containsKey(p) || !found.get(p).active())
          .findFirst()
          .ifPresent(
              p ->
                  problems.add(new FieldProblem("people", "There is no active person " + p + ".")));
      if (!permissions.maySee(actor, draft.visibility(), draft.people())) {
        problems.add(
            new FieldProblem(
                "visibility",
                "You would no longer see this figure yourself; choose a level that includes you."));
      }
    }
    return problems;
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

  boolean maySee(BatonUser actor, KeyFigure figure) {
    return permissions.maySee(actor, figure.visibility(), figure.people());
  }

  /** One figure (id given) or all, each with its two newest values. */
  private List<KeyFigure> load(Long id) {
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
                        List.of((Long[]) rs.getArray(7).getArray())))
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

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static void reject(List<FieldProblem> problems) {
    InvalidInputException.throwIfAny(problems);
  }
}
