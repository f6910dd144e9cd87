package org.baton.strategy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.KeyedPage;
import org.baton.platform.NotFoundException;
import org.baton.platform.PageKey;
import org.baton.platform.PageOf;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Strategic dialogue rounds: an editor opens one, everyone contributes, supports and comments, the
 * round's leaders group contributions into themes and answer every one, and the round is published
 * with a summary only when none is left unanswered.
 */
@Service
public class Dialogues {

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

  private final RoundStore rounds;
  private final ContributionStore contributions;
  private final StrategyAccess access;
  private final Strategy strategy;
  private final Directory directory;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Dialogues(
      RoundStore rounds,
      ContributionStore contributions,
      StrategyAccess access,
      Strategy strategy,
      Directory directory,
      Clock clock,
      ApplicationEventPublisher events) {
    this.rounds = rounds;
    this.contributions = contributions;
    this.access = access;
    this.strategy = strategy;
    this.directory = directory;
    this.clock = clock;
    this.events = events;
  }

  /** Opens a round (strategy editors); everyone is told. */
  @Transactional
  public DialogueRound open(BatonUser actor, DialogueDrafts.RoundDraft draft) {
    access.requireEditor(actor);
    long opener = StrategyAccess.person(actor, "leaderIds");
    Set<Long> active = new HashSet<>();
    directory.people(draft.leaderIds()).stream()
        .filter(Person::active)
        .forEach(p -> active.add(p.id()));
    InvalidInputException.throwIfAny(DialogueRules.round(draft, today(), active));
    Set<Long> leaders = new LinkedHashSet<>();
    leaders.add(opener);
    leaders.addAll(draft.leaderIds());
    List<String> themes = DialogueRules.themes(draft.themes(), new ArrayList<>());
    long id = rounds.insert(draft, opener, leaders, themes, clock.instant());
    events.publishEvent(
        new StrategyChanged(StrategyChanged.Kind.ROUND_OPENED, id, null, opener, List.of(), true));
    return round(actor, id);
  }

  /** The rounds, newest first; every member may read them. */
  @Transactional(readOnly = true)
  public List<DialogueRound> list(BatonUser actor) {
    return load(rounds.newest());
  }

  @Transactional(readOnly = true)
  public DialogueRound round(BatonUser actor, long id) {
    return load(List.of(id)).stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No dialogue round " + id + "."));
  }

  private List<DialogueRound> load(List<Long> ids) {
    return rounds.load(ids, directory::names, today());
  }

  /**
   * A page of a round's contributions, sorted by support (then newest) or newest first, optionally
   * of one theme or only those still unanswered. One indexed query, however large the round.
   */
  @Transactional(readOnly = true)
  public KeyedPage<Contribution> contributions(BatonUser actor, long roundId, Query query) {
    PageKey after = PageKey.parse(query.after(), 2);
    // one light query rather than the whole round: the page has read that already
    if (!rounds.exists(roundId)) {
      throw new NotFoundException("No dialogue round " + roundId + ".");
    }
    if (query.themeId() != null && !rounds.hasTheme(roundId, query.themeId())) {
      throw new InvalidInputException("theme", "This round has no theme " + query.themeId() + ".");
    }
    List<Contribution> rows =
        contributions.page(roundId, query, after, query.size() + 1, reader(actor));
    return KeyedPage.of(rows, query.size(), c -> PageKey.of(c.supportCount(), c.id()));
  }

  /**
   * A contribution the leaders adopted, as an initiative carrying it out needs it: its round, its
   * author (who hears how the work goes) and its text.
   */
  public record Adopted(long id, long roundId, long authorId, String body) {}

  /** The contribution if it is adopted; contributions are open to every member. */
  @Transactional(readOnly = true)
  public Optional<Adopted> adopted(long contributionId) {
    return contributions.adopted(contributionId);
  }

