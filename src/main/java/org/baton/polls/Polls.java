package org.baton.polls;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.directory.Directory;
import org.baton.directory.Organisation;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The polls' use cases, each: access, rules, store, event. Starting one fixes its audience; voting
 * again replaces one's vote; the author amends a consent proposal or answers an objection, closes,
 * and records the outcome through the decision record ({@link PollOutcomes}).
 */
@Service
public class Polls {

  private final PollStore store;
  private final PollAccess access;
  private final BallotKeys ballots;
  private final Directory directory;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Polls(
      PollStore store,
      PollAccess access,
      BallotKeys ballots,
      Directory directory,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.access = access;
    this.ballots = ballots;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  public Poll start(BatonUser actor, PollDraft draft) {
    return start(actor, draft, List.of());
  }

  /**
   * Starts a poll; {@code unread} are the problems of a form that could not be read into the draft
   * (an unknown team, say), shown with the rules' own so that every problem comes at once.
   */
  @Transactional
  public Poll start(BatonUser actor, PollDraft draft, List<FieldProblem> unread) {
    long author = access.person(actor);
    Instant now = clock.instant();
    List<FieldProblem> problems = new ArrayList<>(unread);
    List<Long> audience = audience(draft, problems);
    problems.addAll(PollRules.poll(draft, audience.size(), now));
    InvalidInputException.throwIfAny(problems);
    long id = store.insert(draft, author, audience.size(), now);
    if (draft.kind().hasOptions()) {
      store.options(
          id, draft.options().stream().map(TextRules::orEmpty).filter(o -> !o.isEmpty()).toList());
    }
    store.audience(id, audience);
    events.publishEvent(
        new PollChanged(id, PollChanged.Kind.OPENED, author, told(author, audience)));
    return store.find(id).orElseThrow();
  }

  /**
   * The active members of the teams (each with the teams below it) and the people named; a team
   * that does not exist, or a person who does not or has left, is its field's problem.
   */
  private List<Long> audience(PollDraft draft, List<FieldProblem> problems) {
    Organisation organisation = directory.organisation();
    Set<Long> people = new LinkedHashSet<>();
    for (Long team : draft.teamIds()) {
      if (team == null || directory.findTeam(team).isEmpty()) {
        problems.add(new FieldProblem("teamIds", "There is no team " + team + "."));
      } else {
        organisation.activeMembersOfSubtree(team).forEach(m -> people.add(m.id()));
      }
    }
    for (Long person : draft.personIds()) {
      if (person == null || directory.findPerson(person).filter(Person::active).isEmpty()) {
        problems.add(
            new FieldProblem("personIds", "There is nobody active with the id " + person + "."));
      } else {
        people.add(person);
      }
    }
    return new ArrayList<>(people);
  }

  /** Votes, or changes one's vote, while the poll is open. */
  @Transactional
  public Poll vote(BatonUser actor, long id, VoteDraft vote) {
    long voter = access.person(actor);
    PollAccess.Seen seen = access.locked(actor, id);
    Poll poll = seen.poll();
    Instant now = clock.instant();
    access.refuseUnless(seen.inAudience(), "Only the people a poll asks vote in it.");
    if (!poll.open(now)) {
      throw new InvalidInputException("poll", "This poll has closed: votes are no longer taken.");
    }
    InvalidInputException.throwIfAny(PollRules.vote(poll, vote));
    if (poll.anonymous()) {
      // nothing ties the vote to the voter: no person, no moment of its own (the poll's opening),
      // no turnout row written beside it, and the event names nobody
      store.vote(id, ballots.of(poll, voter), null, poll, vote, poll.openedAt());
    } else {
      store.vote(id, ballots.of(poll, voter), voter, poll, vote, now);
      store.voted(id, voter, now);
    }
    events.publishEvent(
        new PollChanged(
            id,
            PollChanged.Kind.VOTED,
            poll.anonymous() ? null : voter,
            told(poll.authorPersonId(), store.audienceOf(id))));
    return poll;
  }

  /** A new version of a consent proposal: votes on the old one are marked so, everyone is told. */
  @Transactional
  public Poll amend(BatonUser actor, long id, String details, String note) {
    PollAccess.Seen seen = access.locked(actor, id);
    Poll poll = seen.poll();
    access.refuseUnless(
        PollPermissions.mayAmend(actor, poll, clock.instant()),
        "Only the proposer amends a consent proposal, while it is open.");
    List<org.baton.platform.FieldProblem> problems = new ArrayList<>();
    String text =
        TextRules.required(
            "details",
            details,
            org.baton.platform.TextLimits.ANY,
            "Write the amended proposal.",
            problems);
    String why =
        TextRules.required(
            "note",
            note,
            org.baton.platform.TextLimits.REASON,
            "Say what changed and why.",
            problems);
    InvalidInputException.throwIfAny(problems);
    store.amend(poll, text, why, clock.instant());
    events.publishEvent(
        new PollChanged(
            id,
            PollChanged.Kind.AMENDED,
            poll.authorPersonId(),
            told(poll.authorPersonId(), store.audienceOf(id))));
    return store.find(id).orElseThrow();
  }

  /** The proposer says why the proposal stands despite an objection to its current version. */
  @Transactional
  public void answer(BatonUser actor, long id, String voterKey, String answer) {
    Poll poll = access.locked(actor, id).poll();
    access.refuseUnless(
        PollPermissions.mayAnswer(actor, poll), "Only the proposer answers an objection.");
    List<org.baton.platform.FieldProblem> problems =
        PollRules.answer("answer", answer, "Say why the proposal stands, or amend it.");
    InvalidInputException.throwIfAny(problems);
    if (!store.answer(id, voterKey, poll.version(), TextRules.orEmpty(answer), clock.instant())) {
      throw new InvalidInputException(
          "answer", "This objection is answered already, or was withdrawn.");
    }
    events.publishEvent(
        new PollChanged(
            id,
            PollChanged.Kind.ANSWERED,
            poll.authorPersonId(),
            told(poll.authorPersonId(), store.audienceOf(id))));
  }

  /** Closes early (everyone has answered, or the author has heard enough). */
  @Transactional
  public Poll close(BatonUser actor, long id) {
    Poll poll = access.locked(actor, id).poll();
    access.refuseUnless(
        PollPermissions.isAuthor(actor, poll), "Only the poll's author closes it early.");
    if (!poll.open(clock.instant()) || !store.close(id, clock.instant())) {
      throw new InvalidInputException("poll", "This poll has closed already.");
    }
    events.publishEvent(
        new PollChanged(
            id,
            PollChanged.Kind.CLOSED,
            poll.authorPersonId(),
            told(poll.authorPersonId(), store.audienceOf(id))));
    return store.find(id).orElseThrow();
  }

  /** Closes the polls whose time is up; each audience is told. Run by {@link PollClosing}. */
  @Transactional
  public int closeDue(int limit) {
    Instant now = clock.instant();
    int closed = 0;
    for (long id : store.dueToClose(now, limit)) {
      Poll poll = store.lock(id).orElseThrow();
      if (poll.closedAt() == null && store.close(id, poll.closesAt())) {
        events.publishEvent(
            new PollChanged(
                id,
                PollChanged.Kind.CLOSED,
                null,
                told(poll.authorPersonId(), store.audienceOf(id))));
        closed++;
      }
    }
    return closed;
  }

  /** How long before its close a poll reminds those who have not voted (at most). */
  static final java.time.Duration REMIND_BEFORE = java.time.Duration.ofHours(2);

  /**
   * Reminds, once per poll, those asked who have not voted that it closes soon: two hours before
   * its close, or in the last quarter of a shorter poll. Run by {@link PollClosing}.
   */
  @Transactional
  public int remindClosingSoon(int limit) {
    Instant now = clock.instant();
    int reminded = 0;
    for (long id : store.closingSoon(now, REMIND_BEFORE, limit)) {
      if (!store.reminded(id, now)) {
        continue;
      }
      Poll poll = store.find(id).orElseThrow();
      List<Long> waiting = notVoted(poll);
      if (!waiting.isEmpty()) {
        events.publishEvent(
            new PollChanged(id, PollChanged.Kind.CLOSING_SOON, poll.authorPersonId(), waiting));
        reminded++;
      }
    }
    return reminded;
  }

  /** The poll as this reader may see it: the count, their own vote, who voted what. */
  @Transactional(readOnly = true)
  public PollView view(BatonUser actor, long id) {
    PollAccess.Seen seen = access.visible(actor, id);
    Poll poll = seen.poll();
    Instant now = clock.instant();
    PollPermissions.Answers may =
        PollPermissions.answers(actor, poll, seen.inAudience(), seen.voted(), now);
    List<Vote> votes = store.votes(id);
    String mine =
        seen.inAudience() && actor.personId() != null ? ballots.of(poll, actor.personId()) : null;
    Vote myVote = votes.stream().filter(v -> v.voterKey().equals(mine)).findFirst().orElse(null);
    Map<Long, String> names =
        directory.names(
            java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(poll.authorPersonId()),
                    votes.stream().map(Vote::personId).filter(java.util.Objects::nonNull))
                .toList());
    return new PollView(
        poll,
        names.getOrDefault(poll.authorPersonId(), "someone"),
        may,
        may.seeResults() ? Tally.of(poll, votes, now) : null,
        myVote,
        PollView.shown(poll, votes, names, may),
        PollView.objections(poll, votes, names, may),
        store.versions(id));
  }

