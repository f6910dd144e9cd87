package org.baton.advice;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.identity.BatonUser;
import org.baton.initiatives.InitiativeProgress;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.strategy.Strategy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Closing an advice request: by deciding, on the asker's own authority, or with a note. */
@Component
class ClosingAdvice {

  private final AdviceStore store;
  private final OpenAsksStore openAsks;
  private final AdviceAccess access;
  private final DecisionRecord decisions;
  private final InitiativeProgress progress;
  private final Strategy strategy;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ClosingAdvice(
      AdviceStore store,
      OpenAsksStore openAsks,
      AdviceAccess access,
      DecisionRecord decisions,
      InitiativeProgress progress,
      Strategy strategy,
      ApplicationEventPublisher events,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.store = store;
    this.openAsks = openAsks;
    this.access = access;
    this.decisions = decisions;
    this.progress = progress;
    this.strategy = strategy;
    this.events = events;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * The asker closes the request: by recording a decision (on their own authority, linked to the
   * advice weighed), or by stating that no decision was needed. Not one transaction here: the
   * decision record commits the decision and the closing together (see {@link #markClosed}).
   */
  AdviceRequest close(
      BatonUser actor, long requestId, DecisionDraft decide, String noDecisionNote) {
    long asker = access.person(actor);
    AdviceRequest request = access.visible(actor, requestId);
    access.asker(actor, request, "Only the asker closes a request.");
    if (!request.open()) {
      throw new InvalidInputException("request", "This request is closed already.");
    }
    if (decide == null) {
      List<FieldProblem> problems = AdviceRules.noDecisionNote(noDecisionNote);
      InvalidInputException.throwIfAny(problems);
      String note = noDecisionNote.strip();
      transactions.executeWithoutResult(done -> markClosed(requestId, note, null, asker));
      return store.find(requestId).orElseThrow();
    }
    // The decision and the closing commit together, or neither does.
    decisions.record(
        actor,
        linked(decide, request),
        decision -> {
          markClosed(requestId, "Decided: " + decision.title(), decision.id(), asker);
          if (request.initiativeId() != null && !request.restricted()) {
            // a confidential decision shows on the timeline as the request's outcome only
            progress.decided(
                request.initiativeId(),
                asker,
                decision.confidential() ? null : decision.id(),
                requestId,
                decision.confidential() ? "" : decision.title());
          }
        });
    return store.find(requestId).orElseThrow();
  }

  /** The decision as the asker drafted it, naming the advice it weighed and what it serves. */
  private DecisionDraft linked(DecisionDraft decide, AdviceRequest request) {
    String weighed = "Advice request #" + request.id() + ": " + summary(request.id());
    return new DecisionDraft(
        decide.decisionType(),
        decide.title(),
        decide.reason(),
        decide.amount(),
        decide.context(),
        decide.affectedTeamIds(),
        decide.followUpOn(),
        decide.adviceConsidered().isBlank() ? weighed : decide.adviceConsidered() + " — " + weighed,
        null,
        decide.learningsShown(),
        decide.learningsAcknowledged(),
        decide.priorityId() != null ? decide.priorityId() : inherited(request),
        decide.advisers(),
        // the advice given on this request counts towards the rule's requirement
        request.id());
  }

  /**
   * Closes an open request, and publishes that it closed, in the caller's transaction (the
   * decision's, when closing by deciding), so that the event is stored with the closing; one that
   * another action closed meanwhile is refused.
   */
  private void markClosed(long requestId, String note, Long decisionId, long closedBy) {
    if (!store.close(requestId, note, decisionId, clock.instant())) {
      throw new InvalidInputException("request", "This request is closed already.");
    }
    openAsks.closed(requestId);
    events.publishEvent(
        new AdviceChanged(
            requestId,
            AdviceChanged.Kind.CLOSED,
            closedBy,
            null,
            access.audience(store.find(requestId).orElseThrow()),
            List.of()));
  }

  /**
   * The decision closing a request serves what the request served, while that is still a current
   * priority (a decision names only current ones).
   */
  private Long inherited(AdviceRequest request) {
    return request.priorityId() != null && strategy.isCurrentPriority(request.priorityId())
        ? request.priorityId()
        : null;
  }

  /** "support: 2, object: 1": each adviser's latest stance, counted. */
  private String summary(long requestId) {
    Map<String, Integer> counts = new TreeMap<>();
    store
        .latestStances(requestId)
        .forEach(s -> counts.merge(s.label().toLowerCase(), 1, Integer::sum));
    return counts.isEmpty()
        ? "no advice given"
        : counts.toString().replaceAll("[{}]", "").replace("=", ": ");
  }
}
