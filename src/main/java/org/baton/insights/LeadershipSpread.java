package org.baton.insights;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.baton.directory.Directory;
import org.baton.directory.Organisation;
import org.baton.directory.Team;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leadership spread: how many different people lead (decide on the record, or start or take over an
 * initiative) as a share of the people there are, per team and overall; hand-overs per month; how
 * concentrated deciding is. Never who: no person is named or ranked, only shares.
 *
 * <p>Concentration: the share of decisions made by the top tenth of deciders (at least one person),
 * and the Herfindahl index, the sum of each decider's squared share of decisions (1: one person
 * decides everything; 1/n: n people decide equally).
 */
@Service
public class LeadershipSpread {

  @Schema(name = "LeadershipSpreadMonth")
  public record Month(
      LocalDate month, long leading, long deciders, long decisions, long handOvers) {}

  @Schema(name = "LeadershipSpreadTeam")
  public record TeamSpread(long teamId, String team, long headcount, long leading) {

    public int percent() {
      return headcount == 0 ? 0 : (int) Math.round(100.0 * leading / headcount);
    }
  }

  @Schema(name = "LeadershipSpread")
  public record Answer(
      LocalDate from,
      LocalDate to,
      @Schema(nullable = true) Long team,
      @Schema(description = "Active people in the team (with the teams below it) or everyone")
          long headcount,
      @Schema(description = "Distinct people who decided or led an initiative in the period")
          long leading,
      long deciders,
      long initiativeLeaders,
      long decisions,
      long handOvers,
      @Schema(description = "Percent of decisions made by the top tenth of deciders")
          int topTenthPercent,
      @Schema(description = "Sum of each decider's squared share of decisions, 0 to 1")
          double concentrationIndex,
      List<Month> byMonth,
      List<TeamSpread> byTeam) {

    public int leadingPercent() {
      return headcount == 0 ? 0 : (int) Math.round(100.0 * leading / headcount);
    }
  }

  private final JdbcClient jdbc;
  private final Directory directory;
  private final Clock clock;

  LeadershipSpread(JdbcClient jdbc, Directory directory, Clock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.clock = clock;
  }

  /** Counts all kinds of decision: who leads is about people, not about one kind. */
  @Transactional(readOnly = true)
  public Answer answer(InsightsQuery query) {
    Scope scope = Scope.of(query, directory, clock);
    Scope.sortInMemory(jdbc);
    Scope.Where months = scope.byMonth();
    // Each decider's decisions over the period: the spread and concentration, ranked nowhere.
    List<Long> perPerson =
        jdbc.sql(
                "select sum(decisions) from insights_decider_month"
                    + months
                    + " group by person_id")
            .params(months.params)
            .query(Long.class)
            .list();
    Map<LocalDate, long[]> byMonth = new TreeMap<>(); // leading, deciders, decisions, hand-overs
    jdbc.sql(
            "select month, count(distinct person_id), sum(decisions) from insights_decider_month"
                + months
                + " group by month")
        .params(months.params)
        .query(
            rs -> {
              long[] month = byMonth.computeIfAbsent(rs.getDate(1).toLocalDate(), m -> new long[4]);
              month[1] = rs.getLong(2);
              month[2] = rs.getLong(3);
            });
    // Who leads, deciding or leading an initiative: by month, by team and overall in one pass.
    Map<Long, Long> leadingByTeam = new HashMap<>();
    long[] leading = new long[1];
    jdbc.sql(
            "select month, team_id, count(distinct person_id) from (select month, team_id,"
                + " person_id from insights_decider_month"
                + months
                + " union select month, team_id, person_id from insights_lead"
                + months
                + ") l group by grouping sets ((month), (team_id), ())")
        .params(months.params)
        .query(
            rs -> {
              java.sql.Date month = rs.getDate(1);
              Long team = rs.getObject(2, Long.class);
              if (month != null) {
                byMonth.computeIfAbsent(month.toLocalDate(), m -> new long[4])[0] = rs.getLong(3);
              } else if (team != null) {
                leadingByTeam.put(team, rs.getLong(3));
              } else {
                leading[0] = rs.getLong(3);
              }
            });
    long initiativeLeaders =
        jdbc.sql("select count(distinct person_id) from insights_lead" + months)
            .params(months.params)
            .query(Long.class)
            .single();
    Scope.Where handOvers = scope.between("at", false);
    jdbc.sql(
            "select date_trunc('month', at at time zone 'UTC')::date, count(*)"
                + " from insights_handover"
                + handOvers
                + " group by 1")
        .params(handOvers.params)
        .query(
            rs -> {
              byMonth.computeIfAbsent(rs.getDate(1).toLocalDate(), m -> new long[4])[3] =
                  rs.getLong(2);
            });
    List<Month> monthly = new ArrayList<>();
    byMonth.forEach((month, f) -> monthly.add(new Month(month, f[0], f[1], f[2], f[3])));
    long decisions = perPerson.stream().mapToLong(Long::longValue).sum();
    Organisation organisation = directory.organisation();
    return new Answer(
        scope.from(),
        scope.to(),
        scope.team(),
        headcount(scope, organisation),
        leading[0],
        perPerson.size(),
        initiativeLeaders,
        decisions,
        monthly.stream().mapToLong(Month::handOvers).sum(),
        topTenthPercent(perPerson, decisions),
        concentrationIndex(perPerson, decisions),
        monthly,
        byTeam(scope, organisation, leadingByTeam));
  }

