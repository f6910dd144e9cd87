package org.baton.strategy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.baton.platform.PageKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of a round's contributions, their supports, comments and answers, and their row mapping.
 * Names of authors and answerers come from the caller; moments are bound from its clock.
 */
@Component
class ContributionStore {

  private static final String SELECT =
      """
      select c.id, c.round_id, c.author_person_id, c.kind, c.body, c.theme_id, t.name,
          c.support_count, c.comment_count, c.created_at, c.answer_state, c.answer,
          c.answered_by_person_id, c.answered_at,
          exists (select 1 from strategy_support s
                  where s.contribution_id = c.id and s.person_id = :me)
      from strategy_contribution c left join strategy_theme t on t.id = c.theme_id
      """;

  /** Who reads, for "supported by me", and where their names come from. */
  record Reader(Long personId, Function<Collection<Long>, Map<Long, String>> namesOf) {
    long me() {
      return personId == null ? -1L : personId;
    }
  }

  private final JdbcClient jdbc;

  ContributionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A page of a round's contributions by support (then newest) or newest first, optionally of one
   * theme or only those unanswered: one indexed query, however large the round.
   */
  List<Contribution> page(
      long roundId, Dialogues.Query query, PageKey after, int limit, Reader reader) {
    boolean bySupport = query.sort() == Dialogues.Sort.SUPPORT;
    Map<String, Object> params = new HashMap<>();
    params.put("round", roundId);
    params.put("me", reader.me());
    StringBuilder where = new StringBuilder(" where c.round_id = :round");
    if (query.themeId() != null) {
      where.append(" and c.theme_id = :theme");
      params.put("theme", query.themeId());
    }
    if (query.unansweredOnly()) {
      where.append(" and c.answer_state is null");
    }
    if (after != null) {
      where.append(
          bySupport ? " and (c.support_count, c.id) < (:support, :id)" : " and c.id < :id");
      params.put("support", after.number(0));
      params.put("id", after.number(1));
    }
    String order = bySupport ? " order by c.support_count desc, c.id desc" : " order by c.id desc";
    params.put("limit", limit);
    return named(
        jdbc.sql(SELECT + where + order + " limit :limit")
            .params(params)
            .query(ContributionStore::row)
            .list(),
        reader);
  }

  /** What a round adopted, most supported first. */
  List<Contribution> adoptedIn(long roundId, Reader reader) {
    return named(
        jdbc.sql(
                SELECT
                    + " where c.round_id = :round and c.answer_state = 'ADOPTED'"
                    + " order by c.support_count desc, c.id desc")
            .param("round", roundId)
            .param("me", reader.me())
            .query(ContributionStore::row)
            .list(),
        reader);
  }

  Optional<Contribution> find(long roundId, long contributionId, Reader reader) {
    return named(
            jdbc.sql(SELECT + " where c.round_id = :round and c.id = :id")
                .param("round", roundId)
                .param("id", contributionId)
                .param("me", reader.me())
                .query(ContributionStore::row)
                .list(),
            reader)
        .stream()
        .findFirst();
  }

