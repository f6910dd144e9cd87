package org.baton.polls;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baton.platform.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The polls' SQL: polls, their options, audience, versions and votes. */
@Repository
class PollStore {

  /** A version of a consent proposal, as it read before it was amended. */
  @io.swagger.v3.oas.annotations.media.Schema(name = "PollVersion")
  record Version(int version, String details, String note, Instant at) {}

  private final JdbcClient jdbc;

  PollStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(PollDraft draft, long author, int audienceSize, Instant at) {
    return jdbc.sql(
            """
            insert into poll (kind, title, details, author_person_id, decision_type, anonymous,
                results_hidden, reason_required, several, quorum_percent, audience_size, opened_at,
                closes_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
            """)
        .params(
            draft.kind().name(),
            draft.title().strip(),
            draft.details() == null ? "" : draft.details().strip(),
            author,
            draft.decisionType(),
            draft.anonymous(),
            draft.resultsHidden(),
            draft.reasonRequired(),
            draft.several(),
            draft.quorumPercent(),
            audienceSize,
            Timestamp.from(at),
            Timestamp.from(draft.closesAt()))
        .query(Long.class)
        .single();
  }

  void options(long pollId, List<String> texts) {
    jdbc.sql(
            """
            insert into poll_option (poll_id, position, text)
            select ?, t.position, t.text
            from unnest(cast(? as text[])) with ordinality as t (text, position)
            """)
        .params(pollId, texts.toArray(String[]::new))
        .update();
  }

  void audience(long pollId, List<Long> people) {
    jdbc.sql(
            "insert into poll_audience (poll_id, person_id)"
                + " select ?, p from unnest(cast(? as bigint[])) as p on conflict do nothing")
        .params(pollId, people.toArray(Long[]::new))
        .update();
  }

  Optional<Poll> find(long id) {
    List<Poll.Option> options = optionsOf(id);
    return jdbc.sql("select * from poll where id = ?")
        .param(id)
        .query((rs, n) -> poll(rs, options))
        .optional();
  }

  /** Locked, for a change that must see the poll as it is (a vote against a close). */
  Optional<Poll> lock(long id) {
    List<Poll.Option> options = optionsOf(id);
    return jdbc.sql("select * from poll where id = ? for update")
        .param(id)
        .query((rs, n) -> poll(rs, options))
        .optional();
  }

  private List<Poll.Option> optionsOf(long pollId) {
    return jdbc.sql("select id, text from poll_option where poll_id = ? order by position")
        .param(pollId)
        .query((rs, n) -> new Poll.Option(rs.getLong(1), rs.getString(2)))
        .list();
  }

  boolean inAudience(long pollId, long personId) {
    return jdbc.sql(
            "select exists (select 1 from poll_audience where poll_id = ? and person_id = ?)")
        .params(pollId, personId)
        .query(Boolean.class)
        .single();
  }

  boolean hasVoted(long pollId, long personId) {
    return jdbc.sql(
            "select exists (select 1 from poll_audience where poll_id = ? and person_id = ?"
                + " and voted_at is not null)")
        .params(pollId, personId)
        .query(Boolean.class)
        .single();
  }

  List<Long> audienceOf(long pollId) {
    return jdbc.sql("select person_id from poll_audience where poll_id = ? order by person_id")
        .param(pollId)
        .query(Long.class)
        .list();
  }

  /** Who has not voted yet: whom a reminder is for. */
  List<Long> notVoted(long pollId) {
    return jdbc.sql(
            "select person_id from poll_audience where poll_id = ? and voted_at is null"
                + " order by person_id")
        .param(pollId)
        .query(Long.class)
        .list();
  }

