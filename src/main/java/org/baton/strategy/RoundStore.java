package org.baton.strategy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.baton.platform.SqlArrays;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of dialogue rounds and their themes, and their row mapping. Moments are bound from the
 * caller's clock.
 */
@Component
class RoundStore {

  private final JdbcClient jdbc;

  RoundStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      DialogueDrafts.RoundDraft draft,
      long opener,
      Collection<Long> leaders,
      List<String> themes,
      Instant at) {
    long id =
        jdbc.sql(
                """
                insert into strategy_round (title, description, opened_by_person_id, leader_ids,
                    opened_at, contributions_close_on, answers_due_on)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """)
            .params(
                draft.title().strip(),
                draft.description() == null ? "" : draft.description().strip(),
                opener,
                leaders.toArray(Long[]::new),
                Timestamp.from(at),
                draft.contributionsCloseOn(),
                draft.answersDueOn())
            .query(Long.class)
            .single();
    themes.forEach(name -> addTheme(id, name));
    return id;
  }

  void addTheme(long roundId, String name) {
    jdbc.sql("insert into strategy_theme (round_id, name) values (?, ?)")
        .params(roundId, name)
        .update();
  }

  /** The newest rounds, at most 50. */
  List<Long> newest() {
    return jdbc.sql("select id from strategy_round order by opened_at desc, id desc limit 50")
        .query(Long.class)
        .list();
  }

  boolean exists(long roundId) {
    return jdbc.sql("select exists (select 1 from strategy_round where id = ?)")
        .param(roundId)
        .query(Boolean.class)
        .single();
  }

  boolean hasTheme(long roundId, long themeId) {
    return jdbc.sql("select exists (select 1 from strategy_theme where id = ? and round_id = ?)")
        .params(themeId, roundId)
        .query(Boolean.class)
        .single();
  }

  /** Holds the round's row until the transaction ends. */
  void lock(long roundId) {
    jdbc.sql("select id from strategy_round where id = ? for update")
        .param(roundId)
        .query(Long.class)
        .optional();
  }

  void publish(long roundId, DialogueDrafts.PublicationDraft draft, Long by, Instant at) {
    jdbc.sql(
            "update strategy_round set summary = ?, summary_priority_ids = ?, published_at = ?,"
                + " published_by_person_id = ? where id = ?")
        .params(
            draft.summary() == null ? "" : draft.summary().strip(),
            draft.priorityIds().toArray(Long[]::new),
            Timestamp.from(at),
            by,
            roundId)
        .update();
  }

  java.util.Optional<String> title(long roundId) {
    return jdbc.sql("select title from strategy_round where id = ?")
        .param(roundId)
        .query(String.class)
        .optional();
  }

  /**
   * Rounds in the order given: three queries however many, their themes and counts included. Names
   * come from the caller; today decides whether contributions are still open.
   */
  List<DialogueRound> load(
      List<Long> ids, Function<Collection<Long>, Map<Long, String>> namesOf, LocalDate today) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Long[] wanted = ids.toArray(Long[]::new);
    List<Raw> rows =
        jdbc.sql(
                """
                select id, title, description, opened_by_person_id, leader_ids, opened_at,
                    contributions_close_on, answers_due_on, summary, summary_priority_ids,
                    published_at
                from strategy_round where id = any(?)
                """)
            .param(wanted)
            .query(RoundStore::raw)
            .list();
    Map<Long, List<DialogueRound.Theme>> themes = new HashMap<>();
    jdbc.sql(
            "select round_id, id, name from strategy_theme where round_id = any(?)"
                + " order by lower(name)")
        .param(wanted)
        .query(
            (RowCallbackHandler)
                rs ->
                    themes
                        .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new DialogueRound.Theme(rs.getLong(2), rs.getString(3))));
    Map<Long, int[]> counts = new HashMap<>();
    jdbc.sql(
            "select round_id, count(*), count(*) filter (where answer_state is null)"
                + " from strategy_contribution where round_id = any(?) group by round_id")
        .param(wanted)
        .query(
            (RowCallbackHandler)
                rs -> counts.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)}));
    Map<Long, String> names =
        namesOf.apply(rows.stream().flatMap(r -> r.leaders().stream()).distinct().toList());
    Map<Long, DialogueRound> byId = new HashMap<>();
    for (Raw raw : rows) {
      int[] count = counts.getOrDefault(raw.id(), new int[] {0, 0});
      DialogueRound.State state =
          raw.publishedAt() != null
              ? DialogueRound.State.PUBLISHED
              : today.isAfter(raw.closeOn())
                  ? DialogueRound.State.ANSWERING
                  : DialogueRound.State.OPEN;
      byId.put(
          raw.id(),
          new DialogueRound(
              raw.id(),
              raw.title(),
              raw.description(),
              raw.openedBy(),
              names.get(raw.openedBy()),
              raw.leaders(),
              raw.leaders().stream().map(names::get).toList(),
              raw.openedAt(),
              raw.closeOn(),
              raw.dueOn(),
              state,
              themes.getOrDefault(raw.id(), List.of()),
              count[0],
              count[1],
              raw.summary(),
              raw.summaryPriorities(),
              raw.publishedAt()));
    }
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  private record Raw(
      long id,
      String title,
      String description,
      long openedBy,
      List<Long> leaders,
      Instant openedAt,
      LocalDate closeOn,
      LocalDate dueOn,
      String summary,
      List<Long> summaryPriorities,
      Instant publishedAt) {}

  private static Raw raw(ResultSet rs, int n) throws SQLException {
    return new Raw(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        SqlArrays.longs(rs.getArray(5)),
        rs.getTimestamp(6).toInstant(),
        rs.getObject(7, LocalDate.class),
        rs.getObject(8, LocalDate.class),
        rs.getString(9),
        SqlArrays.longs(rs.getArray(10)),
        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant());
  }
}