  Optional<Dialogues.Adopted> adopted(long contributionId) {
    return jdbc.sql(
            "select id, round_id, author_person_id, body from strategy_contribution"
                + " where id = ? and answer_state = 'ADOPTED'")
        .param(contributionId)
        .query(
            (rs, n) ->
                new Dialogues.Adopted(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
        .optional();
  }

  Optional<Long> roundOf(long contributionId) {
    return jdbc.sql("select round_id from strategy_contribution where id = ?")
        .param(contributionId)
        .query(Long.class)
        .optional();
  }

  long insert(long roundId, long author, DialogueDrafts.ContributionDraft draft, Instant at) {
    return jdbc.sql(
            "insert into strategy_contribution (round_id, author_person_id, kind, body,"
                + " theme_id, created_at) values (?, ?, ?, ?, ?, ?) returning id")
        .params(
            roundId,
            author,
            draft.kind().name(),
            draft.body().strip(),
            draft.themeId(),
            Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  /** Adds or withdraws a person's support and keeps the count; whether anything changed. */
  boolean support(long contributionId, long person, boolean support, Instant at) {
    int changed =
        support
            ? jdbc.sql(
                    "insert into strategy_support (contribution_id, person_id, supported_at)"
                        + " values (?, ?, ?) on conflict do nothing")
                .params(contributionId, person, Timestamp.from(at))
                .update()
            : jdbc.sql("delete from strategy_support where contribution_id = ? and person_id = ?")
                .params(contributionId, person)
                .update();
    if (changed > 0) {
      jdbc.sql("update strategy_contribution set support_count = support_count + ? where id = ?")
          .params(support ? 1 : -1, contributionId)
          .update();
    }
    return changed > 0;
  }

  /** Writes a comment and counts it; its id. */
  long comment(long contributionId, long author, String body, Instant at) {
    long id =
        jdbc.sql(
                "insert into strategy_comment (contribution_id, author_person_id, body, created_at)"
                    + " values (?, ?, ?, ?) returning id")
            .params(contributionId, author, body, Timestamp.from(at))
            .query(Long.class)
            .single();
    jdbc.sql("update strategy_contribution set comment_count = comment_count + 1 where id = ?")
        .param(contributionId)
        .update();
    return id;
  }

  List<Contribution.DialogueComment> comments(long contributionId, Reader reader) {
    List<Contribution.DialogueComment> comments =
        jdbc.sql(
                "select id, author_person_id, body, created_at from strategy_comment"
                    + " where contribution_id = ? order by id")
            .param(contributionId)
            .query(
                (rs, n) ->
                    new Contribution.DialogueComment(
                        rs.getLong(1),
                        rs.getLong(2),
                        null,
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
            .list();
    Map<Long, String> names =
        reader
            .namesOf()
            .apply(comments.stream().map(Contribution.DialogueComment::authorId).toList());
    return comments.stream()
        .map(
            c ->
                new Contribution.DialogueComment(
                    c.id(), c.authorId(), names.get(c.authorId()), c.body(), c.at()))
        .toList();
  }

  void answer(long contributionId, DialogueDrafts.AnswerDraft draft, Long by, Instant at) {
    jdbc.sql(
            "update strategy_contribution set answer_state = ?, answer = ?,"
                + " answered_by_person_id = ?, answered_at = ? where id = ?")
        .params(
            draft.state().name(), draft.answer().strip(), by, Timestamp.from(at), contributionId)
        .update();
  }

  void group(long contributionId, Long themeId) {
    jdbc.sql("update strategy_contribution set theme_id = ? where id = ?")
        .params(themeId, contributionId)
        .update();
  }

  /** The round's contributions still without an answer, oldest first. */
  List<Long> unanswered(long roundId) {
    return jdbc.sql(
            "select id from strategy_contribution where round_id = ? and answer_state is null"
                + " order by id")
        .param(roundId)
        .query(Long.class)
        .list();
  }

  /** A row, names filled in by {@link #named}. */
  private record Row(Contribution contribution, Long answeredBy) {}

  private static Row row(ResultSet rs, int n) throws SQLException {
    String state = rs.getString(11);
    Contribution.AnswerGiven answer =
        state == null
            ? null
            : new Contribution.AnswerGiven(
                Contribution.State.valueOf(state),
                rs.getString(12),
                null,
                rs.getTimestamp(14).toInstant());
    return new Row(
        new Contribution(
            rs.getLong(1),
            rs.getLong(2),
            rs.getLong(3),
            null,
            Contribution.Kind.valueOf(rs.getString(4)),
            rs.getString(5),
            rs.getObject(6, Long.class),
            rs.getString(7),
            rs.getInt(8),
            rs.getInt(9),
            rs.getTimestamp(10).toInstant(),
            answer,
            rs.getBoolean(15)),
        rs.getObject(13, Long.class));
  }

  private static List<Contribution> named(List<Row> rows, Reader reader) {
    Set<Long> ids = new HashSet<>();
    rows.forEach(
        r -> {
          ids.add(r.contribution().authorId());
          if (r.answeredBy() != null) {
            ids.add(r.answeredBy());
          }
        });
    Map<Long, String> names = reader.namesOf().apply(ids);
    return rows.stream()
        .map(
            r -> {
              Contribution c = r.contribution();
              Contribution.AnswerGiven a =
                  c.answer() == null
                      ? null
                      : new Contribution.AnswerGiven(
                          c.answer().state(),
                          c.answer().answer(),
                          names.get(r.answeredBy()),
                          c.answer().at());
              return new Contribution(
                  c.id(),
                  c.roundId(),
                  c.authorId(),
                  names.get(c.authorId()),
                  c.kind(),
                  c.body(),
                  c.themeId(),
                  c.themeName(),
                  c.supportCount(),
                  c.commentCount(),
                  c.createdAt(),
                  a,
                  c.supportedByMe());
            })
        .toList();
  }
}
