package org.baton.learning;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baton.platform.PageKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The learning feed's SQL: the merged keyed read of reviews and report-outs, and who follows whom.
 */
@Repository
class FeedStore {

  /**
   * One entry of the feed before it is loaded: a review or a report-out, and when it was published.
   */
  record Row(String kind, long id, Instant at) {}

  private final JdbcClient jdbc;

  FeedStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Up to {@code size + 1} entries after {@code key}, newest first: each side seeks to the key in
   * its own index, at most a page of it, and the two are merged.
   */
  List<Row> page(LearningFeed.Filter filter, Long me, PageKey key, int size) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder reviewWhere = new StringBuilder(" where r.status = 'PUBLISHED'");
    StringBuilder reportWhere = new StringBuilder(" where true");
    if (filter.team() != null) {
      params.put("team", new Long[] {filter.team()});
      reviewWhere.append(" and r.team_ids @> :team");
      reportWhere.append(" and o.team_ids @> :team");
    }
    if (filter.following()) {
      params.put("me", me == null ? -1L : me);
      String followed =
          " in (select followed_person_id from learning_follow where person_id = :me)";
      reviewWhere.append(" and r.author_person_id").append(followed);
      reportWhere.append(" and o.author_person_id").append(followed);
    }
    if (key != null) {
      params.put("at", java.sql.Timestamp.from(key.instant(0)));
      params.put("id", key.number(1));
      params.put("kind", key.text(2));
      reviewWhere.append(
          " and r.published_at <= :at and (r.published_at, r.id, 'review') < (:at, :id, :kind)");
      reportWhere.append(
          " and o.published_at <= :at"
              + " and (o.published_at, o.id, 'report-out') < (:at, :id, :kind)");
    }
    if (filter.tag() != null) {
      // Tags are the report-outs'; reviews name factors instead, so a tag shows report-outs only.
      params.put("tag", new String[] {filter.tag()});
      reportWhere.append(" and o.tags @> cast(:tag as text[])");
    }
    // Each side read newest first from its own index, at most a page of it, then the two merged.
    String reportOutSide =
        "(select 'report-out' as kind, o.id, o.published_at as at from learning_report_out o"
            + reportWhere
            + " order by o.published_at desc, o.id desc limit :limit)";
    String reviewSide =
        "(select 'review' as kind, r.id, r.published_at as at from learning_review r"
            + reviewWhere
            + " order by r.published_at desc, r.id desc limit :limit)";
    String sql =
        "select * from ("
            + (filter.tag() != null ? reportOutSide : reviewSide + " union all " + reportOutSide)
            + ") f";
    params.put("limit", size + 1);
    return jdbc.sql(sql + " order by at desc, id desc, kind desc limit :limit")
        .params(params)
        .query((rs, n) -> new Row(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()))
        .list();
  }

  /** Follows a person (one who exists); following twice is following once. */
  void follow(long me, long personId) {
    jdbc.sql(
            "insert into learning_follow (person_id, followed_person_id)"
                + " select ?, id from person where id = ? on conflict do nothing")
        .params(me, personId)
        .update();
  }

  void unfollow(long me, long personId) {
    jdbc.sql("delete from learning_follow where person_id = ? and followed_person_id = ?")
        .params(me, personId)
        .update();
  }

  List<Long> following(long me) {
    return jdbc.sql("select followed_person_id from learning_follow where person_id = ?")
        .param(me)
        .query(Long.class)
        .list();
  }
}