  /** Percent of decisions made by the busiest tenth of deciders (at least one). */
  static int topTenthPercent(Collection<Long> perPerson, long decisions) {
    if (decisions == 0) {
      return 0;
    }
    int top = Math.max(1, (int) Math.ceil(perPerson.size() / 10.0));
    long byTop =
        perPerson.stream()
            .sorted(Comparator.reverseOrder())
            .limit(top)
            .mapToLong(Long::longValue)
            .sum();
    return (int) Math.round(100.0 * byTop / decisions);
  }

  /** The Herfindahl index of decisions over deciders, to three places. */
  static double concentrationIndex(Collection<Long> perPerson, long decisions) {
    if (decisions == 0) {
      return 0;
    }
    double sum = 0;
    for (long count : perPerson) {
      double share = (double) count / decisions;
      sum += share * share;
    }
    return Math.round(sum * 1000) / 1000.0;
  }

  private static long headcount(Scope scope, Organisation organisation) {
    if (scope.teams() == null) {
      return organisation.members().stream().filter(Organisation.Member::active).count();
    }
    return scope.teams().stream().mapToLong(t -> organisation.activeMembersOf(t).size()).sum();
  }

  /** Each team in scope with people in it, in the directory's order. */
  private List<TeamSpread> byTeam(
      Scope scope, Organisation organisation, Map<Long, Long> leadingByTeam) {
    List<TeamSpread> teams = new ArrayList<>();
    for (Team team : directory.teams()) {
      if (scope.teams() != null && !scope.teams().contains(team.id())) {
        continue;
      }
      long headcount = organisation.activeMembersOf(team.id()).size();
      long leading = leadingByTeam.getOrDefault(team.id(), 0L);
      if (headcount > 0 || leading > 0) {
        teams.add(new TeamSpread(team.id(), team.name(), headcount, leading));
      }
    }
    return teams;
  }

  /** The answer as CSV: one line a month. */
  static String csv(Answer answer) {
    StringBuilder csv = new StringBuilder("month,people_leading,deciders,decisions,hand_overs\n");
    for (Month m : answer.byMonth()) {
      csv.append(m.month().toString(), 0, 7)
          .append(',')
          .append(m.leading())
          .append(',')
          .append(m.deciders())
          .append(',')
          .append(m.decisions())
          .append(',')
          .append(m.handOvers())
          .append('\n');
    }
    return csv.toString();
  }
}
