package org.baton.decisions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baton.authority.Authority;
import org.baton.authority.CheckQuestion;
import org.baton.authority.CheckResult;
import org.baton.authority.Verdict;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.baton.platform.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a decision is outside one's authority: one tap asks someone who holds it. The holder
 * approves (the decision is recorded as theirs, naming the requester) or declines with a reason.
 */
@Service
public class HolderRequests {

  private final HolderRequestStore store;
  private final Authority authority;
  private final DecisionRecord decisions;
  private final Directory directory;

  private final Clock clock;
  private final ApplicationEventPublisher events;

  HolderRequests(
      HolderRequestStore store,
      Authority authority,
      DecisionRecord decisions,
      Directory directory,
      Clock clock,
      ApplicationEventPublisher events) {
    this.clock = clock;
    this.events = events;
    this.store = store;
    this.authority = authority;
    this.decisions = decisions;
    this.directory = directory;
  }

  @Transactional
  public HolderRequest ask(BatonUser actor, long holderPersonId, DecisionDraft draft) {
    long me = actor.requirePerson("requester", "only people ask.");
    InvalidInputException.throwIfAny(HolderRequestRules.ask(draft, me, holderPersonId));
    Instant now = clock.instant();
    CheckResult mine = authority.evaluate(question(me, draft), now);
    if (mine.verdict() != Verdict.OUTSIDE_AUTHORITY) {
      throw new InvalidInputException(
          "holder", "This is within your own authority: decide it yourself.");
    }
    CheckResult theirs = authority.evaluate(question(holderPersonId, draft), now);
    if (theirs.verdict() == Verdict.OUTSIDE_AUTHORITY) {
      throw new InvalidInputException(
          "holder", theirs.person().name() + " does not hold the authority for this either.");
    }
    long id = store.insert(me, holderPersonId, draft, mine, now);
    events.publishEvent(
        new HolderRequestChanged(
            id,
            HolderRequestChanged.Kind.ASKED,
            me,
            holderPersonId,
            mine.decisionType().confidential(),
            null));
    return find(actor, id);
  }

  /**
   * The holder approves: the decision is recorded as theirs, on their own authority, and the
   * request is marked approved in the same transaction.
   */
  public HolderRequest approve(BatonUser actor, long id, String adviceConsidered) {
    return approve(actor, id, adviceConsidered, List.of());
  }

  /**
   * The holder approves, naming who gave the advice their rule requires (see {@link
   * DecisionDraft#advisers}).
   */
  public HolderRequest approve(
      BatonUser actor, long id, String adviceConsidered, List<Long> advisers) {
    HolderRequest request = openForHolder(actor, id);
    DecisionDraft draft =
        new DecisionDraft(
            request.decisionType(),
            request.title(),
            // The requester is recorded as a fact of the entry (requestedBy), not as text added
            // to the reason, which could push a reason at its limit past it.
            request.reason(),
            request.amount() == null ? null : new Money(request.amount(), request.currency()),
            request.context(),
            List.of(),
            null,
            adviceConsidered,
            null);
    draft = draft.withAdvice(advisers, null);
    decisions.recordFor(
        request.holderPersonId(),
        request.requesterPersonId(),
        draft,
        decision -> {
          answered(store.approved(id, decision.id(), decision.decidedAt()));
          // published in the transaction that records the decision: durable with it
          events.publishEvent(
              new HolderRequestChanged(
                  id,
                  HolderRequestChanged.Kind.APPROVED,
                  request.requesterPersonId(),
                  request.holderPersonId(),
                  decision.confidential(),
                  decision.id()));
        });
    return find(actor, id);
  }

  @Transactional
  public HolderRequest decline(BatonUser actor, long id, String reason) {
    HolderRequest request = openForHolder(actor, id);
    InvalidInputException.throwIfAny(HolderRequestRules.decline(reason));
    answered(store.declined(id, reason.strip(), clock.instant()));
    events.publishEvent(
        new HolderRequestChanged(
            id,
            HolderRequestChanged.Kind.DECLINED,
            request.requesterPersonId(),
            request.holderPersonId(),
            authority.isConfidential(request.decisionType()),
            null));
    return find(actor, id);
  }

  /**
   * The open requests waiting for each of these holders' answer, oldest first: what waits for them
   * (their digest). One query for any number of people.
   */
  public List<HolderRequest> waitingFor(java.util.Collection<Long> holders) {
    if (holders.isEmpty()) {
      return List.of();
    }
    return named(store.openFor(holders));
  }

  /** A holder and the requests waiting for their answer. */
  public record WaitingHolder(
      long holderPersonId, String holderName, long waiting, java.time.Instant oldestSince) {}

  /**
   * The holders with the most requests waiting for their answer, then the oldest: where decisions
   * wait. Requests of confidential kinds are left out, so that no count reveals one.
   *
   * @param requesters whose requests count, or null for everyone's
   * @param decisionType a kind of decision with the kinds below it, or null for all
   */
  public List<WaitingHolder> mostWaitedOn(
      java.util.Collection<Long> requesters, String decisionType, int limit) {
    List<WaitingHolder> holders = store.mostWaitedOn(requesters, decisionType, limit);
    Map<Long, String> names =
        directory.names(holders.stream().map(WaitingHolder::holderPersonId).toList());
    return holders.stream()
        .map(
            h ->
                new WaitingHolder(
                    h.holderPersonId(),
                    names.getOrDefault(h.holderPersonId(), "someone"),
                    h.waiting(),
                    h.oldestSince()))
        .toList();
  }