  List<Vote> votes(long pollId) {
    return jdbc.sql(
            """
            select voter_key, person_id, version, stance, option_ids, scores, reason, voted_at,
                   answer, answered_at
            from poll_vote where poll_id = ? order by voted_at, voter_key
            """)
        .param(pollId)
        .query(
            (rs, n) ->
                new Vote(
                    rs.getString(1),
                    rs.getObject(2, Long.class),
                    rs.getInt(3),
                    rs.getString(4) == null ? null : Stance.valueOf(rs.getString(4)),
                    SqlArrays.longs(rs.getArray(5)),
                    Arrays.stream((Integer[]) rs.getArray(6).getArray()).toList(),
                    rs.getString(7),
                    rs.getTimestamp(8).toInstant(),
                    rs.getString(9),
                    rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()))
        .list();
  }

  /**
   * Keeps the vote, replacing the voter's earlier one (and any answer it had had): only what the
   * poll's kind asks for (a stance, options, scores by option, or a ranking).
   */
  void vote(long pollId, String voterKey, Long personId, Poll poll, VoteDraft vote, Instant at) {
    List<Long> options = List.of();
    List<Integer> scores = List.of();
    Stance stance = null;
    switch (poll.kind()) {
      case CONSENT -> stance = vote.stance();
      case CHOICE, MEETING ->
          options = List.copyOf(new java.util.LinkedHashSet<>(vote.optionIds()));
      case RANKED -> options = vote.ranking();
      case SCORE -> {
        Map<Long, Integer> sorted = new java.util.TreeMap<>(vote.scores());
        options = List.copyOf(sorted.keySet());
        scores = List.copyOf(sorted.values());
      }
    }
    int version = poll.version();
    jdbc.sql(
            """
            insert into poll_vote (poll_id, voter_key, person_id, version, stance, option_ids, scores,
                reason, voted_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (poll_id, voter_key) do update set
                version = excluded.version, stance = excluded.stance,
                option_ids = excluded.option_ids, scores = excluded.scores,
                reason = excluded.reason, voted_at = excluded.voted_at,
                answer = null, answered_at = null
            """)
        .params(
            pollId,
            voterKey,
            personId,
            version,
            stance == null ? null : stance.name(),
            options.toArray(Long[]::new),
            scores.toArray(Integer[]::new),
            vote.reason() == null ? "" : vote.reason().strip(),
            Timestamp.from(at))
        .update();
  }

  boolean hasVoteUnder(long pollId, String voterKey) {
    return jdbc.sql("select exists (select 1 from poll_vote where poll_id = ? and voter_key = ?)")
        .params(pollId, voterKey)
        .query(Boolean.class)
        .single();
  }

  List<String> voterKeys(long pollId) {
    return jdbc.sql("select voter_key from poll_vote where poll_id = ?")
        .param(pollId)
        .query(String.class)
        .list();
  }

  void voted(long pollId, long personId, Instant at) {
    jdbc.sql(
            "update poll_audience set voted_at = coalesce(voted_at, ?)"
                + " where poll_id = ? and person_id = ?")
        .params(Timestamp.from(at), pollId, personId)
        .update();
  }

  /** Answers an objection to the current version; false when there is none open under that key. */
  boolean answer(long pollId, String voterKey, int version, String answer, Instant at) {
    return jdbc.sql(
                """
                update poll_vote set answer = ?, answered_at = ?
                where poll_id = ? and voter_key = ? and version = ? and stance = 'OBJECT'
                  and answer is null
                """)
            .params(answer, Timestamp.from(at), pollId, voterKey, version)
            .update()
        == 1;
  }

  /** A new version of the proposal; the old one is kept with the note saying why it changed. */
  void amend(Poll poll, String details, String note, Instant at) {
    jdbc.sql(
            "insert into poll_version (poll_id, version, details, note, created_at)"
                + " values (?, ?, ?, ?, ?)")
        .params(poll.id(), poll.version(), poll.details(), note, Timestamp.from(at))
        .update();
    jdbc.sql("update poll set version = version + 1, details = ? where id = ?")
        .params(details, poll.id())
        .update();
  }

