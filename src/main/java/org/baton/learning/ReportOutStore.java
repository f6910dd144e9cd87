package org.baton.learning;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.baton.platform.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@link ReportOuts}: report-outs and the rounds that ask for them. */
@Repository
class ReportOutStore {

  /** A report-out as stored: its author's id (the directory names them), no comments yet. */
  record Row(
      long id,
      long author,
      String title,
      String body,
      List<String> tags,
      List<Long> teams,
      Long round,
      Instant at,
      int helped) {}

  /** A round as stored. */
  record RoundRow(long team, long starter, String title, LocalDate due) {}

  private final JdbcClient jdbc;

  ReportOutStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long author, ReportOuts.Draft draft, Instant at) {
    return jdbc.sql(
            """
            insert into learning_report_out (author_person_id, title, body, tags, team_ids,
                round_id, published_at)
            values (?, ?, ?, ?, ?, ?, ?) returning id
            """)
        .params(
            author,
            draft.title(),
            draft.body(),
            draft.tags().toArray(String[]::new),
            draft.teamIds().toArray(Long[]::new),
            draft.roundId(),
            Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  List<Row> load(List<Long> ids) {
    return jdbc.sql(
            "select id, author_person_id, title, body, tags, team_ids, round_id,"
                + " published_at, helped_count from learning_report_out where id = any(?)")
        .param(ids.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new Row(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    SqlArrays.texts(rs.getArray(5)),
                    SqlArrays.longs(rs.getArray(6)),
                    rs.getObject(7, Long.class),
                    rs.getTimestamp(8).toInstant(),
                    rs.getInt(9)))
        .list();
  }

  List<Long> newest(int limit) {
    return jdbc.sql(
            "select id from learning_report_out order by published_at desc, id desc limit ?")
        .param(limit)
        .query(Long.class)
        .list();
  }

  List<Long> postedIn(long roundId) {
    return jdbc.sql(
            "select id from learning_report_out where round_id = ? order by published_at, id")
        .param(roundId)
        .query(Long.class)
        .list();
  }

  long startRound(long teamId, long leader, String title, LocalDate due, Instant at) {
    return jdbc.sql(
            "insert into learning_round (team_id, started_by_person_id, title, due_on,"
                + " created_at) values (?, ?, ?, ?, ?) returning id")
        .params(teamId, leader, title, due, Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  Optional<Long> roundStarter(long roundId) {
    return jdbc.sql("select started_by_person_id from learning_round where id = ?")
        .param(roundId)
        .query(Long.class)
        .optional();
  }

  Optional<RoundRow> round(long id) {
    return jdbc.sql(
            "select team_id, started_by_person_id, title, due_on from learning_round where id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new RoundRow(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class)))
        .optional();
  }

  /** The newest rounds (at most five) of these teams still due or due within the last week. */
  List<Long> roundsOf(Long[] teams, LocalDate dueFrom) {
    return jdbc.sql(
            "select id from learning_round where team_id = any(?) and due_on >= ?"
                + " order by id desc limit 5")
        .params(teams, dueFrom)
        .query(Long.class)
        .list();
  }
}
