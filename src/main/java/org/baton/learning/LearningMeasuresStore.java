package org.baton.learning;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What other modules count of learning reviews: the decisions reviewed (growth, insights) and how
 * the actions due in a period went (insights).
 */
@Component
class LearningMeasuresStore {

  private final JdbcClient jdbc;

  LearningMeasuresStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The decisions that published reviews by this author, published since then, are about. */
  List<Long> decisionsReviewedBy(long authorPersonId, Instant since) {
    return jdbc.sql(
            """
            select distinct l.target_id from learning_review r
            join learning_review_link l on l.review_id = r.id and l.kind = 'DECISION'
            where r.author_person_id = ? and r.status = 'PUBLISHED' and r.published_at >= ?
            """)
        .params(authorPersonId, Timestamp.from(since))
        .query(Long.class)
        .list();
  }

  /** Of these decisions, those a published review is about. */
  Set<Long> reviewed(Collection<Long> decisionIds) {
    return new HashSet<>(
        jdbc.sql(
                """
                select distinct l.target_id from learning_review_link l
                join learning_review r on r.id = l.review_id and r.status = 'PUBLISHED'
                where l.kind = 'DECISION' and l.target_id = any (cast(:ids as bigint[]))
                """)
            .param("ids", decisionIds.toArray(Long[]::new))
            .query(Long.class)
            .list());
  }

  /**
   * Per published review, its actions due between two days: how many, done by their due date, done
   * later, and still open after today.
   */
  Map<Long, long[]> actionsDue(
      LocalDate from, LocalDate to, LocalDate today, Collection<Long> owners) {
    Map<Long, long[]> byReview = new HashMap<>();
    var params = new LinkedHashMap<String, Object>();
    params.put("from", Date.valueOf(from));
    params.put("to", Date.valueOf(to));
    params.put("today", Date.valueOf(today));
    String owned = "";
    if (owners != null) {
      owned = " and a.owner_person_id = any (cast(:owners as bigint[]))";
      params.put("owners", owners.toArray(Long[]::new));
    }
    jdbc.sql(
            """
            select a.review_id, count(*),
                   count(*) filter (where a.done_at is not null
                                      and (a.done_at at time zone 'UTC')::date <= a.due_on),
                   count(*) filter (where a.done_at is not null
                                      and (a.done_at at time zone 'UTC')::date > a.due_on),
                   count(*) filter (where a.done_at is null and a.due_on < :today)
            from learning_action a
            join learning_review r on r.id = a.review_id and r.status = 'PUBLISHED'
            where a.due_on between :from and :to"""
                + owned
                + " group by a.review_id")
        .params(params)
        .query(
            (RowCallbackHandler)
                rs ->
                    byReview.put(
                        rs.getLong(1),
                        new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}));
    return byReview;
  }

  /** Of these reviews, those about decisions or advice requests (open only as those are). */
  List<Long> aboutDecisionsOrRequests(Collection<Long> reviewIds) {
    return jdbc.sql(
            "select distinct review_id from learning_review_link"
                + " where review_id = any (cast(:ids as bigint[]))"
                + " and kind in ('DECISION', 'ADVICE_REQUEST')")
        .param("ids", reviewIds.toArray(Long[]::new))
        .query(Long.class)
        .list();
  }
}
