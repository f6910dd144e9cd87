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

  private final FeedStore store;
  private final LearningReviews reviews;
  private final ReportOuts reportOuts;
  private final LearningResponses responses;
  private final LearningPermissions permissions;

  LearningFeed(
      FeedStore store,
      LearningReviews reviews,
      ReportOuts reportOuts,
      LearningResponses responses,
      LearningPermissions permissions) {
    this.store = store;
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
    KeyedPage<FeedStore.Row> rows =
        KeyedPage.of(
            store.page(filter, actor.personId(), key, SIZE),
            SIZE,
            row -> PageKey.of(row.at(), row.id(), row.kind()));
    List<FeedStore.Row> shown = rows.items();
    List<Long> reviewIds =
        shown.stream().filter(r -> r.kind().equals("review")).map(FeedStore.Row::id).toList();
    Map<Long, LearningReview> visibleReviews = new HashMap<>();
    reviews.load(reviewIds).stream()
        .filter(r -> permissions.maySee(actor, r))
        .forEach(r -> visibleReviews.put(r.id(), r));
    Map<Long, List<ReportOut.Comment>> reviewComments =
        responses.comments(LearningKind.REVIEW, List.copyOf(visibleReviews.keySet()));
    Map<Long, ReportOut> posts = new HashMap<>();
    reportOuts
        .load(
            shown.stream()
                .filter(r -> r.kind().equals("report-out"))
                .map(FeedStore.Row::id)
                .toList())
        .forEach(o -> posts.put(o.id(), o));
    List<Item> items = new ArrayList<>();
    for (FeedStore.Row row : shown) {
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
      store.follow(me, personId);
    } else {
      store.unfollow(me, personId);
    }
  }

  /** Whom a person follows. */
  @Transactional(readOnly = true)
  public List<Long> following(BatonUser actor) {
    return actor.personId() == null ? List.of() : store.following(actor.personId());
  }
}