  List<Version> versions(long pollId) {
    return jdbc.sql(
            "select version, details, note, created_at from poll_version where poll_id = ?"
                + " order by version")
        .param(pollId)
        .query(
            (rs, n) ->
                new Version(
                    rs.getInt(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
        .list();
  }

  boolean close(long pollId, Instant at) {
    return jdbc.sql("update poll set closed_at = ? where id = ? and closed_at is null")
            .params(Timestamp.from(at), pollId)
            .update()
        == 1;
  }

  /** Marks the poll decided; false when it was already (another outcome was recorded first). */
  boolean decided(long pollId, long decisionId) {
    return jdbc.sql("update poll set decision_id = ? where id = ? and decision_id is null")
            .params(decisionId, pollId)
            .update()
        == 1;
  }

  /** Open polls this person is asked in and has not voted in, closing soonest first. */
  List<Long> waitingFor(long personId, Instant now, int limit) {
    return jdbc.sql(
            """
            select p.id from poll_audience a join poll p on p.id = a.poll_id
            where a.person_id = ? and a.voted_at is null and p.closed_at is null and p.closes_at > ?
            order by p.closes_at, p.id limit ?
            """)
        .params(personId, Timestamp.from(now), limit)
        .query(Long.class)
        .list();
  }

  /** The polls a person started or is asked in, newest first. */
  List<Long> involving(long personId, int limit) {
    return jdbc.sql(
            """
            select id from (
                (select id from poll where author_person_id = ? order by id desc limit ?)
                union
                (select poll_id from poll_audience where person_id = ? order by poll_id desc limit ?)
            ) mine order by id desc limit ?
            """)
        .params(personId, limit, personId, limit, limit)
        .query(Long.class)
        .list();
  }

  /**
   * Open polls not yet reminded of whose last part has begun: closing within {@code within} of
   * {@code now}, or within a quarter of the time they are open when that is less.
   */
  List<Long> closingSoon(Instant now, java.time.Duration within, int limit) {
    return jdbc.sql(
            """
            select id from poll
            where closed_at is null and reminded_at is null and closes_at > ?
              and closes_at <= least(cast(? as timestamptz), cast(? as timestamptz) + (closes_at - opened_at) / 4)
            order by closes_at limit ?
            """)
        .params(Timestamp.from(now), Timestamp.from(now.plus(within)), Timestamp.from(now), limit)
        .query(Long.class)
        .list();
  }

  /** Marks the poll reminded; false when another server did first. */
  boolean reminded(long pollId, Instant at) {
    return jdbc.sql("update poll set reminded_at = ? where id = ? and reminded_at is null")
            .params(Timestamp.from(at), pollId)
            .update()
        == 1;
  }

  boolean any() {
    return jdbc.sql("select exists (select 1 from poll)").query(Boolean.class).single();
  }

  /** Polls past their closing time not yet closed: what the sweep closes. */
  List<Long> dueToClose(Instant now, int limit) {
    return jdbc.sql(
            "select id from poll where closed_at is null and closes_at <= ? order by closes_at"
                + " limit ?")
        .params(Timestamp.from(now), limit)
        .query(Long.class)
        .list();
  }

  private static Poll poll(ResultSet rs, List<Poll.Option> options) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Poll(
        rs.getLong("id"),
        PollKind.valueOf(rs.getString("kind")),
        rs.getString("title"),
        rs.getString("details"),
        rs.getLong("author_person_id"),
        rs.getString("decision_type"),
        options,
        rs.getBoolean("anonymous"),
        rs.getBoolean("results_hidden"),
        rs.getBoolean("reason_required"),
        rs.getBoolean("several"),
        rs.getInt("quorum_percent"),
        rs.getInt("audience_size"),
        rs.getInt("version"),
        rs.getTimestamp("opened_at").toInstant(),
        rs.getTimestamp("closes_at").toInstant(),
        closed == null ? null : closed.toInstant(),
        rs.getObject("decision_id", Long.class));
  }
}
