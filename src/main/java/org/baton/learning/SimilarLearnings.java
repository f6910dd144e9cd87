package org.baton.learning;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.baton.authority.DecisionTypeCode;
import org.baton.identity.BatonUser;
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
  private static final int MAX_TEXT = 2_000;

  private final JdbcClient jdbc;
  private final LearningReviews reviews;
  private final LearningPermissions permissions;

  SimilarLearnings(JdbcClient jdbc, LearningReviews reviews, LearningPermissions permissions) {
    this.jdbc = jdbc;
    this.reviews = reviews;
    this.permissions = permissions;
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
    String sql =
        """
        with q as (
          select coalesce(to_tsquery('simple', string_agg(quote_literal(lexeme), ' | ')),
                          ''::tsquery) as q,
                 coalesce(array_agg(lexeme), '{}') as lexemes
          from unnest(to_tsvector('english', :text))
        ),
        candidates as (
          select 'review' as kind, r.id, r.rank_head,
                 r.decision_types && cast(:type as text[]) as same_type,
                 r.decision_types && cast(:parents as text[]) as parent_type,
                 array(select unnest(r.perspectives)
                       intersect select unnest(cast(:perspectives as text[]))) as perspectives,
                 r.helped_count
          from learning_review r, q
          where r.status = 'PUBLISHED'
            and (r.search @@ q.q or r.decision_types && cast(:type as text[])
                 or r.decision_types && cast(:parents as text[]))
          union all
          select 'report-out', o.id, o.rank_head, false, false, '{}'::text[], o.helped_count
          from learning_report_out o, q
          where o.search @@ q.q
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
    String[] typeArray = type.isEmpty() ? new String[0] : new String[] {type};
    String finalType = type;
    List<Row> rows =
        jdbc.sql(sql)
            .param("text", words)
            .param("type", typeArray)
            .param("parents", parents.toArray(String[]::new))
            .param("perspectives", shared.toArray(String[]::new))
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
                        ReportOuts.texts(rs.getArray(8)),
                        ReportOuts.texts(rs.getArray(9))))
            .list();
    Set<Long> visibleReviews = new HashSet<>();
    List<Long> reviewIds =
        rows.stream().filter(r -> r.kind().equals("review")).map(Row::id).toList();
    for (LearningReview review : reviews.load(reviewIds)) {
      if (permissions.maySee(actor, review)) {
        visibleReviews.add(review.id());
      }
    }
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
              why(row, finalType, parents)));
    }
    return similar;
  }

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

  private static List<String> why(Row row, String type, List<String> parents) {
    List<String> why = new ArrayList<>();
    if (row.sameType()) {
      why.add("Same kind of decision (" + type + ")");
    } else if (row.parentType()) {
      why.add("A related kind of decision (" + String.join(", ", parents) + ")");
    }
    if (!row.words().isEmpty()) {
      why.add("Shares the words " + String.join(", ", row.words().stream().sorted().toList()));
    }
    if (!row.perspectives().isEmpty()) {
      why.add("Same perspective: " + String.join(", ", row.perspectives()));
    }
    return why;
  }
}