  /** The open polls that wait for this person's say, closing soonest first. */
  @Transactional(readOnly = true)
  public List<Poll> waitingFor(BatonUser actor, int limit) {
    if (actor.personId() == null) {
      return List.of();
    }
    long person = actor.personId();
    return store.waitingFor(person, clock.instant(), limit).stream()
        .map(pid -> store.find(pid).orElseThrow())
        .filter(p -> !hasVoted(p, person))
        .toList();
  }

  /** The polls a person started or is asked in, newest first. */
  @Transactional(readOnly = true)
  public List<Poll> involving(BatonUser actor, int limit) {
    if (actor.personId() == null) {
      return List.of();
    }
    return store.involving(actor.personId(), limit).stream()
        .map(pid -> store.find(pid).orElseThrow())
        .toList();
  }

  /**
   * Whether the person has voted: the turnout row of an open poll, or in an anonymous poll (which
   * keeps none) whether a vote stands under their one-way token.
   */
  boolean hasVoted(Poll poll, long person) {
    return poll.anonymous()
        ? store.hasVoteUnder(poll.id(), ballots.of(poll, person))
        : store.hasVoted(poll.id(), person);
  }

  /** Those asked who have not voted: from the turnout rows, or token by token when anonymous. */
  private List<Long> notVoted(Poll poll) {
    if (!poll.anonymous()) {
      return store.notVoted(poll.id());
    }
    java.util.Set<String> voted = new java.util.HashSet<>(store.voterKeys(poll.id()));
    return store.audienceOf(poll.id()).stream()
        .filter(person -> !voted.contains(ballots.of(poll, person)))
        .toList();
  }

  /** Whether any poll was ever asked: the demo writes its own only into an empty one. */
  @Transactional(readOnly = true)
  public boolean anyPolls() {
    return store.any();
  }

  static List<Long> told(long author, List<Long> audience) {
    Set<Long> told = new LinkedHashSet<>(audience);
    told.add(author);
    return new ArrayList<>(told);
  }

  Instant now() {
    return clock.instant();
  }
}
