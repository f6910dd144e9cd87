package org.baton.learning;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.DecisionType;
import org.baton.identity.BatonUser;
import org.baton.platform.TextRules;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The library: full-text search over published reviews and report-outs, ranked (the title weighs
 * most, then what we learned or the body, then the rest; English stemming), tolerant of typos and
 * partial words in titles (trigrams), with the matching words highlighted; narrowed by decision
 * type, perspective, team, factor and date; sorted by relevance, date or how often it helped. A
 * reader finds only reviews they may see.
 */
@Service
public class LearningLibrary {

  /** One result: what it is, its title and a snippet as safe HTML with {@code <mark>}s. */
  @Schema(name = "LearningSearchResult")
  public record Result(
      String kind,
      long id,
      String titleHtml,
      String snippetHtml,
      double rank,
      Instant publishedAt,
      int helpedCount) {

    public String ref() {
      return kind + "-" + id;
    }

    public String path() {
      return "review".equals(kind) ? "/learning/reviews/" + id : "/report-outs/" + id;
    }
  }

  /**
   * What a reader asks for. Decision type, perspective and factor belong to reviews only, so naming
   * one leaves report-outs out.
   *
   * @param type a decision type code; its sub-types match too
   * @param sort {@code relevance} (the default with words), {@code date} (without), or {@code
   *     helped}
   */
  public record Query(
      String text,
      String type,
      String perspective,
      Long team,
      String factor,
      LocalDate from,
      LocalDate to,
      String sort) {

    public Query {
      text = text == null ? "" : text.strip();
      type = TextRules.orNull(type);
      perspective = TextRules.orNull(perspective);
      factor = TextRules.orNull(factor);
      sort = sort == null || sort.isBlank() ? (text.isEmpty() ? "date" : "relevance") : sort;
    }

    public static Query of(String text) {
      return new Query(text, null, null, null, null, null, null, null);
    }

    boolean reviewsOnly() {
      return type != null || perspective != null || factor != null;
    }

    /**
     * Whether a filter beyond the words and dates narrows the matches to a fraction (a type, a
     * perspective, a factor, a team): those few are ranked in full straight away.
     */
    boolean narrowed() {
      return reviewsOnly() || team != null;
    }

    boolean isEmpty() {
      return text.isEmpty()
          && type == null
          && perspective == null
          && team == null
          && factor == null
          && from == null
          && to == null;
    }
  }

  static final int PAGE = 20;

  /** Ranked in the database before the reader's visibility leaves at most {@link #PAGE}. */
  static final int CANDIDATES = PAGE * 3;

  private static final String START = "\u0001";
  private static final String STOP = "\u0002";

  private final JdbcClient jdbc;
  private final LearningReviews reviews;
  private final AuthorityAdministration authority;

  LearningLibrary(JdbcClient jdbc, LearningReviews reviews, AuthorityAdministration authority) {
    this.jdbc = jdbc;
    this.reviews = reviews;
    this.authority = authority;
  }

  @Transactional(readOnly = true)
  public List<Result> search(BatonUser actor, String query) {
    return search(actor, Query.of(query));
  }

  /**
   * The best matches first (or the newest, or the most helpful), at most 20, in three steps: rank
   * in the database, keep what the reader may see, then write highlights for those rows alone
   * (headlines cost more than ranking).
   *
   * <p>Ranked by relevance, a query whose words are in the titles of more than {@link #CANDIDATES}
   * learnings ranks those alone: a match in the title outranks one elsewhere (the title weighs
   * most, and the typo measure compares the title), and ranking every text that has a common word
   * somewhere would read thousands of rows for a page of twenty. Any other query, and one narrowed
   * by a filter, ranks all its matches.
   */
  @Transactional(readOnly = true)
  public List<Result> search(BatonUser actor, Query query) {
    // A typo in each of two words ("warrenty repiar") is still close to a part of the title, but
    // not at the default 0.6; 0.4 finds it without letting in titles that merely share letters.
    // Each query is planned for its words, not once for any: a common word and a rare one need
    // different plans.
    jdbc.sql(
            "select set_config('pg_trgm.word_similarity_threshold', '0.4', true),"
                + " set_config('plan_cache_mode', 'force_custom_plan', true)")
        .query((rs, n) -> rs.getString(1))
        .single();
    List<Found> found;
    if (!query.text().isEmpty() && query.sort().equals("relevance") && !query.narrowed()) {
      found = ranked(query, Where.TITLES);
      if (found.size() < CANDIDATES) {
        found = ranked(query, Where.ANYWHERE);
      }
    } else {
      found = ranked(query, Where.ANYWHERE);
    }
    return highlighted(query, visibleOnly(actor, found));
  }

