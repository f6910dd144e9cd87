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

  private final MeasuresStore store;
  private final Directory directory;
  private final Clock clock;

  LeadershipSpread(MeasuresStore store, Directory directory, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.clock = clock;
  }

  /** Counts all kinds of decision: who leads is about people, not about one kind. */
  @Transactional(readOnly = true)
  public Answer answer(InsightsQuery query) {
    Scope scope = Scope.of(query, directory, clock);
    LocalDate firstMonth = scope.from().withDayOfMonth(1);
    // Each person's rows for the years the period touches (one per team they led in): the months
    // they decided and led in, as bits, and their decisions per month. Counting distinct people by
    // month, by team and overall is done on these rows, some two per person for a year.
    Map<Long, long[]> people = new HashMap<>(); // decided months, led months, decisions
    Map<Long, java.util.Set<Long>> leadersByTeam = new HashMap<>();
    Map<LocalDate, long[]> byMonth = new TreeMap<>(); // leading, deciders, decisions, hand-overs
    for (MeasuresStore.LeaderYear row :
        store.leaderYears(firstMonth.getYear(), scope.to().getYear(), scope.teams())) {
      int year = row.year();
      int decided = row.decided();
      int led = row.led();
      Integer[] decisions = row.decisions();
      long[] person = people.computeIfAbsent(row.personId(), p -> new long[3]);
      boolean leadsInPeriod = false;
      for (int m = 0; m < 12; m++) {
        LocalDate month = LocalDate.of(year, m + 1, 1);
        if (month.isBefore(firstMonth) || month.isAfter(scope.to())) {
          continue;
        }
        long bit =
            1L
                << (month.getYear() * 12
                    + m
                    - firstMonth.getYear() * 12
                    - firstMonth.getMonthValue()
                    + 1);
        if ((decided & (1 << m)) != 0) {
          person[0] |= bit;
        }
        if ((led & (1 << m)) != 0) {
          person[1] |= bit;
        }
        leadsInPeriod |= ((decided | led) & (1 << m)) != 0;
        person[2] += decisions[m];
        if (decisions[m] > 0) {
          byMonth.computeIfAbsent(month, k -> new long[4])[2] += decisions[m];
        }
      }
      if (leadsInPeriod) {
        leadersByTeam
            .computeIfAbsent(row.teamId(), t -> new java.util.HashSet<>())
            .add(row.personId());
      }
    }
    List<Long> perPerson = new ArrayList<>();
    long leading = 0;
    long initiativeLeaders = 0;
    for (long[] person : people.values()) {
      if ((person[0] | person[1]) == 0) {
        continue; // led only outside the period
      }
      leading++;
      for (int month = 0; month < 64; month++) {
        long mask = 1L << month;
        if (((person[0] | person[1]) & mask) != 0) {
          long[] counts = byMonth.computeIfAbsent(firstMonth.plusMonths(month), m -> new long[4]);
          counts[0]++;
          if ((person[0] & mask) != 0) {
            counts[1]++;
          }
        }
      }
      if (person[0] != 0) {
        perPerson.add(person[2]);
      }
      if (person[1] != 0) {
        initiativeLeaders++;
      }
    }
    Map<Long, Long> leadingByTeam = new HashMap<>();
    leadersByTeam.forEach((team, leaders) -> leadingByTeam.put(team, (long) leaders.size()));
    Scope.Where handOvers = scope.between("at", false);
    for (MeasuresStore.MonthCount handed : store.handOversByMonth(handOvers)) {
      byMonth.computeIfAbsent(handed.month(), m -> new long[4])[3] = handed.count();
    }
    List<Month> monthly = new ArrayList<>();
    byMonth.forEach((month, f) -> monthly.add(new Month(month, f[0], f[1], f[2], f[3])));
    long decisions = perPerson.stream().mapToLong(Long::longValue).sum();
    Organisation organisation = directory.organisation();
    return new Answer(
        scope.from(),
        scope.to(),
        scope.team(),
        headcount(scope, organisation),
        leading,
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
