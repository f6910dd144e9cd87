package org.baton.decisions;

/**
 * Something kept from the decision record as it is written: growth's track records, the insights'
 * measures, the webhooks' deliveries. {@link RecordFollowers} hands it the entries after its
 * cursor, one round at a time, in the transaction that moves the cursor: what it keeps and how far
 * it has read commit together, so nothing is counted twice or missed, and the cursor's row lock
 * lets one server at a time follow.
 *
 * <p>A follower reads the entries itself ({@link DecisionRecord#appendedAfter} or {@link
 * DecisionRecord#outcomesAfter}, whichever shape it needs) and says how far it got.
 */
public interface RecordFollower {

  /**
   * What a round (or a rebuild) did.
   *
   * @param lastSeq the seq of the last entry handled; the cursor moves to it
   * @param entries how many entries it handled (0: caught up)
   * @param afterCommit what to do once the round has committed, outside its transaction (growth
   *     assesses the records the round touched); null for nothing
   */
  record Round(long lastSeq, long entries, Runnable afterCommit) {

    /** Nothing after {@code seq}: the follower has caught up. */
    public static Round caughtUp(long seq) {
      return new Round(seq, 0, null);
    }
  }

  /** The cursor's name: stored, so it never changes. */
  String name();

  /** Keeps what the entries after {@code afterSeq} add, at most a round's worth of them. */
  Round follow(long afterSeq);

  /**
   * Forgets everything kept, before following again from the first entry: after a change in what is
   * kept. A follower whose effects cannot be taken back (sent deliveries) refuses.
   */
  void forget();

  /**
   * Rebuilds what is kept from the whole record, in the cursor's transaction. By default it forgets
   * and lets the rounds that follow count everything again; a follower with a faster way (growth
   * streams the record and copies its tallies in) does that instead.
   */
  default Round rebuild() {
    forget();
    return Round.caughtUp(0);
  }

  /**
   * Whether what is kept no longer matches its settings and must be rebuilt before the next round
   * (growth's near-limit share); asked in the cursor's transaction.
   */
  default boolean outdated() {
    return false;
  }
}
