package org.baton.insights;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.directory.Directory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How fast: for each measure, how many ended in the period and how long they took (median and 90th
 * percentile, interpolated between neighbouring values), overall and by the month they ended. Read
 * from the rows {@link EventMeasures} keeps, one per thing measured; never from the modules' own
 * history.
 */
@Service
public class HowFast {

  /** A measure's name and the events that start and end it, shown beside its numbers. */
  enum Definition {
    INITIATIVE_DECIDED(
        EventMeasures.Measure.INITIATIVE_DECIDED,
        "Initiatives: spotted to decided",
        "someone starts the initiative",
        "its leader first sets it to Decided, In progress or Done (for the team of whoever"
            + " spotted it)"),
    ADVICE_FIRST(
        EventMeasures.Measure.ADVICE_FIRST,
        "Advice: asked to first advice",
        "someone asks a panel for advice",
        "the first panel member gives advice (for the asker's team)"),
    ADVICE_CLOSED(
        EventMeasures.Measure.ADVICE_CLOSED,
        "Advice: asked to closed",
        "someone asks a panel for advice",
        "the asker closes the request with a decision (for the asker's team)"),
    HOLDER_ANSWERED(
        EventMeasures.Measure.HOLDER_ANSWERED,
        "Requests to holders: asked to answered",
        "someone asks a holder to decide",
        "the holder approves or declines (for the requester's team)");

    final EventMeasures.Measure measure;
    final String title;
    final String startsWhen;
    final String endsWhen;

    Definition(EventMeasures.Measure measure, String title, String startsWhen, String endsWhen) {
      this.measure = measure;
      this.title = title;
      this.startsWhen = startsWhen;
      this.endsWhen = endsWhen;
    }
  }

  /** One month of a measure: how many ended then, and their median and 90th percentile. */
  @Schema(name = "HowFastMonth")
  public record Month(LocalDate month, long count, long medianSeconds, long p90Seconds) {}

  /**
   * One measure over the period: how many ended in it, and by month their median and 90th
   * percentile (a period's own percentiles would need every duration of it sorted at once; by
   * month, each month's are sorted alone, so that a year costs what twelve months cost).
   */
  @Schema(name = "HowFastMeasure")
  public record Measure(
      String code,
      String title,
      String startsWhen,
      String endsWhen,
      long count,
      List<Month> byMonth) {

    /** The period's last month with any, for the summary. */
    public Month latest() {
      return byMonth.isEmpty() ? null : byMonth.get(byMonth.size() - 1);
    }
  }

  @Schema(name = "HowFast")
  public record Answer(
      LocalDate from,
      LocalDate to,
      @Schema(nullable = true) Long team,
      @Schema(nullable = true) String decisionType,
      List<Measure> measures) {}

  private final MeasuresStore store;
  private final Directory directory;
  private final Clock clock;

  private final PastMonthDurationsStore pastMonths;

  HowFast(
      MeasuresStore store, Directory directory, Clock clock, PastMonthDurationsStore pastMonths) {
    this.pastMonths = pastMonths;
    this.store = store;
    this.directory = directory;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Answer answer(InsightsQuery query) {
    Scope scope = Scope.of(query, directory, clock);
    store.sortInMemory();
    Scope.Where where = scope.between("ended_at", true);
    // the month too, so that the index on (month, measure, seconds) hands the rows over in order
    where.sql.append(" and month between :fromMonth and :toMonth");
    where.params.put("fromMonth", java.sql.Date.valueOf(scope.from().withDayOfMonth(1)));
    where.params.put("toMonth", java.sql.Date.valueOf(scope.to().withDayOfMonth(1)));
    // For everyone and every kind, the whole months that are over are kept figures: read those,
    // and take the rest (a partial first or last month, the month under way) from the durations.
    Map<String, List<Month>> months = new LinkedHashMap<>();
    LocalDate thisMonth = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    LocalDate firstWhole =
        scope.from().getDayOfMonth() == 1
            ? scope.from()
            : scope.from().withDayOfMonth(1).plusMonths(1);
    LocalDate lastWhole =
        scope.to().plusDays(1).getDayOfMonth() == 1
            ? scope.to().withDayOfMonth(1)
            : scope.to().withDayOfMonth(1).minusMonths(1);
    if (lastWhole.isAfter(thisMonth.withDayOfMonth(1).minusMonths(1))) {
      lastWhole = thisMonth.withDayOfMonth(1).minusMonths(1);
    }
    boolean kept =
        scope.teams() == null && scope.decisionType() == null && !firstWhole.isAfter(lastWhole);
    if (kept) {
      List<String> codes =
          java.util.Arrays.stream(Definition.values()).map(d -> d.measure.code).toList();
      for (PastMonthDurationsStore.Figures f :
          pastMonths.wholeMonths(firstWhole, lastWhole, codes)) {
        months
            .computeIfAbsent(f.measure(), m -> new ArrayList<>())
            .add(new Month(f.month(), f.count(), f.median(), f.p90()));
      }
      // the durations of the other months only, each month sought in the index
      List<String> others = new ArrayList<>();
      for (LocalDate m = scope.from().withDayOfMonth(1);
          !m.isAfter(scope.to());
          m = m.plusMonths(1)) {
        if (m.isBefore(firstWhole) || m.isAfter(lastWhole)) {
          others.add(m.toString());
        }
      }
      where.sql.append(" and month = any (cast(:others as date[]))");
      where.params.put("others", others.toArray(String[]::new));
    }
    // One pass in the index's order: each measure's months, each month's durations sorted alone.
    for (MeasuresStore.DurationMonth d : store.durationMonths(where)) {
      months
          .computeIfAbsent(d.measure(), m -> new ArrayList<>())
          .add(new Month(d.month(), d.count(), d.median(), d.p90()));
    }
    List<Measure> measures = new ArrayList<>();
    for (Definition definition : Definition.values()) {
      String code = definition.measure.code;
      List<Month> byMonth =
          months.getOrDefault(code, List.of()).stream()
              .sorted(java.util.Comparator.comparing(Month::month))
              .toList();
      measures.add(
          new Measure(
              code,
              definition.title,
              definition.startsWhen,
              definition.endsWhen,
              byMonth.stream().mapToLong(Month::count).sum(),
              byMonth));
    }
    return new Answer(scope.from(), scope.to(), scope.team(), scope.decisionType(), measures);
  }

  /** A duration as people read it: minutes, hours or days. */
  public static String readable(Long seconds) {
    if (seconds == null) {
      return "–";
    }
    if (seconds < 60) {
      return "under 1 min";
    }
    if (seconds < 3_600) {
      return Math.round(seconds / 60.0) + " min";
    }
    if (seconds < 2 * 86_400) {
      return String.format(java.util.Locale.ROOT, "%.1f h", seconds / 3_600.0);
    }
    return String.format(java.util.Locale.ROOT, "%.1f d", seconds / 86_400.0);
  }

  /** The answer as CSV: one line per measure and month. */
  static String csv(Answer answer) {
    StringBuilder csv = new StringBuilder("measure,month,count,median_seconds,p90_seconds\n");
    for (Measure measure : answer.measures()) {
      for (Month m : measure.byMonth()) {
        csv.append(measure.code())
            .append(',')
            .append(m.month().toString(), 0, 7)
            .append(',')
            .append(m.count())
            .append(',')
            .append(m.medianSeconds())
            .append(',')
            .append(m.p90Seconds())
            .append('\n');
      }
    }
    return csv.toString();
  }
}
