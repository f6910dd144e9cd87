package org.baton.strategy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.DecisionType;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.baton.platform.TextLimits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The direction and its versions, goal progress, and who the strategy editors are. Each change of
 * the direction writes a whole new version with who, when and why; earlier versions stay readable.
 */
@Service
public class Strategy {

  /** One entry of the direction's history. */
  public record VersionEntry(
      int number, String part, String reason, String changedByName, Instant changedAt) {}

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final StrategyPermissions permissions;
  private final Directory directory;
  private final AuthorityAdministration authority;
  private final Clock clock;

  Strategy(
      JdbcClient jdbc,
      JsonMapper json,
      StrategyPermissions permissions,
      Directory directory,
      AuthorityAdministration authority,
      Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.permissions = permissions;
    this.directory = directory;
    this.authority = authority;
    this.clock = clock;
  }

  /** The current direction, with owners' names and each goal's latest progress. */
  @Transactional(readOnly = true)
  public Direction direction() {
    return jdbc.sql("select number from strategy_version order by number desc limit 1")
        .query(Integer.class)
        .optional()
        .map(this::read)
        .orElse(Direction.NONE);
  }

  /** An earlier (or the current) version, as it was. */
  @Transactional(readOnly = true)
  public Direction version(int number) {
    return read(number);
  }

