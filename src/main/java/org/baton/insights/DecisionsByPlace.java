package org.baton.insights;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baton.decisions.Decision;
import org.baton.decisions.DecisionRecord;
import org.baton.decisions.RecordFollower;
import org.baton.decisions.RecordFollowers;
import org.baton.directory.Directory;
import org.baton.directory.Organisation;
import org.springframework.stereotype.Component;

/**
 * Keeps "where decisions are made" up to date: follows the decision record ({@link
 * RecordFollowers}) and adds each new decision to its day, team and type, in the same transaction
 * as the cursor moves, so nothing is counted twice or missed and no page ever counts all of
 * history.
 *
 * <p>Beside it, for the other measures: each decider's decisions per month (who leads), reversals
 * (learning), decisions with learnings shown or acknowledged, and decisions naming a priority.
 *
 * <p>What a decision counts as: decided by a holder on someone's request (for the requester's
 * team), else on one's own authority by someone who leads a team, else at the front line (both for
 * the decider's team). Reversals are not decisions; confidential decisions are not counted.
 */
@Component
class DecisionsByPlace implements RecordFollower {

  static final int ENTRIES_PER_ROUND = 1_000;

  enum Place {
    FRONT_LINE,
    TEAM_LEADERS,
    VIA_HOLDERS
  }

  private record Key(LocalDate day, long teamId, String decisionType) {}

  private record Decider(LocalDate month, long teamId, long personId) {}

  private final KeptFiguresStore store;
  private final DecisionRecord decisions;
  private final Directory directory;
  private final RecordFollowers followers;

  DecisionsByPlace(
      KeptFiguresStore store,
      DecisionRecord decisions,
      Directory directory,
      RecordFollowers followers) {
    this.store = store;
    this.decisions = decisions;
    this.directory = directory;
    this.followers = followers;
  }

  @Override
  public String name() {
    return "insights";
  }

  /** Follows the decision record until the measures have caught up (the scheduler does so too). */
  public void follow() {
    followers.follow(this);
  }

  /**
   * Counts everything again from the first entry: after a change in what counts where (and the test
   * that counting as decisions arrive equals counting all at once).
   */
  void recount() {
    followers.rebuild(this);
  }

  @Override
  public void forget() {
    store.forgetDecisions();
  }

  /** Counts the entries after the cursor, at most a round's worth. */
  @Override
  public Round follow(long afterSeq) {
    List<DecisionRecord.Appended> entries = decisions.appendedAfter(afterSeq, ENTRIES_PER_ROUND);
    if (entries.isEmpty()) {
      return Round.caughtUp(afterSeq);
    }
    Organisation organisation = directory.organisation();
    Map<Key, int[]> counts = new HashMap<>();
    Map<Decider, Integer> deciders = new HashMap<>();
    for (DecisionRecord.Appended entry : entries) {
      if (entry.kind() == Decision.Kind.REVERSAL
          && !entry.confidential()
          && entry.refersTo() != null
          && entry.deciderPersonId() != null) {
        store.reversal(
            entry.refersTo(),
            LocalDate.ofInstant(entry.decidedAt(), ZoneOffset.UTC),
            teamOf(entry.deciderPersonId(), organisation),
            entry.decisionType());
      }
      Place place = placeOf(entry, organisation);
      if (place != null) {
        LocalDate month = LocalDate.ofInstant(entry.decidedAt(), ZoneOffset.UTC).withDayOfMonth(1);
        deciders.merge(
            new Decider(
                month, teamOf(entry.deciderPersonId(), organisation), entry.deciderPersonId()),
            1,
            Integer::sum);
        long from =
            entry.requestedByPersonId() != null
                ? entry.requestedByPersonId()
                : entry.deciderPersonId();
        Key key =
            new Key(
                LocalDate.ofInstant(entry.decidedAt(), ZoneOffset.UTC),
                teamOf(from, organisation),
                entry.decisionType());
        int[] count = counts.computeIfAbsent(key, k -> new int[5]);
        count[place.ordinal()]++;
        count[3] += entry.learningsShown() > 0 ? 1 : 0;
        count[4] += entry.learningsAcknowledged() > 0 ? 1 : 0;
        if (entry.priorityId() != null) {
          store.priorityWork(
              KeptFiguresStore.PriorityWork.DECISION,
              entry.id(),
              entry.priorityId(),
              key.day(),
              key.teamId(),
              entry.decisionType());
        }
      }
    }
    add(counts, "insights_decision_day", "day");
    Map<Key, int[]> byMonth = new HashMap<>();
    counts.forEach(
        (key, count) -> {
          int[] sum =
              byMonth.computeIfAbsent(
                  new Key(key.day().withDayOfMonth(1), key.teamId(), key.decisionType()),
                  k -> new int[5]);
          for (int i = 0; i < sum.length; i++) {
            sum[i] += count[i];
          }
        });
    add(byMonth, "insights_decision_month", "month");
    addDeciders(deciders);
    return new Round(entries.get(entries.size() - 1).seq(), entries.size(), null);
  }

