package org.baton.learning;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The library's SQL ({@link LearningLibrary}): ranking in the database from each table's own index,
 * and headlines for a page of rows alone.
 */
@Repository
class LibraryStore {

  /** Where a query's words are looked for. */
  enum Where {
    /** In the titles only, stemmed. */
    TITLES,
    /** Anywhere in the text, stemmed, or close to a part of the title (typos, partial words). */
    ANYWHERE
  }

  /** A ranked match, before highlighting. */
  record Found(String kind, long id, double rank, Instant at, int helped) {}

  /** A row's title and snippet with the search's markers, and its rank by the whole text. */
  record Headline(String kind, long id, double rank, String title, String snippet) {}

  private final JdbcClient jdbc;

  LibraryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Plans this transaction's queries for their words: a typo in each of two words ("warrenty
   * repiar") is still close to a part of the title, but not at the default 0.6; 0.4 finds it
   * without letting in titles that merely share letters. Each query is planned for its words, not
   * once for any: a common word and a rare one need different plans.
   */
  void planForTheseWords() {
    jdbc.sql(
            "select set_config('pg_trgm.word_similarity_threshold', '0.4', true),"
                + " set_config('plan_cache_mode', 'force_custom_plan', true)")
        .query((rs, n) -> rs.getString(1))
        .single();
  }

  /** The first {@code candidates} in the query's order. */
  List<Found> ranked(
      LearningLibrary.Query query, Where where, String[] typeAndBelow, int candidates) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("text", query.text());
    boolean words = !query.text().isEmpty();
    String reviewWhere = where("r", query, words ? where : null, true, typeAndBelow, params);
    String reportWhere = where("o", query, words ? where : null, false, typeAndBelow, params);
    String rank =
        words ? "ts_rank_cd(%1$s.rank_head, q) + word_similarity(:text, %1$s.title)" : "0::float8";
    String order =
        switch (query.sort()) {
          case "date" -> "at desc, id desc";
          case "helped" -> "helped desc, rank desc, at desc";
          default -> "rank desc, at desc, id desc";
        };
    // Each table gives its first page in the query's order (by its own index where the order is
    // helped or date), then the two are merged: neither is sorted whole.
    StringBuilder union = new StringBuilder();
    union.append(
        ("(select 'review' as kind, r.id, %s as rank, r.published_at as at, r.helped_count as"
                    + " helped from learning_review r, websearch_to_tsquery('english', :text) q where"
                    + " r.status = 'PUBLISHED'")
                .formatted(rank.formatted("r"))
            + reviewWhere
            + " order by %s limit :limit)".formatted(order));
    if (!query.reviewsOnly()) {
      union.append(
          (" union all (select 'report-out' as kind, o.id, %s as rank, o.published_at as at,"
                      + " o.helped_count as helped from learning_report_out o,"
                      + " websearch_to_tsquery('english', :text) q where true")
                  .formatted(rank.formatted("o"))
              + reportWhere
              + " order by %s limit :limit)".formatted(order));
    }
    params.put("limit", candidates);
    return jdbc.sql("select * from (" + union + ") found order by " + order + " limit :limit")
        .params(params)
        .query(
            (rs, n) ->
                new Found(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getDouble(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getInt(5)))
        .list();
  }

  /**
   * The page's rows with their highlights, ranked again by the whole text: the head chose them
   * cheaply, the whole text (a page of rows now) orders them as its weights say.
   */
  List<Headline> headlines(
      LearningLibrary.Query query, List<Found> page, String start, String stop) {
    boolean words = !query.text().isEmpty();
    String options = "StartSel=" + start + ", StopSel=" + stop;
    return jdbc.sql(
            """
                select f.kind, f.id,
                       %s,
                       ts_headline('english', translate(coalesce(r.title, o.title), :markers, ''),
                                   q, :all),
                       ts_headline('english',
                                   translate(regexp_replace(
                                                 coalesce(r.what_we_learned || ' '
                                                              || r.what_happened, o.body),
                                                 '[*_`#]+', '', 'g'),
                                             :markers, ''),
                                   q, :snippet)
                from unnest(cast(:kinds as text[]), cast(:ids as bigint[])) as f(kind, id)
                cross join websearch_to_tsquery('english', :text) q
                left join learning_review r on f.kind = 'review' and r.id = f.id
                left join learning_report_out o on f.kind = 'report-out' and o.id = f.id
                """
                .formatted(
                    words
                        ? "ts_rank_cd(coalesce(r.search, o.search), q)"
                            + " + word_similarity(:text, coalesce(r.title, o.title))"
                        : "0::float8"))
        .param("text", query.text())
        .param("kinds", page.stream().map(Found::kind).toArray(String[]::new))
        .param("ids", page.stream().map(Found::id).toArray(Long[]::new))
        // stored text may hold the markers' characters too: only the search's own may remain;
        // Markdown's emphasis and heading marks are dropped, so that no "**" shows
        .param("markers", start + stop)
        .param("all", options + ", HighlightAll=true")
        .param("snippet", options + ", MaxWords=30, MinWords=12")
        .query(
            (rs, n) ->
                new Headline(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getDouble(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  /** The query's conditions on table {@code t}; {@code words} is null for a query without. */
  private static String where(
      String t,
      LearningLibrary.Query query,
      Where words,
      boolean review,
      String[] typeAndBelow,
      Map<String, Object> params) {
    StringBuilder where = new StringBuilder();
    if (words == Where.TITLES) {
      where.append(" and %s.title_words @@ q".formatted(t));
    } else if (words == Where.ANYWHERE) {
      where.append(" and (%1$s.search @@ q or :text <%% %1$s.title)".formatted(t));
    }
    if (review && query.type() != null) {
      params.put("types", typeAndBelow);
      where.append(" and r.decision_types && cast(:types as text[])");
    }
    if (review && query.perspective() != null) {
      params.put("perspective", new String[] {query.perspective()});
      where.append(" and r.perspectives @> cast(:perspective as text[])");
    }
    if (review && query.factor() != null) {
      params.put("factor", new String[] {query.factor()});
      where.append(" and r.factors @> cast(:factor as text[])");
    }
    if (query.team() != null) {
      params.put("team", new Long[] {query.team()});
      where.append(" and %s.team_ids @> :team".formatted(t));
    }
    if (query.from() != null) {
      params.put(
          "from", java.sql.Timestamp.from(query.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
      where.append(" and %s.published_at >= :from".formatted(t));
    }
    if (query.to() != null) {
      params.put(
          "to",
          java.sql.Timestamp.from(query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
      where.append(" and %s.published_at < :to".formatted(t));
    }
    return where.toString();
  }
}