  /** Where a query's words are looked for. */
  private enum Where {
    /** In the titles only, stemmed. */
    TITLES,
    /** Anywhere in the text, stemmed, or close to a part of the title (typos, partial words). */
    ANYWHERE
  }

  /** A ranked match, before highlighting. */
  private record Found(String kind, long id, double rank, Instant at, int helped) {}

  /** The first {@link #CANDIDATES} in the query's order. */
  private List<Found> ranked(Query query, Where where) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("text", query.text());
    boolean words = !query.text().isEmpty();
    String reviewWhere = where("r", query, words ? where : null, true, params);
    String reportWhere = where("o", query, words ? where : null, false, params);
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
    params.put("limit", CANDIDATES);
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
  private List<Result> highlighted(Query query, List<Found> page) {
    if (page.isEmpty()) {
      return List.of();
    }
    boolean words = !query.text().isEmpty();
    String options = "StartSel=" + START + ", StopSel=" + STOP;
    Map<String, Found> byRef = new HashMap<>();
    page.forEach(f -> byRef.put(f.kind() + "-" + f.id(), f));
    List<Result> results =
        jdbc.sql(
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
            .param("markers", START + STOP)
            .param("all", options + ", HighlightAll=true")
            .param("snippet", options + ", MaxWords=30, MinWords=12")
            .query(
                (rs, n) -> {
                  Found found = byRef.get(rs.getString(1) + "-" + rs.getLong(2));
                  return new Result(
                      found.kind(),
                      found.id(),
                      marked(rs.getString(4)),
                      marked(rs.getString(5)),
                      words ? rs.getDouble(3) : found.rank(),
                      found.at(),
                      found.helped());
                })
            .list();
    return results.stream().sorted(order(query.sort())).toList();
  }

  /** The query's order for the page, by the final rank. */
  private static Comparator<Result> order(String sort) {
    Comparator<Result> newest =
        Comparator.comparing(Result::publishedAt).thenComparingLong(Result::id).reversed();
    Comparator<Result> best = Comparator.comparingDouble(Result::rank).reversed();
    return switch (sort) {
      case "date" -> newest;
      case "helped" ->
          Comparator.comparingInt(Result::helpedCount)
              .reversed()
              .thenComparing(best)
              .thenComparing(newest);
      default -> best.thenComparing(newest);
    };
  }

  /** Drops the reviews the reader may not see (a confidential decision's, say); at most a page. */
  private List<Found> visibleOnly(BatonUser actor, List<Found> found) {
    Set<Long> visibleReviews =
        reviews.visibleAmong(
            actor, found.stream().filter(f -> f.kind().equals("review")).map(Found::id).toList());
    return found.stream()
        .filter(f -> !f.kind().equals("review") || visibleReviews.contains(f.id()))
        .limit(PAGE)
        .toList();
  }

  /** The query's conditions on table {@code t}; {@code words} is null for a query without. */
  private String where(
      String t, Query query, Where words, boolean review, Map<String, Object> params) {
    StringBuilder where = new StringBuilder();
    if (words == Where.TITLES) {
      where.append(" and %s.title_words @@ q".formatted(t));
    } else if (words == Where.ANYWHERE) {
      where.append(" and (%1$s.search @@ q or :text <%% %1$s.title)".formatted(t));
    }
    if (review && query.type() != null) {
      params.put("types", typeAndBelow(query.type()));
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

  /** The type and every type below it (a filter on customer finds customer.goodwill). */
  private String[] typeAndBelow(String type) {
    List<String> codes = new ArrayList<>(List.of(type));
    authority.types().stream()
        .map(DecisionType::code)
        .filter(code -> code.startsWith(type + "."))
        .forEach(codes::add);
    return codes.toArray(String[]::new);
  }

  /** Escapes the text, then turns the search's markers into {@code <mark>} elements. */
  static String marked(String headline) {
    return HtmlUtils.htmlEscape(headline == null ? "" : headline)
        .replace(START, "<mark>")
        .replace(STOP, "</mark>");
  }
}
