package org.baton.authority;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.baton.platform.CanonicalJson;
import org.baton.platform.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps every check, so that a rule change can be previewed against the questions people really
 * asked. Written in batches off the request thread: a check must not wait for a disk write.
 */
@Component
class CheckLogStore implements DisposableBean, PastQuestion.Source {

  private static final Logger log = LoggerFactory.getLogger(CheckLogStore.class);
  private static final int MAX_QUEUED = 100_000;

  private final JdbcTemplate jdbc;

  /**
   * @param justExceeded the rule whose limit the amount just exceeded, or null
   * @param teamId the asker's team, or null
   */
  private record Entry(
      CheckQuestion question,
      Verdict verdict,
      java.time.Instant at,
      AuthorityRule justExceeded,
      Long teamId) {}

  private record NearMiss(java.time.LocalDate day, long ruleId, long teamId, String type) {}

  private final ConcurrentLinkedQueue<Entry> queue = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService writer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "authority-check-log");
            thread.setDaemon(true);
            return thread;
          });

  private final JsonMapper json;

  CheckLogStore(JdbcTemplate jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
    writer.scheduleWithFixedDelay(this::flush, 250, 250, TimeUnit.MILLISECONDS);
  }

  void record(CheckQuestion question, CheckResult result, AuthorityRule justExceeded, Long teamId) {
    if (queue.size() < MAX_QUEUED) {
      queue.add(new Entry(question, result.verdict(), result.checkedAt(), justExceeded, teamId));
    }
  }

  synchronized void flush() {
    List<Object[]> batch = new ArrayList<>();
    java.util.Map<NearMiss, Integer> nearMisses = new java.util.HashMap<>();
    Entry entry;
    while ((entry = queue.poll()) != null) {
      CheckQuestion q = entry.question();
      if (entry.justExceeded() != null) {
        nearMisses.merge(
            new NearMiss(
                java.time.LocalDate.ofInstant(entry.at(), java.time.ZoneOffset.UTC),
                entry.justExceeded().id(),
                entry.teamId() == null ? 0L : entry.teamId(),
                q.decisionType()),
            1,
            Integer::sum);
      }
      batch.add(
          new Object[] {
            q.personId(),
            q.decisionType(),
            q.amount() == null ? null : q.amount().value(),
            q.amount() == null ? null : q.amount().currency(),
            CanonicalJson.stringMap(q.context()),
            entry.verdict().name(),
            Timestamp.from(entry.at())
          });
    }
    if (batch.isEmpty()) {
      return;
    }
    countNearMisses(nearMisses);
    try {
      jdbc.batchUpdate(INSERT, batch);
    } catch (RuntimeException e) {
      // One entry the database refuses must not cost everybody else's: keep them one by one.
      int lost = 0;
      for (Object[] row : batch) {
        try {
          jdbc.update(INSERT, row);
        } catch (RuntimeException refused) {
          lost++;
        }
      }
      log.warn("Could not keep {} of {} authority checks for previews", lost, batch.size(), e);
    }
  }

  /** Adds this batch's just-exceeded checks to each rule's day, in one statement. */
  private void countNearMisses(java.util.Map<NearMiss, Integer> nearMisses) {
    if (nearMisses.isEmpty()) {
      return;
    }
    List<Object[]> rows = new ArrayList<>();
    nearMisses.forEach(
        (miss, checks) ->
            rows.add(
                new Object[] {
                  java.sql.Date.valueOf(miss.day()),
                  miss.ruleId(),
                  miss.teamId(),
                  miss.type(),
                  checks
                }));
    try {
      jdbc.batchUpdate(
          "insert into authority_rule_just_exceeded as j"
              + " (day, rule_id, team_id, decision_type, checks) values (?, ?, ?, ?, ?)"
              + " on conflict (day, rule_id, team_id, decision_type)"
              + " do update set checks = j.checks + excluded.checks",
          rows);
    } catch (RuntimeException e) {
      log.warn("Could not count {} rules just exceeded", rows.size(), e);
    }
  }

  private static final String INSERT =
      "insert into authority_check_log"
          + " (person_id, decision_type, amount, currency, context, verdict, checked_at)"
          + " values (?, ?, ?, ?, ?::jsonb, ?, ?)";

  @Override
  public List<PastQuestion> since(java.time.Instant since, int max) {
    flush();
    return jdbc.query(
        "select person_id, decision_type, amount, currency, context::text, checked_at"
            + " from authority_check_log where checked_at >= ? order by checked_at desc limit ?",
        (rs, n) ->
            new PastQuestion(
                "check",
                rs.getLong(1),
                rs.getString(2),
                rs.getBigDecimal(3) == null
                    ? null
                    : new Money(rs.getBigDecimal(3), rs.getString(4)),
                context(rs.getString(5)),
                rs.getTimestamp(6).toInstant()),
        Timestamp.from(since),
        max);
  }

  private java.util.Map<String, String> context(String text) {
    java.util.Map<String, String> context = new java.util.LinkedHashMap<>();
    json.readTree(text).properties().forEach(e -> context.put(e.getKey(), e.getValue().asString()));
    return context;
  }

  @Override
  public void destroy() {
    writer.shutdown();
    flush();
  }
}
