package org.baton.insights;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.baton.directory.Directory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where decisions are made, from the counts {@link DecisionsByPlace} keeps: over a period, for a
 * team with the teams below it and a decision type with the types below it, how many were decided
 * at the front line (on their own authority, by people who lead no team), by team leaders (on their
 * own authority) and by holders on someone's request; by month. Open to every member: confidential
 * decisions are never counted.
 */
@Service
public class WhereDecisionsAreMade {

  /** One month's counts; {@code month} is its first day. */
  @Schema(name = "DecisionPlacesMonth")
  public record Month(
      LocalDate month, long total, long frontLine, long teamLeaders, long viaHolders) {

    public int frontLinePercent() {
      return total == 0 ? 0 : (int) Math.round(100.0 * frontLine / total);
    }
  }

  /** The answer: the period it covers, its totals and each month's. */
  @Schema(name = "WhereDecisionsAreMade")
  public record Answer(
      LocalDate from,
      LocalDate to,
      @Schema(nullable = true) Long team,
      @Schema(nullable = true) String decisionType,
      long total,
      long frontLine,
      long teamLeaders,
      long viaHolders,
      List<Month> byMonth) {

    public int percent(long part) {
      return total == 0 ? 0 : (int) Math.round(100.0 * part / total);
    }
  }

  private final MeasuresStore store;
  private final Directory directory;
  private final Clock clock;

  WhereDecisionsAreMade(MeasuresStore store, Directory directory, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Answer answer(InsightsQuery query) {
    Scope scope = Scope.of(query, directory, clock);
    Scope.Where where = scope.decisionCounts();
    List<Month> months = store.decisionMonths(where);
    long front = months.stream().mapToLong(Month::frontLine).sum();
    long leaders = months.stream().mapToLong(Month::teamLeaders).sum();
    long holders = months.stream().mapToLong(Month::viaHolders).sum();
    return new Answer(
        scope.from(),
        scope.to(),
        scope.team(),
        scope.decisionType(),
        front + leaders + holders,
        front,
        leaders,
        holders,
        months);
  }

  /** The answer as CSV: one line a month. */
  static String csv(Answer answer) {
    StringBuilder csv = new StringBuilder("month,total,front_line,team_leaders,via_holders\n");
    for (Month m : answer.byMonth()) {
      csv.append(m.month().toString(), 0, 7)
          .append(',')
          .append(m.total())
          .append(',')
          .append(m.frontLine())
          .append(',')
          .append(m.teamLeaders())
          .append(',')
          .append(m.viaHolders())
          .append('\n');
    }
    return csv.toString();
  }
}
