package org.baton.learning;

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
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.baton.platform.TextRules;
import org.springframework.context.ApplicationEventPublisher;
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

  private final ResponseStore store;
  private final Directory directory;
  private final LearningReviews reviews;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  LearningResponses(
      ResponseStore store,
      Directory directory,
      LearningReviews reviews,
      Clock clock,
      ApplicationEventPublisher events) {
    this.store = store;
    this.directory = directory;
    this.reviews = reviews;
    this.clock = clock;
    this.events = events;
  }

  @Transactional
  public ReportOut.Comment comment(BatonUser actor, LearningKind.Ref ref, String body) {
    long author = LearningPermissions.person(actor, "body");
    long target = authorOfVisible(actor, ref);
    List<FieldProblem> problems = new ArrayList<>();
    String text = TextRules.required("body", body, MAX_COMMENT, "Write a comment first.", problems);
    InvalidInputException.throwIfAny(problems);
    long id = store.comment(ref, author, text, clock.instant());
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
    if (store.mark(ref, person, mark, clock.instant()) && mark == Mark.HELPED) {
      store.helped(ref);
    }
    return store.helpedCount(ref);
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
      for (Object[] row : store.marks(personId, kind, ids)) {
        marks
            .computeIfAbsent(kind.ref((Long) row[0]), k -> new HashSet<>())
            .add(Mark.valueOf((String) row[1]));
      }
    }
    return marks;
  }

  /** The comments on these learnings of one kind, oldest first, by learning. */
  Map<Long, List<ReportOut.Comment>> comments(LearningKind kind, List<Long> ids) {
    Map<Long, List<ReportOut.Comment>> byTarget = new HashMap<>();
    if (ids.isEmpty()) {
      return byTarget;
    }
    List<ResponseStore.Comment> rows = store.comments(kind, ids);
    Set<Long> authors =
        new LinkedHashSet<>(rows.stream().map(ResponseStore.Comment::author).toList());
    Map<Long, String> names = directory.names(authors);
    for (ResponseStore.Comment r : rows) {
      byTarget
          .computeIfAbsent(r.target(), k -> new ArrayList<>())
          .add(new ReportOut.Comment(r.id(), r.author(), names.get(r.author()), r.body(), r.at()));
    }
    return byTarget;
  }

  /** A learning's title, for the words of a notification about it. */
  public String title(LearningKind kind, long id) {
    return store.title(kind, id).orElse("");
  }

  /** What an action of a review says should be done, for the words of its reminder. */
  public String actionDescription(long actionId) {
    return store.actionDescription(actionId).orElse("");
  }

  /** A report-out round's title and due date, in words. */
  public String roundTitle(long roundId) {
    // the day as the pages write it: "(by 12 Dec 2026)"
    return store
        .round(roundId)
        .map(
            round ->
                round.title()
                    + " (by "
                    + java.time.format.DateTimeFormatter.ofPattern(
                            "d MMM yyyy", java.util.Locale.ENGLISH)
                        .format(round.dueOn())
                    + ")")
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
          store
              .reportOutAuthor(ref.id())
              .orElseThrow(() -> new NotFoundException("No report-out " + ref.id() + "."));
    };
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
