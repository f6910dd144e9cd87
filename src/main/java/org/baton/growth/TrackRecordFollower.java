package org.baton.growth;

import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.authority.LimitRaises;
import org.baton.decisions.Decision;
import org.baton.decisions.DecisionRecord;
import org.baton.decisions.RecordFollower;
import org.baton.platform.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the track records as the decision record is written: each entry adds a decision to its
 * decider's day bucket (with how near its limit it came), and a reversal or supersession to the day
 * of the decision it undid. The records a round touched are assessed once it has committed. A tuned
 * near-limit share makes the records outdated: they are rebuilt from the whole record.
 */
@Component
class TrackRecordFollower implements RecordFollower {

  private static final Logger log = LoggerFactory.getLogger(TrackRecordFollower.class);
  private static final int ENTRIES_PER_ROUND = 1_000;

  private final GrowthStore store;
  private final GrowthPolicy policy;
  private final DecisionRecord decisions;
  private final LimitRaises raises;
  private final RecordAssessments assessments;

  TrackRecordFollower(
      GrowthStore store,
      GrowthPolicy policy,
      DecisionRecord decisions,
      LimitRaises raises,
      RecordAssessments assessments) {
    this.store = store;
    this.policy = policy;
    this.decisions = decisions;
    this.raises = raises;
    this.assessments = assessments;
  }

  @Override
  public String name() {
    return "growth";
  }

  @Override
  public boolean outdated() {
    return store.countedWith().compareTo(policy.nearLimit()) != 0;
  }

  @Override
  public Round follow(long afterSeq) {
    List<DecisionRecord.Outcome> outcomes = decisions.outcomesAfter(afterSeq, ENTRIES_PER_ROUND);
    if (outcomes.isEmpty()) {
      return Round.caughtUp(afterSeq);
    }
    Map<GrowthStore.Key, GrowthStore.Tally> tallies = new HashMap<>();
    LimitRaises.Limits limits = raises.limits();
    Set<GrowthStore.Key> deciders = new LinkedHashSet<>();
    for (DecisionRecord.Outcome outcome : outcomes) {
      count(outcome, limits, tallies);
      if (outcome.kind() != Decision.Kind.REVERSAL && outcome.deciderPersonId() != null) {
        deciders.add(new GrowthStore.Key(outcome.deciderPersonId(), outcome.decisionType(), null));
      }
    }
    store.add(tallies);
    return new Round(
        outcomes.get(outcomes.size() - 1).seq(),
        outcomes.size(),
        () ->
            deciders.forEach(
                key -> assessments.considerSafely(key.personId(), key.decisionType())));
  }

  @Override
  public void forget() {
    store.replaceAll(Map.of());
    store.countWith(policy.nearLimit());
  }

  /**
   * Streams the whole record and copies its day buckets in, rather than following it round by round
   * (also the benchmark of a full recomputation); once committed, assesses every record with enough
   * decisions in the window, from the counts still at hand.
   */
  @Override
  public Round rebuild() {
    long started = System.nanoTime();
    LimitRaises.Limits limits = raises.limits();
    Map<GrowthStore.Key, GrowthStore.Tally> tallies = new HashMap<>();
    long[] last = {0, 0};
    decisions.forEachOutcome(
        outcome -> {
          count(outcome, limits, tallies);
          last[0] = outcome.seq();
          last[1]++;
        });
    long read = System.nanoTime();
    store.replaceAll(tallies);
    store.countWith(policy.nearLimit());
    log.info(
        "Rebuilt {} track-record days from {} entries: read and counted in {} ms, written in {} ms.",
        tallies.size(),
        last[1],
        (read - started) / 1_000_000,
        (System.nanoTime() - read) / 1_000_000);
    return new Round(last[0], last[1], () -> considerEarned(tallies));
  }

  private void considerEarned(Map<GrowthStore.Key, GrowthStore.Tally> tallies) {
    LocalDate since = assessments.windowStart();
    Map<GrowthStore.Key, Integer> recent = new HashMap<>();
    tallies.forEach(
        (key, tally) -> {
          if (!key.day().isBefore(since)) {
            recent.merge(
                new GrowthStore.Key(key.personId(), key.decisionType(), null),
                tally.decisions,
                Integer::sum);
          }
        });
    recent.forEach(
        (key, decisions) -> {
          if (decisions >= policy.decisions()) {
            assessments.considerSafely(key.personId(), key.decisionType());
          }
        });
  }

  /** What one entry adds: a decision to its decider's day, a reversal to the undone decision's. */
  private void count(
      DecisionRecord.Outcome outcome,
      LimitRaises.Limits limits,
      Map<GrowthStore.Key, GrowthStore.Tally> tallies) {
    if (outcome.kind() != Decision.Kind.REVERSAL && outcome.deciderPersonId() != null) {
      GrowthStore.Tally tally =
          tallies.computeIfAbsent(
              new GrowthStore.Key(
                  outcome.deciderPersonId(), outcome.decisionType(), day(outcome.decidedAt())),
              k -> new GrowthStore.Tally());
      tally.decisions++;
      Money limit =
          limits.limitOf(outcome.limitRuleId(), outcome.limitRuleVersion(), outcome.delegationId());
      if (outcome.amount() != null
          && limit != null
          && limit.currency().equals(outcome.currency())
          && limit.value().signum() > 0) {
        tally.limited++;
        tally.limitShareSum +=
            outcome.amount().divide(limit.value(), MathContext.DECIMAL64).doubleValue();
        if (policy.isNearLimit(outcome.amount(), limit.value())) {
          tally.nearLimit++;
        }
      }
    }
    if (outcome.kind() != Decision.Kind.DECISION
        && outcome.originalDeciderPersonId() != null
        && outcome.originalDecidedAt() != null) {
      GrowthStore.Tally undone =
          tallies.computeIfAbsent(
              new GrowthStore.Key(
                  outcome.originalDeciderPersonId(),
                  outcome.decisionType(),
                  day(outcome.originalDecidedAt())),
              k -> new GrowthStore.Tally());
      if (outcome.kind() == Decision.Kind.REVERSAL) {
        undone.reversed++;
      } else {
        undone.superseded++;
      }
    }
  }

  private static LocalDate day(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