  @Transactional(readOnly = true)
  public List<VersionEntry> versions() {
    return jdbc.sql(
            "select number, part, reason, changed_by_name, changed_at from strategy_version"
                + " order by number desc")
        .query(
            (rs, n) ->
                new VersionEntry(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  public boolean isEditor(BatonUser actor) {
    return permissions.isEditor(actor);
  }

  /** The current priorities, in order: what an initiative or a decision may name. */
  @Transactional(readOnly = true)
  public List<Direction.Priority> currentPriorities() {
    return direction().priorities();
  }

  /**
   * The current priorities linked to a decision type or to one above it ({@code customer} covers
   * {@code customer.goodwill}): what the check's answer shows the person deciding.
   */
  @Transactional(readOnly = true)
  public List<Direction.Priority> prioritiesFor(String decisionType) {
    if (decisionType == null || decisionType.isBlank()) {
      return List.of();
    }
    return currentPriorities().stream()
        .filter(
            p ->
                p.decisionTypes().stream()
                    .anyMatch(t -> decisionType.equals(t) || decisionType.startsWith(t + ".")))
        .toList();
  }

  /** A priority as the current direction has it, or as the last version that had it. */
  @Transactional(readOnly = true)
  public Optional<Direction.Priority> priority(long id) {
    Optional<Direction.Priority> current = direction().priority(id);
    if (current.isPresent()) {
      return current;
    }
    return jdbc.sql(
            "select number from strategy_version where document -> 'priorities' @> ?::jsonb"
                + " order by number desc limit 1")
        .param("[{\"id\": " + id + "}]")
        .query(Integer.class)
        .optional()
        .flatMap(number -> read(number).priority(id));
  }

  /** Whether a priority is in the current direction (what initiatives may name). */
  public boolean isCurrentPriority(long id) {
    return direction().priority(id).isPresent();
  }

  @Transactional
  public Direction changeVision(BatonUser actor, DirectionDrafts.VisionDraft draft) {
    permissions.requireEditor(actor);
    reject(DirectionRules.vision(draft));
    return write(
        actor,
        "VISION",
        draft.reason(),
        direction()
            .withVision(
                draft.vision().strip(), draft.mission() == null ? "" : draft.mission().strip()));
  }

  @Transactional
  public Direction changeValues(BatonUser actor, DirectionDrafts.ValuesDraft draft) {
    permissions.requireEditor(actor);
    reject(DirectionRules.values(draft));
    List<Direction.Value> values =
        draft.values().stream()
            .map(v -> new Direction.Value(v.name().strip(), v.meaning().strip()))
            .toList();
    return write(actor, "VALUES", draft.reason(), direction().withValues(values));
  }

  @Transactional
  public Direction changeTradeOffs(BatonUser actor, DirectionDrafts.TradeOffsDraft draft) {
    permissions.requireEditor(actor);
    reject(DirectionRules.tradeOffs(draft));
    return write(
        actor,
        "TRADE_OFFS",
        draft.reason(),
        direction().withTradeOffs(draft.tradeOffs().stream().map(String::strip).toList()));
  }

  /**
   * Replaces the priorities, in the order given. Those sent with an id keep it (and their goals'
   * ids); new ones get theirs now. A priority left out is no longer current, but stays readable, as
   * do the initiatives that name it.
   */
  @Transactional
  public Direction changePriorities(BatonUser actor, DirectionDrafts.PrioritiesDraft draft) {
    permissions.requireEditor(actor);
    Set<String> types =
        authority.types().stream().map(DecisionType::code).collect(Collectors.toSet());
    reject(
        DirectionRules.priorities(
            draft,
            id -> exists("select exists (select 1 from strategy_priority where id = ?)", id),
            id ->
                jdbc.sql("select priority_id from strategy_goal where id = ?")
                    .param(id)
                    .query(Long.class)
                    .optional()
                    .orElse(-1L),
            id -> directory.findPerson(id).map(Person::active).orElse(false),
            types::contains));
    Direction current = direction();
    List<Direction.Priority> priorities = new ArrayList<>();
    for (DirectionDrafts.PriorityDraft p : draft.priorities()) {
      long id =
          p.id() != null
              ? p.id()
              : jdbc.sql("insert into strategy_priority (created_at) values (?) returning id")
                  .param(Timestamp.from(clock.instant()))
                  .query(Long.class)
                  .single();
      List<Direction.Goal> goals = new ArrayList<>();
      for (DirectionDrafts.GoalDraft g : p.goals()) {
        long goalId =
            g.id() != null
                ? g.id()
                : jdbc.sql(
                        "insert into strategy_goal (priority_id, created_at) values (?, ?)"
                            + " returning id")
                    .params(id, Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
        goals.add(
            new Direction.Goal(
                goalId,
                g.title().strip(),
                g.unit().strip(),
                g.start(),
                g.target(),
                g.dueOn(),
                null));
      }
      priorities.add(
          new Direction.Priority(
              id,
              p.title().strip(),
              p.why().strip(),
              p.ownerId(),
              null,
              p.startsOn(),
              p.endsOn(),
              p.decisionTypes().stream().distinct().toList(),
              goals));
    }
    return write(actor, "PRIORITIES", draft.reason(), direction().withPriorities(priorities));
  }

  /** A goal's progress: a value, a comment, who and when. */
  @Transactional
  public Direction.Progress recordProgress(
      BatonUser actor, long goalId, BigDecimal value, String comment) {
    Direction.Priority priority =
        currentPriorities().stream()
            .filter(p -> p.goals().stream().anyMatch(g -> g.id() == goalId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("No current goal " + goalId + "."));
    permissions.requireProgressWriter(actor, priority);
    List<FieldProblem> problems = new ArrayList<>();
    if (value == null) {
      problems.add(new FieldProblem("value", "Give the value reached."));
    } else if (value.abs().compareTo(new BigDecimal("1e15")) >= 0) {
      problems.add(new FieldProblem("value", "The value is too large."));
    }
    String said = comment == null ? "" : comment.strip();
    if (said.length() > TextLimits.REASON) {
      problems.add(new FieldProblem("comment", "Keep the comment under 2,000 characters."));
    }
    reject(problems);
    Instant now = clock.instant();
    long id =
        jdbc.sql(
                "insert into strategy_goal_update (goal_id, value, comment, person_id, by_name,"
                    + " recorded_at) values (?, ?, ?, ?, ?, ?) returning id")
            .params(goalId, value, said, actor.personId(), actor.displayName(), Timestamp.from(now))
            .query(Long.class)
            .single();
    return new Direction.Progress(id, value, said, actor.displayName(), now);
  }

  /** Every progress update of a goal, newest first. */
  @Transactional(readOnly = true)
  public List<Direction.Progress> progress(long goalId) {
    return jdbc.sql(
            "select id, value, comment, by_name, recorded_at from strategy_goal_update"
                + " where goal_id = ? order by recorded_at desc, id desc")
        .param(goalId)
        .query(
            (rs, n) ->
                new Direction.Progress(
                    rs.getLong(1),
                    rs.getBigDecimal(2).stripTrailingZeros(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** The strategy editors (admins are editors without being named). */
  @Transactional(readOnly = true)
  public List<Person> editors() {
    return directory.people(
        jdbc.sql("select person_id from strategy_editor order by named_at")
            .query(Long.class)
            .list());
  }

  @Transactional
  public void nameEditor(BatonUser actor, Long personId) {
    permissions.requireAdmin(actor);
    if (personId == null
        || directory.findPerson(personId).map(Person::active).orElse(false) == false) {
      throw new InvalidInputException("personId", "Choose an active person.");
    }
    jdbc.sql(
            "insert into strategy_editor (person_id, named_at) values (?, ?)"
                + " on conflict do nothing")
        .params(personId, Timestamp.from(clock.instant()))
        .update();
  }

  @Transactional
  public void removeEditor(BatonUser actor, long personId) {
    permissions.requireAdmin(actor);
    jdbc.sql("delete from strategy_editor where person_id = ?").param(personId).update();
  }

  private Direction write(BatonUser actor, String part, String reason, Direction next) {
    // one writer at a time: each version's number is the one after the newest
    jdbc.sql("select pg_advisory_xact_lock(hashtext('strategy_version'))").query().singleRow();
    int number =
        jdbc.sql("select coalesce(max(number), 0) + 1 from strategy_version")
            .query(Integer.class)
            .single();
    List<Direction.Priority> bare =
        next.priorities().stream()
            .map(
                p ->
                    p.withOwnerName(null)
                        .withGoals(p.goals().stream().map(g -> g.withLatest(null)).toList()))
            .toList();
    jdbc.sql(
            "insert into strategy_version (number, document, part, reason, changed_by_person_id,"
                + " changed_by_name, changed_at) values (?, ?::jsonb, ?, ?, ?, ?, ?)")
        .params(
            number,
            json.writeValueAsString(next.withPriorities(bare)),
            part,
            reason.strip(),
            actor.personId(),
            actor.displayName(),
            Timestamp.from(clock.instant()))
        .update();
    return read(number);
  }

  private Direction read(int number) {
    record Row(String document, String by, Instant at, String reason) {}
    Row row =
        jdbc.sql(
                "select document, changed_by_name, changed_at, reason from strategy_version"
                    + " where number = ?")
            .param(number)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
            .optional()
            .orElseThrow(() -> new NotFoundException("No version " + number + " of the strategy."));
    Direction stored = json.readValue(row.document(), Direction.class);
    Map<Long, String> owners =
        directory.names(stored.priorities().stream().map(Direction.Priority::ownerId).toList());
    Map<Long, Direction.Progress> latest =
        latestProgress(
            stored.priorities().stream()
                .flatMap(p -> p.goals().stream())
                .map(Direction.Goal::id)
                .toList());
    List<Direction.Priority> priorities =
        stored.priorities().stream()
            .map(
                p ->
                    p.withOwnerName(owners.get(p.ownerId()))
                        .withGoals(
                            p.goals().stream().map(g -> g.withLatest(latest.get(g.id()))).toList()))
            .toList();
    return new Direction(
        number,
        stored.vision(),
        stored.mission(),
        stored.values(),
        stored.tradeOffs(),
        priorities,
        row.by(),
        row.at(),
        row.reason());
  }

  private Map<Long, Direction.Progress> latestProgress(List<Long> goalIds) {
    Map<Long, Direction.Progress> latest = new HashMap<>();
    if (goalIds.isEmpty()) {
      return latest;
    }
    jdbc.sql(
            """
            select distinct on (goal_id) goal_id, id, value, comment, by_name, recorded_at
            from strategy_goal_update where goal_id = any(?)
            order by goal_id, recorded_at desc, id desc
            """)
        .param(goalIds.toArray(Long[]::new))
        .query(
            (rs, n) ->
                latest.put(
                    rs.getLong(1),
                    new Direction.Progress(
                        rs.getLong(2),
                        rs.getBigDecimal(3).stripTrailingZeros(),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant())))
        .list();
    return latest;
  }

  private boolean exists(String sql, long id) {
    return jdbc.sql(sql).param(id).query(Boolean.class).single();
  }

  private static void reject(List<FieldProblem> problems) {
    InvalidInputException.throwIfAny(problems);
  }
}
