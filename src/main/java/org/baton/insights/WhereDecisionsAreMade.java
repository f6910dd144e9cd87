package org.baton.insights;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.baton.authority.DecisionTypeCode;
import org.baton.directory.Directory;
import org.baton.directory.Team;
import org.baton.directory.TeamTree;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  /** The longest period one answer covers. */
  static final int MOST_MONTHS = 36;

  /** What is asked: all of it optional; the last six months by default. */
  public record Query(LocalDate from, LocalDate to, Long team, String decisionType) {}

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

  private final JdbcClient jdbc;
  private final Directory directory;
  private final Clock clock;

  WhereDecisionsAreMade(JdbcClient jdbc, Directory directory, Clock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Answer answer(Query query) {
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
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    StringBuilder where = new StringBuilder(" where day between :from and :to");
    var sql = new java.util.LinkedHashMap<String, Object>();
    sql.put("from", Date.valueOf(from));
    sql.put("to", Date.valueOf(to));
    if (query.team() != null) {
      where.append(" and team_id = any (cast(:teams as bigint[]))");
      sql.put("teams", subtree(query.team()).toArray(Long[]::new));
    }
    if (type != null) {
      where.append(" and (decision_type = :type or decision_type like :below)");
      sql.put("type", type);
      sql.put("below", type + ".%");
    }
    List<Month> months =
        jdbc.sql(
                "select date_trunc('month', day)::date, sum(front_line), sum(team_leaders),"
                    + " sum(via_holders) from insights_decision_day"
                    + where
                    + " group by 1 order by 1")
            .params(sql)
            .query(
                (rs, n) -> {
                  long front = rs.getLong(2);
                  long leaders = rs.getLong(3);
                  long holders = rs.getLong(4);
                  return new Month(
                      rs.getDate(1).toLocalDate(),
                      front + leaders + holders,
                      front,
                      leaders,
                      holders);
                })
            .list();
    long front = months.stream().mapToLong(Month::frontLine).sum();
    long leaders = months.stream().mapToLong(Month::teamLeaders).sum();
    long holders = months.stream().mapToLong(Month::viaHolders).sum();
    return new Answer(
        from, to, query.team(), type, front + leaders + holders, front, leaders, holders, months);
  }

  /** The team and every team below it. */
  private List<Long> subtree(long teamId) {
    TeamTree tree = directory.organisation().tree();
    List<Long> ids = new ArrayList<>();
    List<Long> todo = new ArrayList<>(List.of(teamId));
    while (!todo.isEmpty()) {
      long id = todo.remove(todo.size() - 1);
      ids.add(id);
      tree.children(id).stream().map(Team::id).forEach(todo::add);
    }
    return ids;
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