  /** The round a contribution belongs to, for a link to it (whatever its answer now). */
  @Transactional(readOnly = true)
  public Optional<Long> roundOf(long contributionId) {
    return contributions.roundOf(contributionId);
  }

  /** What a round adopted, most supported first: its published summary lists them all. */
  @Transactional(readOnly = true)
  public List<Contribution> adopted(BatonUser actor, long roundId) {
    return contributions.adoptedIn(roundId, reader(actor));
  }

  @Transactional(readOnly = true)
  public Contribution contribution(BatonUser actor, long roundId, long contributionId) {
    return contributions
        .find(roundId, contributionId, reader(actor))
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No contribution " + contributionId + " in round " + roundId + "."));
  }

  /** A person contributes while contributions are open. */
  @Transactional
  public Contribution contribute(
      BatonUser actor, long roundId, DialogueDrafts.ContributionDraft draft) {
    long author = StrategyAccess.person(actor, "body");
    DialogueRound round = lockedRound(actor, roundId);
    InvalidInputException.throwIfAny(DialogueRules.contribution(round, draft));
    long id = contributions.insert(roundId, author, draft, clock.instant());
    events.publishEvent(
        new StrategyChanged(
            StrategyChanged.Kind.CONTRIBUTED, roundId, id, author, List.of(), false));
    return contribution(actor, roundId, id);
  }

  /** Supports a contribution (or withdraws the support) while contributions are open. */
  @Transactional
  public Contribution support(BatonUser actor, long roundId, long contributionId, boolean support) {
    long person = StrategyAccess.person(actor, "support");
    DialogueRound round = round(actor, roundId);
    Contribution c = contribution(actor, roundId, contributionId);
    if (!round.open()) {
      throw new InvalidInputException(
          "support", "Supports closed with contributions on " + round.contributionsCloseOn() + ".");
    }
    if (c.authorId() == person) {
      throw new InvalidInputException("support", "Your own contribution has your support already.");
    }
    if (contributions.support(contributionId, person, support, clock.instant())) {
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
    long author = StrategyAccess.person(actor, "body");
    DialogueRound round = round(actor, roundId);
    Contribution c = contribution(actor, roundId, contributionId);
    InvalidInputException.throwIfAny(DialogueRules.comment(round, text));
    String body = text.strip();
    Instant now = clock.instant();
    long id = contributions.comment(contributionId, author, body, now);
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
    return contributions.comments(contributionId, reader(actor));
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
    access.requireRoundLeader(actor, round, "answer its contributions");
    InvalidInputException.throwIfAny(DialogueRules.answer(draft));
    contributions.answer(contributionId, draft, actor.personId(), clock.instant());
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
    access.requireRoundLeader(actor, round, "add themes");
    InvalidInputException.throwIfAny(DialogueRules.newTheme(round, name));
    rounds.addTheme(roundId, name.strip());
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
    access.requireRoundLeader(actor, round, "group contributions");
    InvalidInputException.throwIfAny(DialogueRules.theme(round, themeId));
    contributions.group(contributionId, themeId);
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
    access.requireRoundLeader(actor, round, "publish it");
    Set<Long> current = new HashSet<>();
    strategy.currentPriorities().forEach(p -> current.add(p.id()));
    InvalidInputException.throwIfAny(
        DialogueRules.publication(round, contributions.unanswered(roundId), draft, current));
    rounds.publish(roundId, draft, actor.personId(), clock.instant());
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
    return rounds.title(roundId).orElse("a dialogue round");
  }

  /** The round's row locked, so that a contribution and the publishing do not cross. */
  private DialogueRound lockedRound(BatonUser actor, long roundId) {
    rounds.lock(roundId);
    return round(actor, roundId);
  }

  private ContributionStore.Reader reader(BatonUser actor) {
    return new ContributionStore.Reader(actor.personId(), directory::names);
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** Whether the actor leads the round now ({@link StrategyAccess#leadsRound}). */
  boolean leads(BatonUser actor, DialogueRound round) {
    return access.leadsRound(actor, round);
  }
}
