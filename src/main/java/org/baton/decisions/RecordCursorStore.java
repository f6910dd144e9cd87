package org.baton.decisions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The followers' cursors: how far each has followed the decision record. */
@Repository
class RecordCursorStore {

  private final JdbcClient jdbc;

  RecordCursorStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The follower's cursor, locked until the transaction ends, so that one server at a time follows
   * with it; a follower seen for the first time starts before the first entry.
   */
  long lock(String follower) {
    jdbc.sql(
            "insert into decision_record_cursor (follower, last_seq) values (?, 0)"
                + " on conflict do nothing")
        .param(follower)
        .update();
    return jdbc.sql("select last_seq from decision_record_cursor where follower = ? for update")
        .param(follower)
        .query(Long.class)
        .single();
  }

  void move(String follower, long lastSeq) {
    jdbc.sql("update decision_record_cursor set last_seq = ? where follower = ?")
        .params(lastSeq, follower)
        .update();
  }
}
