package org.baton.insights;

import java.time.LocalDate;
import java.util.List;

/**
 * The insights on one screen: four numbers a leader reads first (where decisions are made, and how
 * many there are), each for the last whole month with its change on the month before. The month in
 * progress is never compared: half a month is not a collapse.
 *
 * @param month the last whole month in the period, null when the period has none
 * @param partialMonth the month in progress when the period reaches into it, else null
 */
public record InsightsSummary(LocalDate month, LocalDate partialMonth, List<Figure> figures) {

  /**
   * One number: its value in the last whole month, and its change on the month before (null when
   * there is no month before).
   *
   * @param unit "%" for shares (the change is in points), "" for counts (the change in percent)
   */
  public record Figure(String label, long value, String unit, Long change) {

    /** "▲ 4 points", "▼ 12 %", "no change"; empty without a month to compare with. */
    public String trend() {
      if (change == null) {
        return "";
      }
      if (change == 0) {
        return "no change on the month before";
      }
      return (change > 0 ? "▲ " : "▼ ")
          + Math.abs(change)
          + ("%".equals(unit) ? (Math.abs(change) == 1 ? " point" : " points") : " %")
          + " on the month before";
    }
  }

  static InsightsSummary of(WhereDecisionsAreMade.Answer where, LocalDate today) {
    LocalDate current = today.withDayOfMonth(1);
    List<WhereDecisionsAreMade.Month> months = where.byMonth();
    LocalDate partial = months.stream().anyMatch(m -> m.month().equals(current)) ? current : null;
    List<WhereDecisionsAreMade.Month> whole =
        months.stream().filter(m -> !m.month().equals(current)).toList();
    if (whole.isEmpty()) {
      return new InsightsSummary(null, partial, List.of());
    }
    WhereDecisionsAreMade.Month last = whole.get(whole.size() - 1);
    WhereDecisionsAreMade.Month before = whole.size() > 1 ? whole.get(whole.size() - 2) : null;
    return new InsightsSummary(
        last.month(),
        partial,
        List.of(
            share(
                "Decided at the front line",
                last.frontLine(),
                last,
                before == null ? null : before.frontLine(),
                before),
            share(
                "Decided by team leaders",
                last.teamLeaders(),
                last,
                before == null ? null : before.teamLeaders(),
                before),
            share(
                "Escalated to holders",
                last.viaHolders(),
                last,
                before == null ? null : before.viaHolders(),
                before),
            new Figure(
                "Decisions",
                last.total(),
                "",
                before == null || before.total() == 0
                    ? null
                    : Math.round(100.0 * (last.total() - before.total()) / before.total()))));
  }

  private static Figure share(
      String label,
      long part,
      WhereDecisionsAreMade.Month month,
      Long partBefore,
      WhereDecisionsAreMade.Month before) {
    long now = percent(part, month.total());
    Long change =
        before == null || before.total() == 0 ? null : now - percent(partBefore, before.total());
    return new Figure(label, now, "%", change);
  }

  private static long percent(long part, long total) {
    return total == 0 ? 0 : Math.round(100.0 * part / total);
  }
}
