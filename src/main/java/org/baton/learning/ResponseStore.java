package org.baton.learning;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@link LearningResponses}: comments, marks, and the words notifications read. */
@Repository
class ResponseStore {

  /** A comment as stored: its learning, its author's id (the directory names them). */
  record Comment(long target, long id, long author, String body, Instant at) {}

  /** A round's title and the day its report-outs are due. */
  record Round(String title, LocalDate dueOn) {}

  private final JdbcClient jdbc;

  ResponseStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long comment(LearningKind.Ref ref, long author, String body, Instant at) {
    return jdbc.sql(
            "insert into learning_comment (kind, target_id, author_person_id, body, created_at)"
                + " values (?, ?, ?, ?, ?) returning id")
        .params(ref.kind().name(), ref.id(), author, body, Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  /** Marks once; false when the person had marked it so already. */
  boolean mark(LearningKind.Ref ref, long person, LearningResponses.Mark mark, Instant at) {
    return jdbc.sql(
                "insert into learning_mark (kind, target_id, person_id, mark, marked_at)"
                    + " values (?, ?, ?, ?, ?) on conflict do nothing")
            .params(ref.kind().name(), ref.id(), person, mark.name(), Timestamp.from(at))
            .update()
        == 1;
  }

  void helped(LearningKind.Ref ref) {
    jdbc.sql("update " + table(ref.kind()) + " set helped_count = helped_count + 1 where id = ?")
        .param(ref.id())
        .update();
  }

  int helpedCount(LearningKind.Ref ref) {
    return jdbc.sql("select helped_count from " + table(ref.kind()) + " where id = ?")
        .param(ref.id())
        .query(Integer.class)
        .single();
  }

  /** The marks a person made on these learnings of one kind, as (learning id, mark) pairs. */
  List<Object[]> marks(long personId, LearningKind kind, Long[] ids) {
    return jdbc.sql(
            "select target_id, mark from learning_mark where person_id = ? and kind = ?"
                + " and target_id = any(?)")
        .params(personId, kind.name(), ids)
        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
        .list();
  }

  /** The comments on these learnings of one kind, oldest first. */
  List<Comment> comments(LearningKind kind, List<Long> ids) {
    return jdbc.sql(
            "select target_id, id, author_person_id, body, created_at from learning_comment"
                + " where kind = ? and target_id = any(?) order by id")
        .params(kind.name(), ids.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new Comment(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  Optional<String> title(LearningKind kind, long id) {
    return jdbc.sql("select title from " + table(kind) + " where id = ?")
        .param(id)
        .query(String.class)
        .optional();
  }

  Optional<String> actionDescription(long actionId) {
    return jdbc.sql("select description from learning_action where id = ?")
        .param(actionId)
        .query(String.class)
        .optional();
  }

  Optional<Round> round(long roundId) {
    return jdbc.sql("select title, due_on from learning_round where id = ?")
        .param(roundId)
        .query((rs, n) -> new Round(rs.getString(1), rs.getObject(2, LocalDate.class)))
        .optional();
  }

  Optional<Long> reportOutAuthor(long id) {
    return jdbc.sql("select author_person_id from learning_report_out where id = ?")
        .param(id)
        .query(Long.class)
        .optional();
  }

  private static String table(LearningKind kind) {
    return kind == LearningKind.REVIEW ? "learning_review" : "learning_report_out";
  }
}