  /** The person's team as the directory says now; 0 for someone in no team. */
  static long teamOf(long personId, Organisation organisation) {
    Long teamId = organisation.member(personId).map(Organisation.Member::teamId).orElse(null);
    return teamId == null ? 0L : teamId;
  }

  /** Where an entry was decided, or null for what is not counted. */
  static Place placeOf(DecisionRecord.Appended entry, Organisation organisation) {
    if (entry.kind() == Decision.Kind.REVERSAL
        || entry.confidential()
        || entry.deciderPersonId() == null) {
      return null;
    }
    if (entry.requestedByPersonId() != null) {
      return Place.VIA_HOLDERS;
    }
    return organisation.teamsLedBy(entry.deciderPersonId()).isEmpty()
        ? Place.FRONT_LINE
        : Place.TEAM_LEADERS;
  }

  /** Adds the counts to a table kept by day or by month ({@code period}: its key's column). */
  private void add(Map<Key, int[]> counts, String table, String period) {
    if (counts.isEmpty()) {
      return;
    }
    List<Date> days = new ArrayList<>();
    List<Long> teams = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<Integer> front = new ArrayList<>();
    List<Integer> leaders = new ArrayList<>();
    List<Integer> holders = new ArrayList<>();
    List<Integer> shown = new ArrayList<>();
    List<Integer> acknowledged = new ArrayList<>();
    counts.forEach(
        (key, c) -> {
          days.add(Date.valueOf(key.day()));
          teams.add(key.teamId());
          types.add(key.decisionType());
          front.add(c[0]);
          leaders.add(c[1]);
          holders.add(c[2]);
          shown.add(c[3]);
          acknowledged.add(c[4]);
        });
    store.addDecisionCounts(
        table, period, days, teams, types, front, leaders, holders, shown, acknowledged);
  }

  /**
   * Adds each decider's decisions to their year's row: the month's bit and its count. Rows are
   * gathered by year first, so that no insert meets the same row twice.
   */
  private void addDeciders(Map<Decider, Integer> deciders) {
    if (deciders.isEmpty()) {
      return;
    }
    record Year(int year, long teamId, long personId) {}
    Map<Year, int[]> years = new java.util.LinkedHashMap<>();
    deciders.forEach(
        (decider, count) ->
            years
                    .computeIfAbsent(
                        new Year(decider.month().getYear(), decider.teamId(), decider.personId()),
                        y -> new int[12])[decider.month().getMonthValue() - 1] +=
                count);
    List<Integer> yearNumbers = new ArrayList<>();
    List<Long> teams = new ArrayList<>();
    List<Long> people = new ArrayList<>();
    List<Integer> months = new ArrayList<>();
    List<String> counts = new ArrayList<>();
    years.forEach(
        (year, perMonth) -> {
          yearNumbers.add(year.year());
          teams.add(year.teamId());
          people.add(year.personId());
          int bits = 0;
          for (int m = 0; m < 12; m++) {
            bits |= perMonth[m] > 0 ? 1 << m : 0;
          }
          months.add(bits);
          counts.add(
              java.util.Arrays.stream(perMonth)
                  .mapToObj(Integer::toString)
                  .collect(java.util.stream.Collectors.joining(",", "{", "}")));
        });
    store.addDeciders(yearNumbers, teams, people, months, counts);
  }
}