  /**
   * The requests one sent, newest first, at most {@code limit}: their own, with each answer (the
   * home shows them, and the answer as it arrives).
   */
  public List<HolderRequest> latestSentBy(BatonUser actor, int limit) {
    if (actor.personId() == null) {
      return List.of();
    }
    return named(store.latestSentBy(actor.personId(), limit));
  }

  /** A request a person sent to a holder, as their track record counts it. */
  public record Sent(
      String decisionType,
      java.math.BigDecimal amount,
      String currency,
      String status,
      java.time.Instant createdAt) {}

  /**
   * The requests a person sent since a moment, oldest first: counted in their own track record,
   * which only those allowed to see it read.
   */
  public List<Sent> sentBy(long personId, java.time.Instant since) {
    return store.sentBy(personId, since);
  }

  /**
   * A request without asking who reads it: for wording an event to those it concerns (the holder,
   * the requester), who may see it.
   */
  public java.util.Optional<HolderRequest> find(long id) {
    return store.find(id).map(r -> named(List.of(r)).get(0));
  }

  public HolderRequest find(BatonUser actor, long id) {
    return find(id)
        .filter(request -> DecisionPermissions.maySeeRequest(actor, request))
        .orElseThrow(() -> new NotFoundException("No request " + id + "."));
  }

  /** Requests to the actor (to answer) and from the actor (waiting), newest first. */
  public List<HolderRequest> involving(BatonUser actor) {
    if (actor.personId() == null) {
      return List.of();
    }
    return named(store.involving(actor.personId()));
  }

  private HolderRequest openForHolder(BatonUser actor, long id) {
    HolderRequest request = find(actor, id);
    DecisionAccess.answerRequest(actor, request);
    if (!request.open()) {
      throw new InvalidInputException("status", "This request has already been answered.");
    }
    return request;
  }

  /**
   * The open requests to someone who has left: each goes to the first leader above them (their
   * team's leader, then the one above) who holds the authority for it and is not the requester; if
   * there is none, it is declined with the reason, so that the requester asks again.
   */
  @Transactional
  void rerouteFrom(long leftPersonId) {
    List<HolderRequest> open = store.openFor(List.of(leftPersonId));
    for (HolderRequest request : open) {
      java.util.Optional<Long> next = nextHolder(leftPersonId, request);
      if (next.isPresent()) {
        store.rerouted(request.id(), next.get());
      } else {
        String answer =
            directory.findPerson(leftPersonId).map(Person::name).orElse("The holder")
                + " has left, and nobody above them holds this authority: ask again.";
        store.declined(request.id(), answer, clock.instant());
      }
      events.publishEvent(
          new HolderRequestRerouted(
              request.id(), request.requesterPersonId(), leftPersonId, next.orElse(null)));
    }
  }

  private java.util.Optional<Long> nextHolder(long leftPersonId, HolderRequest request) {
    Money amount =
        request.amount() == null ? null : new Money(request.amount(), request.currency());
    Instant now = clock.instant();
    java.util.Optional<Person> above =
        directory.findPerson(leftPersonId).flatMap(directory::leaderOf);
    java.util.Set<Long> seen = new java.util.HashSet<>();
    while (above.isPresent() && seen.add(above.get().id())) {
      Person candidate = above.get();
      if (candidate.active()
          && candidate.id() != request.requesterPersonId()
          && authority
                  .evaluate(
                      new CheckQuestion(
                          candidate.id(), request.decisionType(), amount, request.context()),
                      now)
                  .verdict()
              != Verdict.OUTSIDE_AUTHORITY) {
        return java.util.Optional.of(candidate.id());
      }
      above = directory.leaderOf(candidate);
    }
    return java.util.Optional.empty();
  }

  /** Two answers at once: the second finds the request answered and rolls back. */
  private static void answered(boolean answered) {
    if (!answered) {
      throw new InvalidInputException("status", "This request has already been answered.");
    }
  }

  private static CheckQuestion question(long personId, DecisionDraft draft) {
    return new CheckQuestion(personId, draft.decisionType(), draft.amount(), draft.context());
  }

  /** The requests with their people's names: one query for every name, not one per request. */
  private List<HolderRequest> named(List<HolderRequest> requests) {
    List<Long> people = new ArrayList<>();
    requests.forEach(r -> people.addAll(List.of(r.requesterPersonId(), r.holderPersonId())));
    Map<Long, String> names = directory.names(people);
    return requests.stream().map(r -> named(r, names)).toList();
  }

  private static HolderRequest named(HolderRequest r, Map<Long, String> names) {
    return new HolderRequest(
        r.id(),
        r.requesterPersonId(),
        names.get(r.requesterPersonId()),
        r.holderPersonId(),
        names.get(r.holderPersonId()),
        r.decisionType(),
        r.title(),
        r.reason(),
        r.amount(),
        r.currency(),
        r.context(),
        r.status(),
        r.answer(),
        r.createdAt(),
        r.answeredAt(),
        r.decisionId());
  }
}
