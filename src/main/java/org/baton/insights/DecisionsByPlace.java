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
import org.baton.directory.Directory;
import org.baton.directory.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps "where decisions are made" up to date: follows the decision record after its own cursor and
 * adds each new decision to its day, team and type, in the same transaction as the cursor moves, so
 * nothing is counted twice or missed and no page ever counts all of history.
 *
 * <p>What a decision counts as: decided by a holder on someone's request (for the requester's
 * team), else on one's own authority by someone who leads a team, else at the front line (both for
 * the decider's team). Reversals are not decisions; confidential decisions are not counted.
 */
@Component
class DecisionsByPlace {

  static final int ENTRIES_PER_ROUND = 1_000;

  enum Place {
    FRONT_LINE,
    TEAM_LEADERS,
    VIA_HOLDERS
  }

  private record Key(LocalDate day, long teamId, String decisionType) {}

  private final JdbcClient jdbc;
  private final DecisionRecord decisions;
  private final Directory directory;
  private final TransactionTemplate transactions;

  DecisionsByPlace(
      JdbcClient jdbc,
      DecisionRecord decisions,
      Directory directory,
      org.springframework.transaction.PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.decisions = decisions;
    this.directory = directory;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** Rounds of their own transaction until caught up. */
  @Scheduled(
      fixedDelayString = "${baton.insights.poll:PT1S}",
      initialDelayString = "${baton.insights.poll:PT1S}")
  public void follow() {
    while (Boolean.TRUE.equals(transactions.execute(status -> oneRound()))) {
      // next round
    }
  }

  /**
   * Counts everything again from the first entry: after a change in what counts where (and the test
   * that counting as decisions arrive equals counting all at once).
   */
  void recount() {
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql("select last_seq from insights_cursor where id = 1 for update")
              .query(Long.class)
              .single();
          jdbc.sql("delete from insights_decision_day").update();
          jdbc.sql("update insights_cursor set last_seq = 0 where id = 1").update();
        });
    follow();
  }

  /** Counts the entries after the cursor and moves it; whether there may be more. */
  private boolean oneRound() {
    long last =
        jdbc.sql("select last_seq from insights_cursor where id = 1 for update")
            .query(Long.class)
            .single();
    List<DecisionRecord.Appended> entries = decisions.appendedAfter(last, ENTRIES_PER_ROUND);
    if (entries.isEmpty()) {
      return false;
    }
    Organisation organisation = directory.organisation();
    Map<Key, int[]> counts = new HashMap<>();
    for (DecisionRecord.Appended entry : entries) {
      Place place = placeOf(entry, organisation);
      if (place != null) {
        long from =
            entry.requestedByPersonId() != null
                ? entry.requestedByPersonId()
                : entry.deciderPersonId();
        Long teamId = organisation.member(from).map(Organisation.Member::teamId).orElse(null);
        long team = teamId == null ? 0L : teamId;
        Key key =
            new Key(
                LocalDate.ofInstant(entry.decidedAt(), ZoneOffset.UTC), team, entry.decisionType());
        counts.computeIfAbsent(key, k -> new int[3])[place.ordinal()]++;
      }
    }
    add(counts);
    jdbc.sql("update insights_cursor set last_seq = ? where id = 1")
        .param(entries.get(entries.size() - 1).seq())
        .update();
    return entries.size() == ENTRIES_PER_ROUND;
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

  private void add(Map<Key, int[]> counts) {
    if (counts.isEmpty()) {
      return;
    }
    List<Date> days = new ArrayList<>();
    List<Long> teams = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<Integer> front = new ArrayList<>();
    List<Integer> leaders = new ArrayList<>();
    List<Integer> holders = new ArrayList<>();
    counts.forEach(
        (key, c) -> {
          days.add(Date.valueOf(key.day()));
          teams.add(key.teamId());
          types.add(key.decisionType());
          front.add(c[0]);
          leaders.add(c[1]);
          holders.add(c[2]);
        });
    jdbc.sql(
            """
            insert into insights_decision_day as d
                (day, team_id, decision_type, front_line, team_leaders, via_holders)
            select * from unnest(cast(:days as date[]), cast(:teams as bigint[]),
                                 cast(:types as text[]), cast(:front as int[]),
                                 cast(:leaders as int[]), cast(:holders as int[]))
            on conflict (day, team_id, decision_type) do update set
                front_line = d.front_line + excluded.front_line,
                team_leaders = d.team_leaders + excluded.team_leaders,
                via_holders = d.via_holders + excluded.via_holders
            """)
        .param("days", days.toArray(Date[]::new))
        .param("teams", teams.toArray(Long[]::new))
        .param("types", types.toArray(String[]::new))
        .param("front", front.toArray(Integer[]::new))
        .param("leaders", leaders.toArray(Integer[]::new))
        .param("holders", holders.toArray(Integer[]::new))
        .update();
  }
}
