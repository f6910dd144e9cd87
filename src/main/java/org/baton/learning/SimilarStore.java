package org.baton.learning;

import java.util.List;
import org.baton.platform.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@link SimilarLearnings}: the text's stems, and the candidates with their scores. */
@Repository
class SimilarStore {

  /** How many each source of candidates gives at most (see {@link #SIMILAR}). */
  private static final int EACH = 20;

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

  /** The text's stems as "any of these" ({@code tsquery} text) and as a list. */
  record Words(String query, List<String> lexemes) {}

  /** A candidate as scored, best first, with the perspectives and stems it shares. */
  record Row(
      String kind,
      long id,
      String title,
      String summary,
      int helped,
      boolean sameType,
      boolean parentType,
      List<String> perspectives,
      List<String> words) {}

  private final JdbcClient jdbc;

  SimilarStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The words become "any of these stems": a few shared words are enough to be worth a look. The
   * candidates' query is planned for those words each time (not once for any words), so that the
   * planner walks the most helpful first for common words and reads the few matches of rare ones.
   */
  Words anyOf(String text) {
    return jdbc.sql(
            """
            select coalesce(to_tsquery('simple', string_agg(quote_literal(lexeme), ' | ')),
                            ''::tsquery)::text,
                   coalesce(array_agg(lexeme), '{}'),
                   set_config('plan_cache_mode', 'force_custom_plan', true)
            from unnest(to_tsvector('english', :text))
            """)
        .param("text", text)
        .query((rs, n) -> new Words(rs.getString(1), SqlArrays.texts(rs.getArray(2))))
        .single();
  }

  List<Row> candidates(
      Words any,
      String[] type,
      List<String> parents,
      String[] typeAndParents,
      List<String> perspectives,
      int limit) {
    return jdbc.sql(SIMILAR)
        .param("q", any.query())
        .param("lexemes", any.lexemes().toArray(String[]::new))
        .param("type", type)
        .param("parents", parents.toArray(String[]::new))
        .param("types", typeAndParents)
        .param("perspectives", perspectives.toArray(String[]::new))
        .param("each", EACH)
        .param("limit", limit)
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
  }

  /**
   * Each stem of the text with the first word typed that gave it ("goodwil" → "goodwill"), so that
   * the reasons shown say the person's own words, never a stem.
   */
  java.util.Map<String, String> typedWords(String text) {
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
}
