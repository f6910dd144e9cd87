package org.baton.learning;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How people answer a learning: comments, "I read it" and "this helped me". Each asks first whether
 * the person may see the learning, so that nobody comments on, marks or counts a review they may
 * not see.
 */
@Service
public class LearningResponses {

  /** A person's mark on a learning. */
  public enum Mark {
    READ,
    HELPED
  }

  static final int MAX_COMMENT = 5_000;

  private final JdbcClient jdbc;
  private final Directory directory;
  private final LearningReviews reviews;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  LearningResponses(
      JdbcClient jdbc,
      Directory directory,
      LearningReviews reviews,
      Clock clock,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.reviews = reviews;
    this.clock = clock;
    this.events = events;
  }

  @Transactional
  public ReportOut.Comment comment(BatonUser actor, LearningKind.Ref ref, String body) {
    long author = LearningPermissions.person(actor, "body");
    long target = authorOfVisible(actor, ref);
    String text = body == null ? "" : body.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("body", "Write a comment first.");
    }
    if (text.length() > MAX_COMMENT) {
      throw new InvalidInputException("body", "Keep a comment under 5,000 characters.");
    }
    long id =
        jdbc.sql(
                "insert into learning_comment (kind, target_id, author_person_id, body, created_at)"
                    + " values (?, ?, ?, ?, ?) returning id")
            .params(ref.kind().name(), ref.id(), author, text, Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    events.publishEvent(
        new LearningChanged(
            LearningChanged.Kind.COMMENTED, ref.kind(), ref.id(), null, author, List.of(target)));
    return comments(ref.kind(), List.of(ref.id())).get(ref.id()).stream()
        .filter(c -> c.id() == id)
        .findFirst()
        .orElseThrow();
  }

  /**
   * Marks a learning read or helpful for the actor (once each; again changes nothing) and returns
   * how often it has helped.
   */
  @Transactional
  public int mark(BatonUser actor, LearningKind.Ref ref, Mark mark) {
    long person = LearningPermissions.person(actor, "mark");
    authorOfVisible(actor, ref);
    if (mark == null) {
      throw new InvalidInputException("mark", "Choose read or helped.");
    }
    int added =
        jdbc.sql(
                "insert into learning_mark (kind, target_id, person_id, mark, marked_at)"
                    + " values (?, ?, ?, ?, ?) on conflict do nothing")
            .params(
                ref.kind().name(), ref.id(), person, mark.name(), Timestamp.from(clock.instant()))
            .update();
    String table = table(ref.kind());
    if (added == 1 && mark == Mark.HELPED) {
      jdbc.sql("update " + table + " set helped_count = helped_count + 1 where id = ?")
          .param(ref.id())
          .update();
    }
    return jdbc.sql("select helped_count from " + table + " where id = ?")
        .param(ref.id())
        .query(Integer.class)
        .single();
  }

  /** The marks a person has made on these learnings, as {@code review-12} to its marks. */
  @Transactional(readOnly = true)
  public Map<String, Set<Mark>> marksOf(long personId, Collection<LearningKind.Ref> refs) {
    Map<String, Set<Mark>> marks = new HashMap<>();
    if (refs.isEmpty()) {
      return marks;
    }
    for (LearningKind kind : LearningKind.values()) {
      Long[] ids =
          refs.stream().filter(r -> r.kind() == kind).map(r -> r.id()).toArray(Long[]::new);
      if (ids.length == 0) {
        continue;
      }
      jdbc.sql(
              "select target_id, mark from learning_mark where person_id = ? and kind = ?"
                  + " and target_id = any(?)")
          .params(personId, kind.name(), ids)
          .query(
              (rs, n) ->
                  marks
                      .computeIfAbsent(kind.ref(rs.getLong(1)), k -> new HashSet<>())
                      .add(Mark.valueOf(rs.getString(2))))
          .list();
    }
    return marks;
  }

  /** The comments on these learnings of one kind, oldest first, by learning. */
  Map<Long, List<ReportOut.Comment>> comments(LearningKind kind, List<Long> ids) {
    Map<Long, List<ReportOut.Comment>> byTarget = new HashMap<>();
    if (ids.isEmpty()) {
      return byTarget;
    }
    record Raw(long target, long id, long author, String body, java.time.Instant at) {}
    List<Raw> rows =
        jdbc.sql(
                "select target_id, id, author_person_id, body, created_at from learning_comment"
                    + " where kind = ? and target_id = any(?) order by id")
            .params(kind.name(), ids.toArray(Long[]::new))
            .query(
                (rs, n) ->
                    new Raw(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
            .list();
    Set<Long> authors = new LinkedHashSet<>(rows.stream().map(Raw::author).toList());
    Map<Long, String> names = directory.names(authors);
    for (Raw r : rows) {
      byTarget
          .computeIfAbsent(r.target(), k -> new ArrayList<>())
          .add(new ReportOut.Comment(r.id(), r.author(), names.get(r.author()), r.body(), r.at()));
    }
    return byTarget;
  }

  /** A learning's title, for the words of a notification about it. */
  public String title(LearningKind kind, long id) {
    return jdbc.sql("select title from " + table(kind) + " where id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .orElse("");
  }

  /** What an action of a review says should be done, for the words of its reminder. */
  public String actionDescription(long actionId) {
    return jdbc.sql("select description from learning_action where id = ?")
        .param(actionId)
        .query(String.class)
        .optional()
        .orElse("");
  }

  /** A report-out round's title and due date, in words. */
  public String roundTitle(long roundId) {
    // the day as the pages write it: "(by 12 Dec 2026)"
    return jdbc.sql("select title, due_on from learning_round where id = ?")
        .param(roundId)
        .query(
            (rs, n) ->
                rs.getString(1)
                    + " (by "
                    + java.time.format.DateTimeFormatter.ofPattern(
                            "d MMM yyyy", java.util.Locale.ENGLISH)
                        .format(rs.getObject(2, java.time.LocalDate.class))
                    + ")")
        .optional()
        .orElse("");
  }

  /** The learning's author, if the actor may see it; otherwise it is as good as absent. */
  private long authorOfVisible(BatonUser actor, LearningKind.Ref ref) {
    return switch (ref.kind()) {
      case REVIEW -> {
        LearningReview review = reviews.find(actor, ref.id());
        if (!review.published()) {
          throw new InvalidInputException("status", "Publish the review first.");
        }
        yield review.authorId();
      }
      case REPORT_OUT ->
          jdbc.sql("select author_person_id from learning_report_out where id = ?")
              .param(ref.id())
              .query(Long.class)
              .optional()
              .orElseThrow(() -> new NotFoundException("No report-out " + ref.id() + "."));
    };
  }

  private static String table(LearningKind kind) {
    return kind == LearningKind.REVIEW ? "learning_review" : "learning_report_out";
  }

  /** The reader's marks on one learning, as names the pages compare. */
  public Set<String> markNames(BatonUser reader, LearningKind kind, long id) {
    return markNames(reader, List.of(new LearningKind.Ref(kind, id)))
        .getOrDefault(kind.ref(id), Set.of());
  }

  /** The reader's marks by learning ({@code review-12}), as names the pages compare. */
  public Map<String, Set<String>> markNames(BatonUser reader, List<LearningKind.Ref> refs) {
    Map<String, Set<String>> names = new java.util.HashMap<>();
    if (reader.personId() != null) {
      marksOf(reader.personId(), refs)
          .forEach(
              (ref, marks) ->
                  names.put(
                      ref,
                      marks.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet())));
    }
    return names;
  }
}
