package org.baton.learning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.baton.identity.BatonUser;
import org.baton.platform.KeyedPage;
import org.baton.platform.PageKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feed: published reviews and report-outs, newest first, narrowed to teams, a tag or the people
 * someone follows. Only reviews the reader may see.
 */
@Service
public class LearningFeed {

  /** One entry: a review or a report-out (the other is null). */
  public record Item(LearningReview review, ReportOut reportOut, List<ReportOut.Comment> comments) {

    public Instant at() {
      return review != null ? review.publishedAt() : reportOut.publishedAt();
    }
  }

  /** What the reader narrows the feed to. */
  public record Filter(Long team, String tag, boolean following) {
    public Filter {
      tag = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(java.util.Locale.ROOT);
    }
  }

  static final int SIZE = 20;

  private final JdbcClient jdbc;
  private final LearningReviews reviews;
  private final ReportOuts reportOuts;
  private final LearningResponses responses;
  private final LearningPermissions permissions;

  LearningFeed(
      JdbcClient jdbc,
      LearningReviews reviews,
      ReportOuts reportOuts,
      LearningResponses responses,
      LearningPermissions permissions) {
    this.jdbc = jdbc;
    this.reviews = reviews;
    this.reportOuts = reportOuts;
    this.responses = responses;
    this.permissions = permissions;
  }

  @Transactional(readOnly = true)
  /**
   * A page of the feed, newest first, read by key (published at, id, kind): each side seeks to the
   * key in its own index and the two are merged, so an old page costs what the first does.
   */
  public KeyedPage<Item> page(BatonUser actor, Filter filter, String after) {
    PageKey key = PageKey.parse(after, 3);
    Map<String, Object> params = new HashMap<>();
    StringBuilder reviewWhere = new StringBuilder(" where r.status = 'PUBLISHED'");
    StringBuilder reportWhere = new StringBuilder(" where true");
    if (filter.team() != null) {
      params.put("team", new Long[] {filter.team()});
      reviewWhere.append(" and r.team_ids @> :team");
      reportWhere.append(" and o.team_ids @> :team");
    }
    if (filter.following()) {
      params.put("me", actor.personId() == null ? -1L : actor.personId());
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
    params.put("limit", SIZE + 1);
    record Row(String kind, long id, Instant at) {}
    KeyedPage<Row> rows =
        KeyedPage.of(
            jdbc.sql(sql + " order by at desc, id desc, kind desc limit :limit")
                .params(params)
                .query(
                    (rs, n) ->
                        new Row(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()))
                .list(),
            SIZE,
            row -> PageKey.of(row.at(), row.id(), row.kind()));
    List<Row> shown = rows.items();
    List<Long> reviewIds =
        shown.stream().filter(r -> r.kind().equals("review")).map(Row::id).toList();
    Map<Long, LearningReview> visibleReviews = new HashMap<>();
    reviews.load(reviewIds).stream()
        .filter(r -> permissions.maySee(actor, r))
        .forEach(r -> visibleReviews.put(r.id(), r));
    Map<Long, List<ReportOut.Comment>> reviewComments =
        responses.comments(LearningKind.REVIEW, List.copyOf(visibleReviews.keySet()));
    Map<Long, ReportOut> posts = new HashMap<>();
    reportOuts
        .load(shown.stream().filter(r -> r.kind().equals("report-out")).map(Row::id).toList())
        .forEach(o -> posts.put(o.id(), o));
    List<Item> items = new ArrayList<>();
    for (Row row : shown) {
      if (row.kind().equals("review")) {
        LearningReview review = visibleReviews.get(row.id());
        if (review != null) {
          items.add(new Item(review, null, reviewComments.getOrDefault(review.id(), List.of())));
        }
      } else {
        ReportOut post = posts.get(row.id());
        items.add(new Item(null, post, post == null ? List.of() : post.comments()));
      }
    }
    // Reviews the reader may not see are left out; the key still moves past them.
    return new KeyedPage<>(items.stream().filter(Objects::nonNull).toList(), rows.next());
  }

  /** Follows or unfollows a person's learnings in the feed. */
  @Transactional
  public void follow(BatonUser actor, long personId, boolean follow) {
    long me = LearningPermissions.person(actor, "person");
    if (me == personId) {
      throw new org.baton.platform.InvalidInputException("person", "You cannot follow yourself.");
    }
    if (follow) {
      jdbc.sql(
              "insert into learning_follow (person_id, followed_person_id)"
                  + " select ?, id from person where id = ? on conflict do nothing")
          .params(me, personId)
          .update();
    } else {
      jdbc.sql("delete from learning_follow where person_id = ? and followed_person_id = ?")
          .params(me, personId)
          .update();
    }
  }

  /** Whom a person follows. */
  @Transactional(readOnly = true)
  public List<Long> following(BatonUser actor) {
    return actor.personId() == null
        ? List.of()
        : jdbc.sql("select followed_person_id from learning_follow where person_id = ?")
            .param(actor.personId())
            .query(Long.class)
            .list();
  }
}
