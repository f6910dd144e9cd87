package org.baton.learning;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.baton.authority.DecisionTypeCode;
import org.baton.identity.BatonUser;
import org.baton.platform.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The right lesson at the moment of decision: up to three published learnings like what someone is
 * about to decide, start or ask, each with why it matched. A review of the same decision type
 * weighs most, then one of a type above it, then shared words (stemmed, any of them), then shared
 * perspectives; how often it helped breaks ties. Only what the person may see.
 */
@Service
public class SimilarLearnings {

  /** One learning and why it was chosen. */
  @Schema(name = "SimilarLearning")
  public record Similar(
      String kind, long id, String title, String summary, int helpedCount, List<String> why) {

    public String ref() {
      return kind + "-" + id;
    }

    public String path() {
      return "review".equals(kind) ? "/learning/reviews/" + id : "/report-outs/" + id;
    }
  }

  static final int MAX = 3;
  private static final int CANDIDATES = 12;

  /** How many each source of candidates gives at most (see {@link #SIMILAR}). */
  private static final int EACH = 20;

  private static final int MAX_TEXT = 2_000;

  /**
   * The candidates come from these sources, each giving at most {@link #EACH} (the most helpful
   * first), so that common words cost no more than rare ones: learnings whose titles share a word
   * (read from {@code learning_title_word}, kept by triggers, in the order of its index); reviews
   * of the same kind of decision (or one above it) whose titles share a word (the same); reviews
   * and report-outs that share a word anywhere; and the most helpful reviews of that kind, words or
   * not. Those candidates are then scored: a review of the same decision type weighs most, then one
   * of a type above it, then the shared words in the small head vector (title, what we learned),
   * then shared perspectives; how often it helped breaks ties.
   */
  private static final String SIMILAR =
      """
      with q as (select cast(:q as tsquery) as q, cast(:lexemes as text[]) as lexemes),
      -- for each word, the most helpful learnings whose titles have it (of any kind of decision,
      -- and of the kind asked about): a short range of learning_title_word_helped_idx each
      titled as (
        select w.kind, w.learning_id as id, w.helped_count
        from unnest(cast(:lexemes as text[])) l(lexeme)
        cross join lateral (
          select w.kind, w.learning_id, w.helped_count from learning_title_word w
          where w.lexeme = l.lexeme
          order by w.helped_count desc, w.learning_id desc limit :each) w
      ),
      titled_of_kind as (
        select w.kind, w.learning_id as id, w.helped_count
        from unnest(cast(:lexemes as text[])) l(lexeme)
        cross join lateral (
          select w.kind, w.learning_id, w.helped_count from learning_title_word w
          where w.lexeme = l.lexeme and w.kind = 'review'
            and w.decision_types && cast(:types as text[])
          order by w.helped_count desc, w.learning_id desc limit :each) w
      ),
      picked as (
        (select t.kind, t.id from titled t order by t.helped_count desc, t.id desc limit :each)
        union
        (select t.kind, t.id from titled_of_kind t
          order by t.helped_count desc, t.id desc limit :each)
        union
        (select 'review', r.id from learning_review r
          where r.search @@ cast(:q as tsquery) and r.status = 'PUBLISHED'
          order by r.helped_count desc, r.id desc limit :each)
        union
        (select 'report-out', o.id from learning_report_out o
          where o.search @@ cast(:q as tsquery)
          order by o.helped_count desc, o.id desc limit :each)
        union
        (select 'review', r.id from learning_review r
          where r.decision_types && cast(:types as text[]) and r.status = 'PUBLISHED'
          order by r.helped_count desc, r.id desc limit :each)
      ),
      candidates as (
        select p.kind, p.id, coalesce(r.rank_head, o.rank_head) as rank_head,
               coalesce(r.decision_types && cast(:type as text[]), false) as same_type,
               coalesce(r.decision_types && cast(:parents as text[]), false) as parent_type,
               coalesce(array(select unnest(r.perspectives)
                              intersect select unnest(cast(:perspectives as text[]))),
                        '{}') as perspectives,
               coalesce(r.helped_count, o.helped_count) as helped_count
        from picked p
        left join learning_review r on p.kind = 'review' and r.id = p.id
        left join learning_report_out o on p.kind = 'report-out' and o.id = p.id
      ),
      best as (
        -- ranked by the small head vector (title, what we learned), never the whole text
        select c.*,
               (case when c.same_type then 1.0 when c.parent_type then 0.5 else 0 end)
                 + 2 * ts_rank(c.rank_head, q.q, 32)
                 + 0.3 * cardinality(c.perspectives)
                 + 0.02 * ln(1 + c.helped_count) as score
        from candidates c, q
        order by score desc, c.id desc
        limit :limit
      )
      select b.kind, b.id, coalesce(r.title, o.title), left(coalesce(r.what_we_learned, o.body), 300),
             b.helped_count, b.same_type, b.parent_type, b.perspectives,
             array(select unnest(tsvector_to_array(coalesce(r.search, o.search)))
                   intersect select unnest(q.lexemes)) as words
      from best b
      cross join q
      left join learning_review r on b.kind = 'review' and r.id = b.id
      left join learning_report_out o on b.kind = 'report-out' and o.id = b.id
      order by b.score desc, b.id desc
      """;

  private final JdbcClient jdbc;
  private final LearningReviews reviews;

