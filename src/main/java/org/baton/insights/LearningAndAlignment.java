package org.baton.insights;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.baton.directory.Directory;
import org.baton.learning.LearningReviews;
import org.baton.strategy.Direction;
import org.baton.strategy.Strategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learning and alignment: do mistakes get a review, are past learnings shown and taken in when
 * deciding, are review actions done on time, and how much work names each priority. From what the
 * followers keep per day (reversals, decisions with learnings shown or acknowledged, work naming a
 * priority); the learning module says which reversed decisions a published review is about and how
 * the actions due went. Nothing confidential or restricted is counted.
 */
@Service
public class LearningAndAlignment {

  @Schema(name = "LearningActionsDue")
  public record Actions(long due, long doneOnTime, long doneLate, long overdue) {}

  /** A priority and the work that named it in the period. */
  @Schema(name = "PriorityWork")
  public record Priority(long priorityId, String title, long initiatives, long decisions) {}

  @Schema(name = "LearningAndAlignment")
  public record Answer(
      LocalDate from,
      LocalDate to,
      @Schema(nullable = true) Long team,
      @Schema(nullable = true) String decisionType,
      @Schema(description = "Decisions reversed in the period") long reversed,
      @Schema(description = "Of those, how many a published learning review is about")
          long reversedWithReview,
      long decisions,
      @Schema(description = "Decisions whose decider was shown past learnings before deciding")
          long withLearningsShown,
      @Schema(description = "Decisions whose decider read or marked helped a learning shown")
          long withLearningsAcknowledged,
      @Schema(description = "Actions of published reviews due in the period (every kind)")
          Actions actions,
      List<Priority> byPriority) {

    public int percent(long part, long whole) {
      return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
  }

  private final MeasuresStore store;
  private final Directory directory;
  private final LearningReviews reviews;
  private final Strategy strategy;
  private final Clock clock;

  LearningAndAlignment(
      MeasuresStore store,
      Directory directory,
      LearningReviews reviews,
      Strategy strategy,
      Clock clock) {
    this.store = store;
    this.directory = directory;
    this.reviews = reviews;
    this.strategy = strategy;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Answer answer(InsightsQuery query) {
    Scope scope = Scope.of(query, directory, clock);
    Scope.Where byDay = scope.byDay();
    List<Long> reversed = store.reversed(byDay);
    MeasuresStore.LearningCounts decisions = store.learningCounts(scope.decisionCounts());
    LearningReviews.ActionsDue due =
        reviews.actionsDue(scope.from(), scope.to(), scope.people(directory.organisation()));
    return new Answer(
        scope.from(),
        scope.to(),
        scope.team(),
        scope.decisionType(),
        reversed.size(),
        reviews.reviewed(reversed).size(),
        decisions.decisions(),
        decisions.withLearningsShown(),
        decisions.withLearningsAcknowledged(),
        new Actions(due.due(), due.doneOnTime(), due.doneLate(), due.overdue()),
        priorities(byDay));
  }

  private List<Priority> priorities(Scope.Where byDay) {
    Map<Long, long[]> counts = new TreeMap<>();
    for (MeasuresStore.PriorityCount row : store.priorityWork(byDay)) {
      counts
              .computeIfAbsent(row.priorityId(), id -> new long[2])[
              "INITIATIVE".equals(row.kind()) ? 0 : 1] =
          row.count();
    }
    List<Priority> priorities = new ArrayList<>();
    counts.forEach(
        (id, count) ->
            priorities.add(
                new Priority(
                    id,
                    strategy.priority(id).map(Direction.Priority::title).orElse("Priority " + id),
                    count[0],
                    count[1])));
    return priorities;
  }

  /** The answer as CSV: the figures, then one line per priority. */
  static String csv(Answer answer) {
    StringBuilder csv = new StringBuilder("measure,count\n");
    csv.append("reversed,").append(answer.reversed()).append('\n');
    csv.append("reversed_with_review,").append(answer.reversedWithReview()).append('\n');
    csv.append("decisions,").append(answer.decisions()).append('\n');
    csv.append("with_learnings_shown,").append(answer.withLearningsShown()).append('\n');
    csv.append("with_learnings_acknowledged,")
        .append(answer.withLearningsAcknowledged())
        .append('\n');
    csv.append("actions_due,").append(answer.actions().due()).append('\n');
    csv.append("actions_done_on_time,").append(answer.actions().doneOnTime()).append('\n');
    csv.append("actions_done_late,").append(answer.actions().doneLate()).append('\n');
    csv.append("actions_overdue,").append(answer.actions().overdue()).append('\n');
    csv.append("\npriority_id,priority,initiatives,decisions\n");
    for (Priority p : answer.byPriority()) {
      csv.append(p.priorityId())
          .append(',')
          .append(org.baton.platform.Csv.field(p.title()))
          .append(',')
          .append(p.initiatives())
          .append(',')
          .append(p.decisions())
          .append('\n');
    }
    return csv.toString();
  }
}
