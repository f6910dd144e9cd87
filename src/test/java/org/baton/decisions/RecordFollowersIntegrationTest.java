package org.baton.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one way to follow the decision record: a follower reads every entry once, in rounds, its
 * cursor moves with what it kept, a failed round moves nothing, and a rebuild starts again.
 */
@BatonIntegrationTest
class RecordFollowersIntegrationTest {

  @Autowired RecordFollowers followers;
  @Autowired DecisionRecord decisions;
  @Autowired JdbcClient jdbc;

  /** Remembers the seqs it was handed, in rounds of at most 50. */
  private class Remembering implements RecordFollower {
    final String name = "test-" + UUID.randomUUID();
    final List<Long> seen = new ArrayList<>();
    final List<Long> cursorAfterCommit = new ArrayList<>();
    int forgotten;
    boolean fail;

    @Override
    public String name() {
      return name;
    }

    @Override
    public Round follow(long afterSeq) {
      List<DecisionRecord.Appended> entries = decisions.appendedAfter(afterSeq, 50);
      if (fail && !entries.isEmpty()) {
        throw new IllegalStateException("this round fails");
      }
      if (entries.isEmpty()) {
        return Round.caughtUp(afterSeq);
      }
      entries.forEach(entry -> seen.add(entry.seq()));
      return new Round(
          entries.get(entries.size() - 1).seq(),
          entries.size(),
          () -> cursorAfterCommit.add(cursor(name)));
    }

    @Override
    public void forget() {
      forgotten++;
      seen.clear();
    }
  }

  @Test
  void aFollowerReadsEveryEntryOnceInOrderAndItsCursorMovesWithIt() {
    Remembering follower = new Remembering();
    long entries = jdbc.sql("select count(*) from decision").query(Long.class).single();
    long last = jdbc.sql("select max(seq) from decision").query(Long.class).single();
    assertThat(entries).as("the demo's record has more than one round").isGreaterThan(50);

    assertThat(followers.follow(follower)).isEqualTo(entries);

    assertThat(follower.seen).hasSize((int) entries).isSorted().doesNotHaveDuplicates();
    assertThat(cursor(follower.name)).isEqualTo(last);
    assertThat(follower.cursorAfterCommit)
        .as("what follows a round sees its cursor committed")
        .isNotEmpty()
        .isSorted()
        .endsWith(last);
    assertThat(followers.follow(follower)).as("caught up: nothing twice").isZero();
  }

  @Test
  void aFailedRoundMovesNothingAndTheNextOneGoesOnFromTheSamePlace() {
    Remembering follower = new Remembering();
    followers.follow(follower);
    long before = cursor(follower.name);
    // back by one entry, as if the last round had not committed
    jdbc.sql("update decision_record_cursor set last_seq = ? where follower = ?")
        .params(before - 1, follower.name)
        .update();
    follower.fail = true;

    assertThatThrownBy(() -> followers.follow(follower)).hasMessage("this round fails");

    assertThat(cursor(follower.name)).isEqualTo(before - 1);
    follower.fail = false;
    follower.seen.clear();
    assertThat(followers.follow(follower)).isEqualTo(1);
    assertThat(follower.seen).containsExactly(before);
  }

  @Test
  void aRebuildForgetsAndReadsTheWholeRecordAgain() {
    Remembering follower = new Remembering();
    long entries = followers.follow(follower);

    assertThat(followers.rebuild(follower)).isEqualTo(entries);

    assertThat(follower.forgotten).isEqualTo(1);
    assertThat(follower.seen).hasSize((int) entries).doesNotHaveDuplicates();
  }

  private long cursor(String name) {
    return jdbc.sql("select last_seq from decision_record_cursor where follower = ?")
        .param(name)
        .query(Long.class)
        .single();
  }
}
