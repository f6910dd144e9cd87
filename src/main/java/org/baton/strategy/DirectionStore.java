package org.baton.strategy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the direction's versions, the ids of its priorities and goals, goal progress and the
 * strategy editors. A version is stored whole as a JSON document; moments come from the caller.
 */
@Component
class DirectionStore {

  /** A stored version as it was written: its document and who wrote it, when and why. */
  record StoredVersion(String document, String by, Instant at, String reason) {}

  private final JdbcClient jdbc;

  DirectionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Integer> newestVersion() {
    return jdbc.sql("select number from strategy_version order by number desc limit 1")
        .query(Integer.class)
        .optional();
  }

  Optional<StoredVersion> version(int number) {
    return jdbc.sql(
            "select document, changed_by_name, changed_at, reason from strategy_version"
                + " where number = ?")
        .param(number)
        .query(
            (rs, n) ->
                new StoredVersion(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getString(4)))
        .optional();
  }

  List<Strategy.VersionEntry> versions() {
    return jdbc.sql(
            "select number, part, reason, changed_by_name, changed_at from strategy_version"
                + " order by number desc")
        .query(
            (rs, n) ->
                new Strategy.VersionEntry(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** The newest version that had this priority. */
  Optional<Integer> newestHolding(long priorityId) {
    return jdbc.sql(
            "select number from strategy_version where document -> 'priorities' @> ?::jsonb"
                + " order by number desc limit 1")
        .param("[{\"id\": " + priorityId + "}]")
        .query(Integer.class)
        .optional();
  }

  /**
   * Writes the next version, one writer at a time (each number is the one after the newest); its
   * number.
   */
  int write(String document, String part, String reason, Long byId, String byName, Instant at) {
    jdbc.sql("select pg_advisory_xact_lock(hashtext('strategy_version'))").query().singleRow();
    int number =
        jdbc.sql("select coalesce(max(number), 0) + 1 from strategy_version")
            .query(Integer.class)
            .single();
    jdbc.sql(
            "insert into strategy_version (number, document, part, reason, changed_by_person_id,"
                + " changed_by_name, changed_at) values (?, ?::jsonb, ?, ?, ?, ?, ?)")
        .params(number, document, part, reason, byId, byName, Timestamp.from(at))
        .update();
    return number;
  }

  boolean priorityExists(long id) {
    return jdbc.sql("select exists (select 1 from strategy_priority where id = ?)")
        .param(id)
        .query(Boolean.class)
        .single();
  }

  /** The priority a goal belongs to, or -1 for no goal. */
  long priorityOfGoal(long goalId) {
    return jdbc.sql("select priority_id from strategy_goal where id = ?")
        .param(goalId)
        .query(Long.class)
        .optional()
        .orElse(-1L);
  }

  long newPriority(Instant at) {
    return jdbc.sql("insert into strategy_priority (created_at) values (?) returning id")
        .param(Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  long newGoal(long priorityId, Instant at) {
    return jdbc.sql(
            "insert into strategy_goal (priority_id, created_at) values (?, ?) returning id")
        .params(priorityId, Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  long addProgress(
      long goalId, BigDecimal value, String comment, Long personId, String byName, Instant at) {
    return jdbc.sql(
            "insert into strategy_goal_update (goal_id, value, comment, person_id, by_name,"
                + " recorded_at) values (?, ?, ?, ?, ?, ?) returning id")
        .params(goalId, value, comment, personId, byName, Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  /** Every progress update of a goal, newest first. */
  List<Direction.Progress> progress(long goalId) {
    return jdbc.sql(
            "select id, value, comment, by_name, recorded_at from strategy_goal_update"
                + " where goal_id = ? order by recorded_at desc, id desc")
        .param(goalId)
        .query(
            (rs, n) ->
                new Direction.Progress(
                    rs.getLong(1),
                    rs.getBigDecimal(2).stripTrailingZeros(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** Each goal's newest progress. */
  Map<Long, Direction.Progress> latestProgress(List<Long> goalIds) {
    Map<Long, Direction.Progress> latest = new HashMap<>();
    if (goalIds.isEmpty()) {
      return latest;
    }
    jdbc.sql(
            """
            select distinct on (goal_id) goal_id, id, value, comment, by_name, recorded_at
            from strategy_goal_update where goal_id = any(?)
            order by goal_id, recorded_at desc, id desc
            """)
        .param(goalIds.toArray(Long[]::new))
        .query(
            (RowCallbackHandler)
                rs ->
                    latest.put(
                        rs.getLong(1),
                        new Direction.Progress(
                            rs.getLong(2),
                            rs.getBigDecimal(3).stripTrailingZeros(),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getTimestamp(6).toInstant())));
    return latest;
  }

  List<Long> editors() {
    return jdbc.sql("select person_id from strategy_editor order by named_at")
        .query(Long.class)
        .list();
  }

  boolean isEditor(long personId) {
    return jdbc.sql("select exists (select 1 from strategy_editor where person_id = ?)")
        .param(personId)
        .query(Boolean.class)
        .single();
  }

  void nameEditor(long personId, Instant at) {
    jdbc.sql(
            "insert into strategy_editor (person_id, named_at) values (?, ?)"
                + " on conflict do nothing")
        .params(personId, Timestamp.from(at))
        .update();
  }

  void removeEditor(long personId) {
    jdbc.sql("delete from strategy_editor where person_id = ?").param(personId).update();
  }
}
