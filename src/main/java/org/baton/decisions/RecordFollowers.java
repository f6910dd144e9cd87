package org.baton.decisions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way anything follows the decision record: every {@link RecordFollower} bean has a named
 * cursor, every one is followed by one scheduled task ({@code baton.decisions.follow-poll}), and a
 * follower is rebuilt the same way whatever it keeps.
 */
@Component
public class RecordFollowers implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(RecordFollowers.class);

  // looked up when followed, not when built: a follower may use what follows it (insights' recount)
  private final ObjectProvider<RecordFollower> followers;
  private final RecordCursorStore cursors;
  private final TransactionTemplate transactions;
  private final DecisionSettings settings;

  RecordFollowers(
      ObjectProvider<RecordFollower> followers,
      RecordCursorStore cursors,
      PlatformTransactionManager transactionManager,
      DecisionSettings settings) {
    this.followers = followers;
    this.cursors = cursors;
    this.transactions = new TransactionTemplate(transactionManager);
    this.settings = settings;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(this::followAll, settings.followPoll());
  }

  /** Every follower, until each has caught up; one that fails is tried again at the next poll. */
  void followAll() {
    followers
        .orderedStream()
        .forEach(
            follower -> {
              try {
                follow(follower);
              } catch (RuntimeException e) {
                log.warn("Following the decision record failed for {}", follower.name(), e);
              }
            });
  }

  /** Rounds of their own transaction until the follower has caught up; how many entries it read. */
  public long follow(RecordFollower follower) {
    long read = 0;
    while (true) {
      Step step = transactions.execute(status -> oneRound(follower));
      afterCommit(step.round());
      read += step.round().entries();
      if (!step.more()) {
        return read;
      }
    }
  }

  /** A round and whether another may find more. */
  private record Step(RecordFollower.Round round, boolean more) {}

  /**
   * Rebuilds what the follower keeps from the whole record, then follows what was appended
   * meanwhile; how many entries it read.
   */
  public long rebuild(RecordFollower follower) {
    RecordFollower.Round rebuilt =
        transactions.execute(
            status -> {
              cursors.lock(follower.name());
              return moved(follower, follower.rebuild());
            });
    afterCommit(rebuilt);
    return rebuilt.entries() + follow(follower);
  }

  private Step oneRound(RecordFollower follower) {
    long last = cursors.lock(follower.name());
    if (follower.outdated()) {
      log.info(
          "What {} keeps from the decision record is outdated: rebuilding it.", follower.name());
      return new Step(moved(follower, follower.rebuild()), true);
    }
    RecordFollower.Round round = follower.follow(last);
    return round.entries() == 0 ? new Step(round, false) : new Step(moved(follower, round), true);
  }

  private RecordFollower.Round moved(RecordFollower follower, RecordFollower.Round round) {
    cursors.move(follower.name(), round.lastSeq());
    return round;
  }

  private static void afterCommit(RecordFollower.Round round) {
    if (round.afterCommit() != null) {
      round.afterCommit().run();
    }
  }
}
