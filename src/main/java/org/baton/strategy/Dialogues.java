package org.baton.strategy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.KeyedPage;
import org.baton.platform.NotFoundException;
import org.baton.platform.PageKey;
import org.baton.platform.PageOf;
import org.baton.platform.TextLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Strategic dialogue rounds: an editor opens one, everyone contributes, supports and comments, the
 * round's leaders group contributions into themes and answer every one, and the round is published
 * with a summary only when none is left unanswered.
 */
@Service
public class Dialogues {

  static final int MAX_BODY = 5_000;
  static final int MAX_THEMES = 20;

  /** How a round's contributions are listed. */
  public enum Sort {
    SUPPORT,
    NEWEST
  }

  /**
   * Which contributions to list, a page at a time: {@code after} is the key of the page to read
   * (support, then id), null for the first.
   */
  public record Query(Sort sort, Long themeId, boolean unansweredOnly, String after, int size) {
    public Query {
      sort = sort == null ? Sort.SUPPORT : sort;
      size = PageOf.clampSize(size);
    }
  }

  private final JdbcClient jdbc;
  private final StrategyPermissions permissions;
  private final Strategy strategy;
  private final Directory directory;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Dialogues(
      JdbcClient jdbc,
      StrategyPermissions permissions,
      Strategy strategy,
      Directory directory,
      Clock clock,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.permissions = permissions;
    this.strategy = strategy;
    this.directory = directory;
    this.clock = clock;
    this.events = events;
  }

