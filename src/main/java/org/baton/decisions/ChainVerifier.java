package org.baton.decisions;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baton.decisions.DecisionRecord.Verification;
import org.baton.platform.BatonProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies the decision record: every entry's hash and link, then every checkpoint of the witness.
 * A changed entry breaks its hash; deleted newest entries (with the head moved back) or a rewritten
 * tail break a checkpoint, which names the last one that still holds. An intact record gets a new
 * checkpoint of its head, on every verification and every {@code baton.witness.interval}.
 */
@Component
class ChainVerifier implements SchedulingConfigurer {

  private final DecisionRepository repository;
  private final DecisionWitness witness;
  private final Duration interval;
  private final TransactionTemplate readOnly;

  ChainVerifier(
      DecisionRepository repository,
      DecisionWitness witness,
      BatonProperties properties,
      PlatformTransactionManager transactionManager) {
    this.repository = repository;
    this.witness = witness;
    this.interval = properties.witness().interval();
    this.readOnly = new TransactionTemplate(transactionManager);
    readOnly.setReadOnly(true);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    // in a read-only transaction of its own: the rows stream through a cursor
    registrar.addFixedDelayTask(
        new FixedDelayTask(
            () -> readOnly.executeWithoutResult(status -> verify()), interval, interval));
  }

  @Transactional(readOnly = true)
  Verification verify() {
    List<Checkpoint> checkpoints = witness.checkpoints();
    for (Checkpoint checkpoint : checkpoints) {
      if (!witness.signed(checkpoint)) {
        return broken(
            0,
            null,
            "A checkpoint in the witness's log does not carry its signature: the log was altered"
                + " ("
                + checkpoint.signedText().replace('\n', ' ')
                + ").",
            checkpoints.size(),
            null);
      }
    }
    Map<Long, List<Checkpoint>> bySeq = new HashMap<>();
    checkpoints.forEach(
        c -> bySeq.computeIfAbsent(c.seq(), s -> new java.util.ArrayList<>()).add(c));

    Walk walk = new Walk(bySeq);
    repository.forEachInOrder(walk::visit);
    if (walk.problem != null) {
      return broken(walk.count, walk.brokenSeq, walk.problem, checkpoints.size(), walk.lastGood);
    }
    for (Checkpoint checkpoint : checkpoints) {
      if (checkpoint.seq() > walk.lastSeq) {
        return broken(
            walk.count,
            walk.lastSeq + 1,
            "The record ends at entry #"
                + walk.lastSeq
                + ", but the witness signed entry #"
                + checkpoint.seq()
                + " on "
                + DateTimeFormatter.ISO_INSTANT.format(checkpoint.at())
                + ": entries were removed.",
            checkpoints.size(),
            walk.lastGood);
      }
    }
    Checkpoint latest = walk.lastSeq == 0 ? walk.lastGood : signIfMoved(walk, checkpoints);
    return new Verification(
        true,
        walk.count,
        null,
        null,
        checkpoints.size() + (latest != walk.lastGood ? 1 : 0),
        latest);
  }

  /** A new checkpoint only when the head moved since the newest one, so the log stays short. */
  private Checkpoint signIfMoved(Walk walk, List<Checkpoint> checkpoints) {
    Checkpoint newest = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1);
    if (newest != null && newest.seq() == walk.lastSeq && newest.head().equals(walk.lastHash)) {
      return newest;
    }
    return witness.sign(walk.lastSeq, walk.lastHash);
  }

  private static Verification broken(
      long entries, Long seq, String problem, int checkpoints, Checkpoint lastGood) {
    return new Verification(false, entries, seq, problem, checkpoints, lastGood);
  }

  /** One pass over the chain in order, stopping at the first problem. */
  private static final class Walk {
    private final Map<Long, List<Checkpoint>> checkpoints;
    private String previous = DecisionChain.GENESIS;
    private long count;
    private long lastSeq;
    private String lastHash = DecisionChain.GENESIS;
    private Checkpoint lastGood;
    private Long brokenSeq;
    private String problem;

    Walk(Map<Long, List<Checkpoint>> checkpoints) {
      this.checkpoints = checkpoints;
    }

    void visit(Decision d) {
      if (problem != null) {
        return;
      }
      count++;
      if (!d.prevHash().equals(previous)) {
        fail(d.seq(), "Its link to the entry before is broken.");
      } else if (!DecisionChain.hash(d.prevHash(), DecisionChain.content(d)).equals(d.hash())) {
        fail(d.seq(), "Its content no longer matches its hash.");
      } else {
        for (Checkpoint c : checkpoints.getOrDefault(d.seq(), List.of())) {
          if (!c.head().equals(d.hash())) {
            fail(
                d.seq(),
                "It is not the entry the witness signed on "
                    + DateTimeFormatter.ISO_INSTANT.format(c.at())
                    + ": the record was rewritten from here on.");
            return;
          }
          lastGood = c;
        }
      }
      previous = d.hash();
      lastSeq = d.seq();
      lastHash = d.hash();
    }

    private void fail(long seq, String why) {
      brokenSeq = seq;
      problem = why;
    }
  }
}