  private final org.baton.authority.Words names;

  SimilarLearnings(JdbcClient jdbc, LearningReviews reviews, org.baton.authority.Words names) {
    this.jdbc = jdbc;
    this.reviews = reviews;
    this.names = names;
  }

  /**
   * Each stem of the text with the first word typed that gave it ("goodwil" → "goodwill"), so that
   * the reasons shown say the person's own words, never a stem.
   */
  private java.util.Map<String, String> typedWords(String text) {
    java.util.Map<String, String> typed = new java.util.HashMap<>();
    if (text.isEmpty()) {
      return typed;
    }
    jdbc.sql(
            """
            select distinct on (u.lexeme) u.lexeme, t.w
            from regexp_split_to_table(lower(:text), '[^[:alnum:]]+') with ordinality as t (w, ord),
                 unnest(to_tsvector('english', t.w)) as u
            where t.w <> ''
            order by u.lexeme, t.ord
            """)
        .param("text", text)
        .query((rs, n) -> typed.put(rs.getString(1), rs.getString(2)))
        .list();
    return typed;
  }

  @Transactional(readOnly = true)
  public List<Similar> find(
      BatonUser actor, String text, String decisionType, List<String> perspectives) {
    String words = text == null ? "" : text.strip();
    if (words.length() > MAX_TEXT) {
      words = words.substring(0, MAX_TEXT);
    }
    String type = decisionType == null ? "" : decisionType.strip();
    List<String> parents =
        DecisionTypeCode.isValid(type)
            ? new DecisionTypeCode(type).selfAndAncestors().stream().skip(1).toList()
            : List.of();
    if (!DecisionTypeCode.isValid(type)) {
      type = "";
    }
    List<String> shared = perspectives == null ? List.of() : perspectives;
    if (words.isEmpty() && type.isEmpty()) {
      return List.of();
    }
    // The words become "any of these stems": a few shared words are enough to be worth a look.
    // The query below is planned for those words each time (not once for any words), so that the
    // planner walks the most helpful first for common words and reads the few matches of rare ones.
    Words any =
        jdbc.sql(
                """
                select coalesce(to_tsquery('simple', string_agg(quote_literal(lexeme), ' | ')),
                                ''::tsquery)::text,
                       coalesce(array_agg(lexeme), '{}'),
                       set_config('plan_cache_mode', 'force_custom_plan', true)
                from unnest(to_tsvector('english', :text))
                """)
            .param("text", words)
            .query((rs, n) -> new Words(rs.getString(1), SqlArrays.texts(rs.getArray(2))))
            .single();
    String[] typeArray = type.isEmpty() ? new String[0] : new String[] {type};
    String[] typeAndParents =
        java.util.stream.Stream.concat(java.util.Arrays.stream(typeArray), parents.stream())
            .toArray(String[]::new);
    String finalType = type;
    java.util.Map<String, String> typed = typedWords(words);
    List<Row> rows =
        jdbc.sql(SIMILAR)
            .param("q", any.query())
            .param("lexemes", any.lexemes().toArray(String[]::new))
            .param("type", typeArray)
            .param("parents", parents.toArray(String[]::new))
            .param("types", typeAndParents)
            .param("perspectives", shared.toArray(String[]::new))
            .param("each", EACH)
            .param("limit", CANDIDATES)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getBoolean(6),
                        rs.getBoolean(7),
                        SqlArrays.texts(rs.getArray(8)),
                        SqlArrays.texts(rs.getArray(9))))
            .list();
    Set<Long> visibleReviews =
        reviews.visibleAmong(
            actor, rows.stream().filter(r -> r.kind().equals("review")).map(Row::id).toList());
    List<Similar> similar = new ArrayList<>();
    for (Row row : rows) {
      if (similar.size() == MAX) {
        break;
      }
      if (row.kind().equals("review") && !visibleReviews.contains(row.id())) {
        continue;
      }
      similar.add(
          new Similar(
              row.kind(),
              row.id(),
              row.title(),
              row.summary(),
              row.helped(),
              why(row, finalType, parents, typed)));
    }
    return similar;
  }

  /** The text's stems as "any of these" ({@code tsquery} text) and as a list. */
  private record Words(String query, List<String> lexemes) {}

  private record Row(
      String kind,
      long id,
      String title,
      String summary,
      int helped,
      boolean sameType,
      boolean parentType,
      List<String> perspectives,
      List<String> words) {}

  private List<String> why(
      Row row, String type, List<String> parents, java.util.Map<String, String> typed) {
    List<String> why = new ArrayList<>();
    if (row.sameType()) {
      why.add("Same kind of decision (" + names.type(type) + ")");
    } else if (row.parentType()) {
      why.add(
          "A related kind of decision ("
              + String.join(", ", parents.stream().map(names::type).toList())
              + ")");
    }
    if (!row.words().isEmpty()) {
      why.add(
          "Shares the words "
              + String.join(
                  ", ",
                  row.words().stream()
                      .map(stem -> typed.getOrDefault(stem, stem))
                      .distinct()
                      .sorted()
                      .toList()));
    }
    if (!row.perspectives().isEmpty()) {
      why.add(
          "Same perspective: "
              + String.join(", ", row.perspectives().stream().map(names::perspective).toList()));
    }
    return why;
  }
}