  /** Opens a round (strategy editors); everyone is told. */
  @Transactional
  public DialogueRound open(BatonUser actor, DialogueDrafts.RoundDraft draft) {
    permissions.requireEditor(actor);
    long opener = StrategyPermissions.person(actor, "leaderIds");
    List<FieldProblem> problems = new ArrayList<>();
    String title = draft.title() == null ? "" : draft.title().strip();
    if (title.isEmpty()) {
      problems.add(new FieldProblem("title", "Name the round, such as Autumn dialogue 2026."));
    } else if (title.length() > TextLimits.NAME) {
      problems.add(new FieldProblem("title", "Keep the title under 200 characters."));
    }
    String description = draft.description() == null ? "" : draft.description().strip();
    if (description.length() > TextLimits.ANY) {
      problems.add(new FieldProblem("description", "Keep it under 10,000 characters."));
    }
    if (draft.contributionsCloseOn() == null) {
      problems.add(new FieldProblem("contributionsCloseOn", "Give the day contributions close."));
    } else if (draft.contributionsCloseOn().isBefore(today())) {
      problems.add(new FieldProblem("contributionsCloseOn", "The day is in the past."));
    }
    if (draft.answersDueOn() == null) {
      problems.add(new FieldProblem("answersDueOn", "Give the day answers are due."));
    } else if (draft.contributionsCloseOn() != null
        && draft.answersDueOn().isBefore(draft.contributionsCloseOn())) {
      problems.add(
          new FieldProblem(
              "answersDueOn", "Answers are due after contributions close, not before."));
    }
    Set<Long> active =
        directory.people(draft.leaderIds()).stream()
            .filter(Person::active)
            .map(Person::id)
            .collect(Collectors.toSet());
    draft.leaderIds().stream()
        .filter(id -> id == null || !active.contains(id))
        .findFirst()
        .ifPresent(
            id ->
                problems.add(
                    new FieldProblem("leaderIds", "There is no active person " + id + ".")));
    List<String> themes = themes(draft.themes(), problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Set<Long> leaders = new LinkedHashSet<>();
    leaders.add(opener);
    leaders.addAll(draft.leaderIds());
    long id =
        jdbc.sql(
                """
                insert into strategy_round (title, description, opened_by_person_id, leader_ids,
                    opened_at, contributions_close_on, answers_due_on)
                values (?, ?, ?, ?, ?, ?, ?) returning id
                """)
            .params(
                title,
                description,
                opener,
                leaders.toArray(Long[]::new),
                Timestamp.from(clock.instant()),
                draft.contributionsCloseOn(),
                draft.answersDueOn())
            .query(Long.class)
            .single();
    themes.forEach(
        name ->
            jdbc.sql("insert into strategy_theme (round_id, name) values (?, ?)")
                .params(id, name)
                .update());
    events.publishEvent(
        new StrategyChanged(StrategyChanged.Kind.ROUND_OPENED, id, null, opener, List.of(), true));
    return round(actor, id);
  }

  /** The rounds, newest first; every member may read them. */
  @Transactional(readOnly = true)
  public List<DialogueRound> list(BatonUser actor) {
    return load(
        jdbc.sql("select id from strategy_round order by opened_at desc, id desc limit 50")
            .query(Long.class)
            .list());
  }

  @Transactional(readOnly = true)
  public DialogueRound round(BatonUser actor, long id) {
    return load(List.of(id)).stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No dialogue round " + id + "."));
  }

  /** Rounds in the order given: three queries however many, their themes and counts included. */
  private List<DialogueRound> load(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    record Raw(
        long id,
        String title,
        String description,
        long openedBy,
        List<Long> leaders,
        Instant openedAt,
        LocalDate closeOn,
        LocalDate dueOn,
        String summary,
        List<Long> summaryPriorities,
        Instant publishedAt) {}
    Long[] wanted = ids.toArray(Long[]::new);
    List<Raw> rows =
        jdbc.sql(
                """
                select id, title, description, opened_by_person_id, leader_ids, opened_at,
                    contributions_close_on, answers_due_on, summary, summary_priority_ids,
                    published_at
                from strategy_round where id = any(?)
                """)
            .param(wanted)
            .query(
                (rs, n) ->
                    new Raw(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        longs(rs, 5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class),
                        rs.getString(9),
                        longs(rs, 10),
                        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant()))
            .list();
    Map<Long, List<DialogueRound.Theme>> themes = new java.util.HashMap<>();
    jdbc.sql(
            "select round_id, id, name from strategy_theme where round_id = any(?)"
                + " order by lower(name)")
        .param(wanted)
        .query(
            rs -> {
              themes
                  .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                  .add(new DialogueRound.Theme(rs.getLong(2), rs.getString(3)));
            });
    Map<Long, int[]> counts = new java.util.HashMap<>();
    jdbc.sql(
            "select round_id, count(*), count(*) filter (where answer_state is null)"
                + " from strategy_contribution where round_id = any(?) group by round_id")
        .param(wanted)
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> counts.put(rs.getLong(1), new int[] {rs.getInt(2), rs.getInt(3)}));
    Map<Long, String> names =
        directory.names(rows.stream().flatMap(r -> r.leaders().stream()).distinct().toList());
    Map<Long, DialogueRound> byId = new java.util.HashMap<>();
    for (Raw raw : rows) {
      int[] count = counts.getOrDefault(raw.id(), new int[] {0, 0});
      DialogueRound.State state =
          raw.publishedAt() != null
              ? DialogueRound.State.PUBLISHED
              : today().isAfter(raw.closeOn())
                  ? DialogueRound.State.ANSWERING
                  : DialogueRound.State.OPEN;
      byId.put(
          raw.id(),
          new DialogueRound(
              raw.id(),
              raw.title(),
              raw.description(),
              raw.openedBy(),
              names.get(raw.openedBy()),
              raw.leaders(),
              raw.leaders().stream().map(names::get).toList(),
              raw.openedAt(),
              raw.closeOn(),
              raw.dueOn(),
              state,
              themes.getOrDefault(raw.id(), List.of()),
              count[0],
              count[1],
              raw.summary(),
              raw.summaryPriorities(),
              raw.publishedAt()));
    }
    return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * A page of a round's contributions, sorted by support (then newest) or newest first, optionally
   * of one theme or only those still unanswered. One indexed query, however large the round.
   */
  @Transactional(readOnly = true)
  public KeyedPage<Contribution> contributions(BatonUser actor, long roundId, Query query) {
    PageKey after = PageKey.parse(query.after(), 2);
    // one light query rather than the whole round: the page has read that already
    boolean roundThere =
        jdbc.sql("select exists (select 1 from strategy_round where id = ?)")
            .param(roundId)
            .query(Boolean.class)
            .single();
    if (!roundThere) {
      throw new NotFoundException("No dialogue round " + roundId + ".");
    }
    if (query.themeId() != null
        && !jdbc.sql("select exists (select 1 from strategy_theme where id = ? and round_id = ?)")
            .params(query.themeId(), roundId)
            .query(Boolean.class)
            .single()) {
      throw new InvalidInputException("theme", "This round has no theme " + query.themeId() + ".");
    }
    boolean bySupport = query.sort() == Sort.SUPPORT;
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("round", roundId);
    params.put("me", actor.personId() == null ? -1L : actor.personId());
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
    params.put("limit", query.size() + 1);
    List<Row> rows =
        jdbc.sql(SELECT + where + order + " limit :limit").params(params).query(this::row).list();
    KeyedPage<Row> page =
        KeyedPage.of(
            rows,
            query.size(),
            r -> PageKey.of(r.contribution().supportCount(), r.contribution().id()));
    return new KeyedPage<>(named(page.items()), page.next());
  }

  /**
   * A contribution the leaders adopted, as an initiative carrying it out needs it: its round, its
   * author (who hears how the work goes) and its text.
   */
  public record Adopted(long id, long roundId, long authorId, String body) {}

  /** The contribution if it is adopted; contributions are open to every member. */
  @Transactional(readOnly = true)
  public Optional<Adopted> adopted(long contributionId) {
    return jdbc.sql(
            "select id, round_id, author_person_id, body from strategy_contribution"
                + " where id = ? and answer_state = 'ADOPTED'")
        .param(contributionId)
        .query((rs, n) -> new Adopted(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
        .optional();
  }

  /** The round a contribution belongs to, for a link to it (whatever its answer now). */
  @Transactional(readOnly = true)
  public Optional<Long> roundOf(long contributionId) {
    return jdbc.sql("select round_id from strategy_contribution where id = ?")
        .param(contributionId)
        .query(Long.class)
        .optional();
  }

  /** What a round adopted, most supported first: its published summary lists them all. */
  @Transactional(readOnly = true)
  public List<Contribution> adopted(BatonUser actor, long roundId) {
    return named(
        jdbc.sql(
                SELECT
                    + " where c.round_id = :round and c.answer_state = 'ADOPTED'"
                    + " order by c.support_count desc, c.id desc")
            .param("round", roundId)
            .param("me", actor.personId() == null ? -1L : actor.personId())
            .query(this::row)
            .list());
  }

  @Transactional(readOnly = true)
  public Contribution contribution(BatonUser actor, long roundId, long contributionId) {
    return named(
            jdbc.sql(SELECT + " where c.round_id = :round and c.id = :id")
                .param("round", roundId)
                .param("id", contributionId)
                .param("me", actor.personId() == null ? -1L : actor.personId())
                .query(this::row)
                .list())
        .stream()
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No contribution " + contributionId + " in round " + roundId + "."));
  }

  /** A person contributes while contributions are open. */
  @Transactional
  public Contribution contribute(
      BatonUser actor, long roundId, DialogueDrafts.ContributionDraft draft) {
    long author = StrategyPermissions.person(actor, "body");
    DialogueRound round = lockedRound(actor, roundId);
    List<FieldProblem> problems = new ArrayList<>();
    if (!round.open()) {
      problems.add(
          new FieldProblem(
              "body",
              "Contributions to this round closed on " + round.contributionsCloseOn() + "."));
    }
    if (draft.kind() == null) {
      problems.add(new FieldProblem("kind", "Say whether it is an idea, a concern or a question."));
    }
    String body = draft.body() == null ? "" : draft.body().strip();
    if (body.isEmpty()) {
      problems.add(new FieldProblem("body", "Write your contribution."));
    } else if (body.length() > MAX_BODY) {
      problems.add(new FieldProblem("body", "Keep it under 5,000 characters."));
    }
    if (draft.themeId() != null
        && round.themes().stream().noneMatch(t -> t.id() == draft.themeId())) {
      problems.add(new FieldProblem("themeId", "This round has no theme " + draft.themeId() + "."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    long id =
        jdbc.sql(
                "insert into strategy_contribution (round_id, author_person_id, kind, body,"
                    + " theme_id, created_at) values (?, ?, ?, ?, ?, ?) returning id")
            .params(
                roundId,
                author,
                draft.kind().name(),
                body,
                draft.themeId(),
                Timestamp.from(clock.instant()))
            .query(Long.class)
            .single();
    events.publishEvent(
        new StrategyChanged(
            StrategyChanged.Kind.CONTRIBUTED, roundId, id, author, List.of(), false));
    return contribution(actor, roundId, id);
  }

  /** Supports a contribution (or withdraws the support) while contributions are open. */
  @Transactional
  public Contribution support(BatonUser actor, long roundId, long contributionId, boolean support) {
    long person = StrategyPermissions.person(actor, "support");
    DialogueRound round = round(actor, roundId);
    Contribution c = contribution(actor, roundId, contributionId);
    if (!round.open()) {
      throw new InvalidInputException(
          "support", "Supports closed with contributions on " + round.contributionsCloseOn() + ".");
    }
    if (c.authorId() == person) {
      throw new InvalidInputException("support", "Your own contribution has your support already.");
    }
    int changed =
        support
            ? jdbc.sql(
                    "insert into strategy_support (contribution_id, person_id, supported_at)"
                        + " values (?, ?, ?) on conflict do nothing")
                .params(contributionId, person, Timestamp.from(clock.instant()))
                .update()
            : jdbc.sql("delete from strategy_support where contribution_id = ? and person_id = ?")
                .params(contributionId, person)
                .update();
    if (changed > 0) {
      jdbc.sql("update strategy_contribution set support_count = support_count + ? where id = ?")
          .params(support ? 1 : -1, contributionId)
          .update();
      events.publishEvent(
          new StrategyChanged(
              StrategyChanged.Kind.SUPPORTED, roundId, contributionId, person, List.of(), false));
    }
    return contribution(actor, roundId, contributionId);
  }

  /** A comment on a contribution, until the round is published; its author is told. */
  @Transactional
  public Contribution.DialogueComment comment(
      BatonUser actor, long roundId, long contributionId, String text) {
    long author = StrategyPermissions.person(actor, "body");
    DialogueRound round = round(actor, roundId);
    Contribution c = contribution(actor, roundId, contributionId);
    String body = text == null ? "" : text.strip();
    List<FieldProblem> problems = new ArrayList<>();
    if (round.published()) {
      problems.add(new FieldProblem("body", "The round is published; comments have closed."));
    }
    if (body.isEmpty()) {
      problems.add(new FieldProblem("body", "Write your comment."));
    } else if (body.length() > MAX_BODY) {
      problems.add(new FieldProblem("body", "Keep it under 5,000 characters."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    Instant now = clock.instant();
    long id =
        jdbc.sql(
                "insert into strategy_comment (contribution_id, author_person_id, body, created_at)"
                    + " values (?, ?, ?, ?) returning id")
            .params(contributionId, author, body, Timestamp.from(now))
            .query(Long.class)
            .single();
    jdbc.sql("update strategy_contribution set comment_count = comment_count + 1 where id = ?")
        .param(contributionId)
        .update();
    events.publishEvent(
        new StrategyChanged(
            StrategyChanged.Kind.COMMENTED,
            roundId,
            contributionId,
            author,
            List.of(c.authorId()),
            false));
    return new Contribution.DialogueComment(id, author, actor.displayName(), body, now);
  }

  @Transactional(readOnly = true)
  public List<Contribution.DialogueComment> comments(
      BatonUser actor, long roundId, long contributionId) {
    contribution(actor, roundId, contributionId);
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
        directory.names(comments.stream().map(Contribution.DialogueComment::authorId).toList());
    return comments.stream()
        .map(
            c ->
                new Contribution.DialogueComment(
                    c.id(), c.authorId(), names.get(c.authorId()), c.body(), c.at()))
        .toList();
  }

  /**
   * A leader of the round answers a contribution, or changes the answer (also after publishing);
   * its author is told each time.
   */
  @Transactional
  public Contribution answer(
      BatonUser actor, long roundId, long contributionId, DialogueDrafts.AnswerDraft draft) {
    DialogueRound round = round(actor, roundId);
    Contribution c = contribution(actor, roundId, contributionId);
    permissions.requireRoundLeader(actor, round, "answer its contributions");
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.state() == null) {
      problems.add(
          new FieldProblem("state", "Choose: adopted, will explore, not now or declined."));
    }
    String answer = draft.answer() == null ? "" : draft.answer().strip();
    if (answer.isEmpty()) {
      problems.add(new FieldProblem("answer", "Give the reason: the contributor reads it."));
    } else if (answer.length() > MAX_BODY) {
      problems.add(new FieldProblem("answer", "Keep it under 5,000 characters."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    jdbc.sql(
            "update strategy_contribution set answer_state = ?, answer = ?,"
                + " answered_by_person_id = ?, answered_at = ? where id = ?")
        .params(
            draft.state().name(),
            answer,
            actor.personId(),
            Timestamp.from(clock.instant()),
            contributionId)
        .update();
    events.publishEvent(
        new StrategyChanged(
            StrategyChanged.Kind.ANSWERED,
            roundId,
            contributionId,
            actor.personId(),
            List.of(c.authorId()),
            false));
    return contribution(actor, roundId, contributionId);
  }

  /** A leader of the round adds a theme to group contributions by. */
  @Transactional
  public DialogueRound addTheme(BatonUser actor, long roundId, String name) {
    DialogueRound round = lockedRound(actor, roundId);
    permissions.requireRoundLeader(actor, round, "add themes");
    List<FieldProblem> problems = new ArrayList<>();
    List<String> all =
        new ArrayList<>(round.themes().stream().map(DialogueRound.Theme::name).toList());
    all.add(name == null ? "" : name);
    List<String> checked = themes(all, problems);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          problems.stream().map(p -> new FieldProblem("name", p.message())).toList());
    }
    jdbc.sql("insert into strategy_theme (round_id, name) values (?, ?)")
        .params(roundId, checked.get(checked.size() - 1))
        .update();
    events.publishEvent(
        new StrategyChanged(
            StrategyChanged.Kind.THEMED, roundId, null, actor.personId(), List.of(), false));
    return round(actor, roundId);
  }

  /** A leader of the round groups a contribution into a theme (or none). */
  @Transactional
  public Contribution group(BatonUser actor, long roundId, long contributionId, Long themeId) {
    DialogueRound round = round(actor, roundId);
    contribution(actor, roundId, contributionId);
    permissions.requireRoundLeader(actor, round, "group contributions");
    if (themeId != null && round.themes().stream().noneMatch(t -> t.id() == themeId)) {
      throw new InvalidInputException("themeId", "This round has no theme " + themeId + ".");
    }
    jdbc.sql("update strategy_contribution set theme_id = ? where id = ?")
        .params(themeId, contributionId)
        .update();
    events.publishEvent(
        new StrategyChanged(
            StrategyChanged.Kind.THEMED,
            roundId,
            contributionId,
            actor.personId(),
            List.of(),
            false));
    return contribution(actor, roundId, contributionId);
  }

  /**
   * Publishes the round with its summary, which closes contributions; refused while any
   * contribution is unanswered, naming them. Everyone is told.
   */
  @Transactional
  public DialogueRound publish(
      BatonUser actor, long roundId, DialogueDrafts.PublicationDraft draft) {
    DialogueRound round = lockedRound(actor, roundId);
    permissions.requireRoundLeader(actor, round, "publish it");
    List<FieldProblem> problems = new ArrayList<>();
    if (round.published()) {
      problems.add(new FieldProblem("round", "The round is published already."));
    }
    List<Long> unanswered =
        jdbc.sql(
                "select id from strategy_contribution where round_id = ? and answer_state is null"
                    + " order by id")
            .param(roundId)
            .query(Long.class)
            .list();
    if (!unanswered.isEmpty()) {
      problems.add(
          new FieldProblem(
              "contributions",
              (unanswered.size() == 1
                      ? "1 contribution is"
                      : unanswered.size() + " contributions are")
                  + " not answered yet: "
                  + unanswered.stream()
                      .limit(20)
                      .map(id -> "#" + id)
                      .collect(Collectors.joining(", "))
                  + (unanswered.size() > 20 ? ", ..." : "")
                  + ". Every contribution gets an answer before the round is published."));
    }
    String summary = draft.summary() == null ? "" : draft.summary().strip();
    if (summary.length() > TextLimits.ANY) {
      problems.add(new FieldProblem("summary", "Keep the summary under 10,000 characters."));
    }
    Set<Long> current =
        new HashSet<>(strategy.currentPriorities().stream().map(Direction.Priority::id).toList());
    draft.priorityIds().stream()
        .filter(id -> id == null || !current.contains(id))
        .findFirst()
        .ifPresent(
            id ->
                problems.add(
                    new FieldProblem("priorityIds", "There is no current priority " + id + ".")));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    jdbc.sql(
            "update strategy_round set summary = ?, summary_priority_ids = ?, published_at = ?,"
                + " published_by_person_id = ? where id = ?")
        .params(
            summary,
            draft.priorityIds().toArray(Long[]::new),
            Timestamp.from(clock.instant()),
            actor.personId(),
            roundId)
        .update();
    events.publishEvent(
        new StrategyChanged(
            StrategyChanged.Kind.ROUND_PUBLISHED,
            roundId,
            null,
            actor.personId(),
            List.of(),
            true));
    return round(actor, roundId);
  }

  /** The round's title, for words in notifications. */
  public String title(long roundId) {
    return jdbc.sql("select title from strategy_round where id = ?")
        .param(roundId)
        .query(String.class)
        .optional()
        .orElse("a dialogue round");
  }

  /** The round's row locked, so that a contribution and the publishing do not cross. */
  private DialogueRound lockedRound(BatonUser actor, long roundId) {
    jdbc.sql("select id from strategy_round where id = ? for update")
        .param(roundId)
        .query(Long.class)
        .optional();
    return round(actor, roundId);
  }

  private static final String SELECT =
      """
      select c.id, c.round_id, c.author_person_id, c.kind, c.body, c.theme_id, t.name,
          c.support_count, c.comment_count, c.created_at, c.answer_state, c.answer,
          c.answered_by_person_id, c.answered_at,
          exists (select 1 from strategy_support s
                  where s.contribution_id = c.id and s.person_id = :me)
      from strategy_contribution c left join strategy_theme t on t.id = c.theme_id
      """;

  /** A row, names filled in by {@link #named}. */
  private record Row(Contribution contribution, Long answeredBy) {}

  private Row row(ResultSet rs, int n) throws SQLException {
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

  private List<Contribution> named(List<Row> rows) {
    Set<Long> ids = new HashSet<>();
    rows.forEach(
        r -> {
          ids.add(r.contribution().authorId());
          if (r.answeredBy() != null) {
            ids.add(r.answeredBy());
          }
        });
    Map<Long, String> names = directory.names(ids);
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

  private static List<String> themes(List<String> names, List<FieldProblem> problems) {
    List<String> themes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      String theme = name == null ? "" : name.strip();
      if (theme.isEmpty()) {
        problems.add(new FieldProblem("themes", "Name each theme."));
      } else if (theme.length() > 100) {
        problems.add(new FieldProblem("themes", "Keep a theme's name under 100 characters."));
      } else if (!seen.add(theme.toLowerCase(Locale.ROOT))) {
        problems.add(new FieldProblem("themes", "The theme " + theme + " is named twice."));
      } else {
        themes.add(theme);
      }
    }
    if (themes.size() > MAX_THEMES) {
      problems.add(new FieldProblem("themes", "Keep to at most 20 themes."));
    }
    return themes;
  }

  private static List<Long> longs(ResultSet rs, int column) throws SQLException {
    java.sql.Array array = rs.getArray(column);
    return array == null ? List.of() : List.of((Long[]) array.getArray());
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** Whether the actor leads the round now ({@link StrategyPermissions#leadsRound}). */
  boolean leads(BatonUser actor, DialogueRound round) {
    return permissions.leadsRound(actor, round);
  }
}
