package org.baton.strategy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.baton.platform.TextRules;
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

  private final DirectionStore store;
  private final JsonMapper json;
  private final StrategyAccess access;
  private final Directory directory;
  private final AuthorityAdministration authority;
  private final Clock clock;

  Strategy(
      DirectionStore store,
      JsonMapper json,
      StrategyAccess access,
      Directory directory,
      AuthorityAdministration authority,
      Clock clock) {
    this.store = store;
    this.json = json;
    this.access = access;
    this.directory = directory;
    this.authority = authority;
    this.clock = clock;
  }

  /** The current direction, with owners' names and each goal's latest progress. */
  @Transactional(readOnly = true)
  public Direction direction() {
    return store.newestVersion().map(this::read).orElse(Direction.NONE);
  }

  /** An earlier (or the current) version, as it was. */
  @Transactional(readOnly = true)
  public Direction version(int number) {
    return read(number);
  }

  @Transactional(readOnly = true)
  public List<VersionEntry> versions() {
    return store.versions();
  }

  public boolean isEditor(BatonUser actor) {
    return access.isEditor(actor);
  }

  /** Refuses anyone but admins and editors, naming what they may not do (a form's page). */
  void requireEditor(BatonUser actor, String what) {
    access.requireEditor(actor, what);
  }

  /** Refuses anyone but admins (naming the editors). */
  void requireAdmin(BatonUser actor) {
    access.requireAdmin(actor);
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
    return store.newestHolding(id).flatMap(number -> read(number).priority(id));
  }

  /** Whether a priority is in the current direction (what initiatives may name). */
  public boolean isCurrentPriority(long id) {
    return direction().priority(id).isPresent();
  }

  @Transactional
  public Direction changeVision(BatonUser actor, DirectionDrafts.VisionDraft draft) {
    access.requireEditor(actor);
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
    access.requireEditor(actor);
    reject(DirectionRules.values(draft));
    List<Direction.Value> values =
        draft.values().stream()
            .map(v -> new Direction.Value(v.name().strip(), v.meaning().strip()))
            .toList();
    return write(actor, "VALUES", draft.reason(), direction().withValues(values));
  }

  @Transactional
  public Direction changeTradeOffs(BatonUser actor, DirectionDrafts.TradeOffsDraft draft) {
    access.requireEditor(actor);
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
    access.requireEditor(actor);
    Set<String> types =
        authority.types().stream().map(DecisionType::code).collect(Collectors.toSet());
    reject(
        DirectionRules.priorities(
            draft,
            store::priorityExists,
            store::priorityOfGoal,
            id -> directory.findPerson(id).map(Person::active).orElse(false),
            types::contains));
    Direction current = direction();
    List<Direction.Priority> priorities = new ArrayList<>();
    for (DirectionDrafts.PriorityDraft p : draft.priorities()) {
      long id = p.id() != null ? p.id() : store.newPriority(clock.instant());
      List<Direction.Goal> goals = new ArrayList<>();
      for (DirectionDrafts.GoalDraft g : p.goals()) {
        long goalId = g.id() != null ? g.id() : store.newGoal(id, clock.instant());
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
    access.requireProgressWriter(actor, priority);
    reject(DirectionRules.progress(value, comment));
    String said = TextRules.orEmpty(comment);
    Instant now = clock.instant();
    long id = store.addProgress(goalId, value, said, actor.personId(), actor.displayName(), now);
    return new Direction.Progress(id, value, said, actor.displayName(), now);
  }

  /** Every progress update of a goal, newest first. */
  @Transactional(readOnly = true)
  public List<Direction.Progress> progress(long goalId) {
    return store.progress(goalId);
  }

  /** The strategy editors (admins are editors without being named). */
  @Transactional(readOnly = true)
  public List<Person> editors() {
    return directory.people(store.editors());
  }

  @Transactional
  public void nameEditor(BatonUser actor, Long personId) {
    access.requireAdmin(actor);
    if (personId == null
        || directory.findPerson(personId).map(Person::active).orElse(false) == false) {
      throw new InvalidInputException("personId", "Choose an active person.");
    }
    store.nameEditor(personId, clock.instant());
  }

  @Transactional
  public void removeEditor(BatonUser actor, long personId) {
    access.requireAdmin(actor);
    store.removeEditor(personId);
  }

  private Direction write(BatonUser actor, String part, String reason, Direction next) {
    List<Direction.Priority> bare =
        next.priorities().stream()
            .map(
                p ->
                    p.withOwnerName(null)
                        .withGoals(p.goals().stream().map(g -> g.withLatest(null)).toList()))
            .toList();
    return read(
        store.write(
            json.writeValueAsString(next.withPriorities(bare)),
            part,
            reason.strip(),
            actor.personId(),
            actor.displayName(),
            clock.instant()));
  }

  private Direction read(int number) {
    DirectionStore.StoredVersion row =
        store
            .version(number)
            .orElseThrow(() -> new NotFoundException("No version " + number + " of the strategy."));
    Direction stored = json.readValue(row.document(), Direction.class);
    Map<Long, String> owners =
        directory.names(stored.priorities().stream().map(Direction.Priority::ownerId).toList());
    Map<Long, Direction.Progress> latest =
        store.latestProgress(
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

  private static void reject(List<FieldProblem> problems) {
    InvalidInputException.throwIfAny(problems);
  }
}
