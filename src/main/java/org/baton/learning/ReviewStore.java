package org.baton.learning;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.baton.platform.SqlArrays;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of learning reviews and their actions, and their row mapping. Business moments
 * (published, done) are bound from the caller's clock.
 */
@Component
class ReviewStore {

  private final JdbcClient jdbc;

  ReviewStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A review as written, its texts already checked. */
  long insert(long author, ReviewDraft draft, List<Long> teamPath) {
    long id =
        jdbc.sql(
                """
                insert into learning_review (author_person_id, title, what_happened,
                    what_we_expected, what_we_learned, what_we_will_change, factors,
                    decision_types, perspectives, team_ids)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
            .params(
                author,
                draft.title(),
                draft.whatHappened(),
                draft.whatWeExpected(),
                draft.whatWeLearned(),
                draft.whatWeWillChange(),
                draft.factors().toArray(String[]::new),
                draft.decisionTypes().toArray(String[]::new),
                draft.perspectives().toArray(String[]::new),
                teamPath.toArray(Long[]::new))
            .query(Long.class)
            .single();
    link(id, "DECISION", draft.decisionIds());
    link(id, "INITIATIVE", draft.initiativeIds());
    link(id, "ADVICE_REQUEST", draft.adviceRequestIds());
    return id;
  }

  void addAction(long reviewId, long owner, String description, LocalDate due) {
    jdbc.sql(
            "insert into learning_action (review_id, owner_person_id, description, due_on)"
                + " values (?, ?, ?, ?)")
        .params(reviewId, owner, description, due)
        .update();
  }

  private void link(long reviewId, String kind, List<Long> targets) {
    for (long target : targets) {
      jdbc.sql("insert into learning_review_link (review_id, kind, target_id) values (?, ?, ?)")
          .params(reviewId, kind, target)
          .update();
    }
  }

  /** Publishes a draft; whether it was one. */
  boolean publish(long id, Instant at) {
    return jdbc.sql(
                "update learning_review set status = 'PUBLISHED', published_at = ?"
                    + " where id = ? and status = 'DRAFT'")
            .params(Timestamp.from(at), id)
            .update()
        == 1;
  }

  /** Marks an action done; whether it was still open. */
  boolean actionDone(long actionId, String note, Instant at) {
    return jdbc.sql(
                "update learning_action set done_at = ?, done_note = ? where id = ?"
                    + " and done_at is null")
            .params(Timestamp.from(at), note, actionId)
            .update()
        == 1;
  }

  /** The published reviews and this person's own, newest first, at most 100. */
  List<Long> publishedOrBy(Long personId) {
    return jdbc.sql(
            "select id from learning_review where status = 'PUBLISHED' or author_person_id = ?"
                + " order by coalesce(published_at, created_at) desc, id desc limit 100")
        .param(personId == null ? -1 : personId)
        .query(Long.class)
        .list();
  }

  /** A person's drafts, newest first, at most 20. */
  List<Long> draftsOf(long personId) {
    return jdbc.sql(
            "select id from learning_review where author_person_id = ? and status = 'DRAFT'"
                + " order by id desc limit 20")
        .param(personId)
        .query(Long.class)
        .list();
  }

  /** The reviews on which a person owns an open action. */
  List<Long> withOpenActionsOf(long personId) {
    return jdbc.sql(
            "select distinct review_id from learning_action where owner_person_id = ?"
                + " and done_at is null")
        .param(personId)
        .query(Long.class)
        .list();
  }

  /** A person's reviews with an action open past its due date. */
  List<Long> byWithOverdueActions(long authorId, LocalDate today) {
    return jdbc.sql(
            "select distinct a.review_id from learning_action a"
                + " join learning_review r on r.id = a.review_id"
                + " where r.author_person_id = ? and a.done_at is null and a.due_on < ?")
        .params(authorId, today)
        .query(Long.class)
        .list();
  }

  boolean anyWritten() {
    return jdbc.sql("select exists (select 1 from learning_review)").query(Boolean.class).single();
  }

  List<String> factorCodes() {
    return jdbc.sql("select code from learning_factor order by label").query(String.class).list();
  }

  /**
   * What decides who may see each of these reviews (the author, whether it is published, the
   * decisions and advice requests it names), read without the rest of them.
   */
  Map<Long, LearningPermissions.Reach> reachOf(List<Long> ids) {
    Map<Long, LearningPermissions.Reach> reach = new HashMap<>();
    jdbc.sql(
            """
            select r.id, r.author_person_id, r.status = 'PUBLISHED',
                   array(select l.target_id from learning_review_link l
                         where l.review_id = r.id and l.kind = 'DECISION'),
                   array(select l.target_id from learning_review_link l
                         where l.review_id = r.id and l.kind = 'ADVICE_REQUEST')
            from learning_review r where r.id = any(?)
            """)
        .param(ids.toArray(Long[]::new))
        .query(
            (RowCallbackHandler)
                rs ->
                    reach.put(
                        rs.getLong(1),
                        new LearningPermissions.Reach(
                            rs.getLong(2),
                            rs.getBoolean(3),
                            SqlArrays.longs(rs.getArray(4)),
                            SqlArrays.longs(rs.getArray(5)))));
    return reach;
  }

  /**
   * The reviews with their links and actions, in the order asked; those that do not exist are left
   * out. Names come from the caller (the directory's), today for what is overdue.
   */
  List<LearningReview> load(
      List<Long> ids, Function<Collection<Long>, Map<Long, String>> namesOf, LocalDate today) {
    Long[] wanted = ids.toArray(Long[]::new);
    Map<Long, Map<String, List<Long>>> links = new HashMap<>();
    jdbc.sql("select review_id, kind, target_id from learning_review_link where review_id = any(?)")
        .param(wanted)
        .query(
            (rs, n) ->
                links
                    .computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                    .add(rs.getLong(3)))
        .list();
    record RawAction(
        long reviewId,
        long id,
        long owner,
        String description,
        LocalDate due,
        Instant doneAt,
        String note) {}
    List<RawAction> actions =
        jdbc.sql(
                "select review_id, id, owner_person_id, description, due_on, done_at, done_note"
                    + " from learning_action where review_id = any(?) order by due_on, id")
            .param(wanted)
            .query(
                (rs, n) ->
                    new RawAction(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        instant(rs.getTimestamp(6)),
                        rs.getString(7)))
            .list();
    record Raw(
        long id,
        long author,
        String title,
        String happened,
        String expected,
        String learned,
        String change,
        List<String> factors,
        List<String> types,
        List<String> perspectives,
        String status,
        Instant created,
        Instant published,
        int helped) {}
    List<Raw> rows =
        jdbc.sql(
                """
                select id, author_person_id, title, what_happened, what_we_expected,
                    what_we_learned, what_we_will_change, factors, decision_types, perspectives,
                    status, created_at, published_at, helped_count
                from learning_review where id = any(?)
                """)
            .param(wanted)
            .query(
                (rs, n) ->
                    new Raw(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        SqlArrays.texts(rs.getArray(8)),
                        SqlArrays.texts(rs.getArray(9)),
                        SqlArrays.texts(rs.getArray(10)),
                        rs.getString(11),
                        instant(rs.getTimestamp(12)),
                        instant(rs.getTimestamp(13)),
                        rs.getInt(14)))
            .list();
    Set<Long> people = new LinkedHashSet<>();
    rows.forEach(r -> people.add(r.author()));
    actions.forEach(a -> people.add(a.owner()));
    Map<Long, String> names = namesOf.apply(people);
    Map<Long, LearningReview> byId = new LinkedHashMap<>();
    for (Raw r : rows) {
      Map<String, List<Long>> linked = links.getOrDefault(r.id(), Map.of());
      List<LearningReview.Action> own =
          actions.stream()
              .filter(a -> a.reviewId() == r.id())
              .map(
                  a ->
                      new LearningReview.Action(
                          a.id(),
                          a.owner(),
                          names.get(a.owner()),
                          a.description(),
                          a.due(),
                          a.doneAt(),
                          a.note(),
                          a.doneAt() == null && a.due().isBefore(today)))
              .toList();
      String text =
          String.join("\n", r.title(), r.happened(), r.expected(), r.learned(), r.change());
      byId.put(
          r.id(),
          new LearningReview(
              r.id(),
              r.author(),
              names.get(r.author()),
              r.title(),
              r.happened(),
              r.expected(),
              r.learned(),
              r.change(),
              r.factors(),
              linked.getOrDefault("DECISION", List.of()),
              linked.getOrDefault("INITIATIVE", List.of()),
              linked.getOrDefault("ADVICE_REQUEST", List.of()),
              r.types(),
              r.perspectives(),
              r.status(),
              r.created(),
              r.published(),
              r.helped(),
              own,
              BlameHints.in(text, names.values()).stream()
                  .map(h -> new LearningReview.Hint(h.phrase(), h.suggestion()))
                  .toList()));
    }
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** An open action of a published review, due soon, marked reminded. */
  record DueAction(long reviewId, long actionId, long ownerId, LocalDate dueOn) {}

  /**
   * Marks reminded, at most a thousand at a time, the open actions of published reviews due by
   * {@code dueBy} that were never reminded, and returns them; another server's round skips the rows
   * this one holds.
   */
  List<DueAction> markDueActionsReminded(Instant now, LocalDate dueBy) {
    return jdbc.sql(
            """
            update learning_action a set reminded_at = ?
            where a.id in (
                select a2.id from learning_action a2
                join learning_review r on r.id = a2.review_id and r.status = 'PUBLISHED'
                where a2.done_at is null and a2.reminded_at is null and a2.due_on <= ?
                order by a2.due_on, a2.id
                limit 1000
                for update of a2 skip locked)
            returning a.review_id, a.id, a.owner_person_id, a.due_on
            """)
        .params(java.sql.Timestamp.from(now), java.sql.Date.valueOf(dueBy))
        .query(
            (rs, n) ->
                new DueAction(
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate()))
        .list();
  }
}
