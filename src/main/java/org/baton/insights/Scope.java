package org.baton.insights;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.authority.DecisionTypeCode;
import org.baton.directory.Directory;
import org.baton.directory.Team;
import org.baton.directory.TeamTree;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.SqlFilters;

/**
 * An {@link InsightsQuery} checked and resolved: the period's days, the team's subtree, the kind of
 * decision; and the SQL conditions that choose exactly that, so that every measure filters alike.
 */
record Scope(LocalDate from, LocalDate to, Long team, List<Long> teams, String decisionType) {

  /** The longest period one answer covers. */
  static final int MOST_MONTHS = 36;

  static Scope of(InsightsQuery query, Directory directory, Clock clock) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate to = query.to() == null ? today : query.to();
    LocalDate from = query.from() == null ? to.minusMonths(6).withDayOfMonth(1) : query.from();
    List<FieldProblem> problems = new ArrayList<>();
    if (from.isAfter(to)) {
      problems.add(new FieldProblem("from", "The period starts after it ends."));
    } else if (ChronoUnit.MONTHS.between(from, to) >= MOST_MONTHS) {
      problems.add(new FieldProblem("to", "Ask for at most " + MOST_MONTHS + " months at a time."));
    }
    if (query.team() != null && directory.findTeam(query.team()).isEmpty()) {
      problems.add(new FieldProblem("team", "There is no such team."));
    }
    String type = query.decisionType() == null ? null : query.decisionType().strip();
    if (type != null && type.isEmpty()) {
      type = null;
    }
    if (type != null && !DecisionTypeCode.isValid(type)) {
      problems.add(
          new FieldProblem(
              "decisionType", "A kind of decision is a code such as customer.goodwill."));
    }
    InvalidInputException.throwIfAny(problems);
    List<Long> teams =
        query.team() == null ? null : subtree(directory.organisation().tree(), query.team());
    return new Scope(from, to, query.team(), teams, type);
  }

  /** The people of the chosen teams (the work they asked for is theirs), or null for everyone. */
  List<Long> people(org.baton.directory.Organisation organisation) {
    if (teams == null) {
      return null;
    }
    return organisation.members().stream()
        .filter(m -> m.teamId() != null && teams.contains(m.teamId()))
        .map(org.baton.directory.Organisation.Member::id)
        .toList();
  }

  /** The team and every team below it. */
  private static List<Long> subtree(TeamTree tree, long teamId) {
    List<Long> ids = new ArrayList<>();
    List<Long> todo = new ArrayList<>(List.of(teamId));
    while (!todo.isEmpty()) {
      long id = todo.remove(todo.size() - 1);
      ids.add(id);
      tree.children(id).stream().map(Team::id).forEach(todo::add);
    }
    return ids;
  }

  /** Conditions on a table kept by day ({@code day}, {@code team_id}, {@code decision_type}). */
  Where byDay() {
    Where where = new Where("day between :from and :to");
    where.params.put("from", Date.valueOf(from));
    where.params.put("to", Date.valueOf(to));
    return where.withTeamAndType(true);
  }

  /**
   * The period's decision counts as rows ({@code month, front_line, team_leaders, via_holders,
   * with_learnings_shown, with_learnings_acknowledged}), as a {@code from} clause: its whole months
   * from the counts kept by month, its partial first and last months from those kept by day, so
   * that a long period sums a few thousand rows.
   */
  Where decisionCounts() {
    LocalDate fullFrom = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
    LocalDate after = to.plusDays(1);
    LocalDate fullUntil = after.getDayOfMonth() == 1 ? after : to.withDayOfMonth(1);
    String columns =
        "front_line, team_leaders, via_holders, with_learnings_shown, with_learnings_acknowledged";
    Where months = new Where("month >= :fullFrom and month < :fullUntil").withTeamAndType(true);
    Where days =
        new Where("day between :from and :to and not (day >= :fullFrom and day < :fullUntil)")
            .withTeamAndType(true);
    Where counts =
        new Where(
            null,
            " from (select month, "
                + columns
                + " from insights_decision_month"
                + months
                + " union all select date_trunc('month', day)::date, "
                + columns
                + " from insights_decision_day"
                + days
                + ") counts");
    counts.params.putAll(months.params);
    counts.params.put("from", Date.valueOf(from));
    counts.params.put("to", Date.valueOf(to));
    counts.params.put("fullFrom", Date.valueOf(fullFrom));
    counts.params.put("fullUntil", Date.valueOf(fullUntil));
    return counts;
  }

  /** Conditions on a table kept by month ({@code month}, {@code team_id}); no kind of decision. */
  Where byMonth() {
    Where where = new Where("month between :from and :to");
    where.params.put("from", Date.valueOf(from.withDayOfMonth(1)));
    where.params.put("to", Date.valueOf(to));
    return where.withTeamAndType(false);
  }

  /** Conditions on a table of moments ({@code column}), the last day included whole. */
  Where between(String column, boolean typed) {
    Where where = new Where(column + " >= :from and " + column + " < :until");
    where.params.put("from", Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)));
    where.params.put(
        "until", Timestamp.from(to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
    return where.withTeamAndType(typed);
  }

  /** A where clause and its named parameters. */
  final class Where {
    final StringBuilder sql;
    final Map<String, Object> params = new LinkedHashMap<>();

    private Where(String first) {
      this.sql = new StringBuilder(" where ").append(first);
    }

    private Where(Void whole, String sql) {
      this.sql = new StringBuilder(sql);
    }

    private Where withTeamAndType(boolean typed) {
      if (teams != null) {
        sql.append(" and team_id = any (cast(:teams as bigint[]))");
        params.put("teams", teams.toArray(Long[]::new));
      }
      if (typed && decisionType != null) {
        SqlFilters.kindWithKindsBelow(sql, params, "decision_type", decisionType);
      }
      return this;
    }

    @Override
    public String toString() {
      return sql.toString();
    }
  }
}
