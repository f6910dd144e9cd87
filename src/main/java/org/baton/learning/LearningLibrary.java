package org.baton.learning;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.identity.BatonUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The library: full-text search over published reviews, ranked (the title weighs most, then what we
 * learned, then the rest; English stemming), tolerant of typos in titles (trigrams), with the
 * matching words highlighted. A reader finds only reviews they may see.
 */
@Service
public class LearningLibrary {

  /** One result: what it is, its title and a snippet as safe HTML with {@code <mark>}s. */
  @Schema(name = "LearningSearchResult")
  public record Result(String kind, long id, String titleHtml, String snippetHtml, double rank) {}

  private static final int MAX_RESULTS = 20;
  private static final String START = "\u0001";
  private static final String STOP = "\u0002";

  private final JdbcClient jdbc;
  private final LearningReviews reviews;
  private final LearningPermissions permissions;

  LearningLibrary(JdbcClient jdbc, LearningReviews reviews, LearningPermissions permissions) {
    this.jdbc = jdbc;
    this.reviews = reviews;
    this.permissions = permissions;
  }

  @Transactional(readOnly = true)
  public List<Result> search(BatonUser actor, String query) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty()) {
      return List.of();
    }
    String options = "StartSel=" + START + ", StopSel=" + STOP;
    Map<Long, Result> found = new LinkedHashMap<>();
    jdbc.sql(
            """
            select r.id,
                   ts_rank_cd(r.search, q) + similarity(r.title, :text) as rank,
                   ts_headline('english', r.title, q, :all) as title,
                   ts_headline('english', r.what_we_learned || ' ' || r.what_happened, q,
                               :snippet) as snippet
            from learning_review r, websearch_to_tsquery('english', :text) q
            where r.status = 'PUBLISHED' and (r.search @@ q or r.title % :text)
            order by rank desc, r.id desc
            limit :limit
            """)
        .param("text", q)
        .param("all", options + ", HighlightAll=true")
        .param("snippet", options + ", MaxWords=30, MinWords=12")
        .param("limit", MAX_RESULTS * 3)
        .query(
            (rs, n) ->
                found.put(
                    rs.getLong(1),
                    new Result(
                        "review",
                        rs.getLong(1),
                        marked(rs.getString(3)),
                        marked(rs.getString(4)),
                        rs.getDouble(2))))
        .list();
    List<Result> visible = new ArrayList<>();
    for (LearningReview review : reviews.load(List.copyOf(found.keySet()))) {
      if (visible.size() < MAX_RESULTS && permissions.maySee(actor, review)) {
        visible.add(found.get(review.id()));
      }
    }
    return visible;
  }

  /** Escapes the text, then turns the search's markers into {@code <mark>} elements. */
  static String marked(String headline) {
    return HtmlUtils.htmlEscape(headline == null ? "" : headline)
        .replace(START, "<mark>")
        .replace(STOP, "</mark>");
  }
}
