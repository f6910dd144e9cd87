package org.baton.decisions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The advice a decision rests on ({@link #basisFor}: what satisfies its rule's requirement, {@link
 * AdviceBasis}), and the advisers a decider named as having given it: kept with the decision in its
 * own transaction, told at once ({@link AdviceNamed}), and each may dispute it once on the
 * decision's page ({@link AdviceDisputed}), which the page then shows beside the advice. Only the
 * adviser named disputes; nobody can withdraw a dispute.
 */
@Component
class NamedAdvice {

  static final int MAX_DISPUTE = TextLimits.REASON;

  /** A named adviser as the decision's page shows them. */
  record Named(
      long personId, String name, List<String> perspectives, Instant disputedAt, String dispute) {}

  private final NamedAdviceStore store;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final org.baton.directory.Directory directory;
  // Looked up when used: the advice module that answers it depends on decisions.
  private final org.springframework.beans.factory.ObjectProvider<DecisionOrigins> origins;

  NamedAdvice(
      NamedAdviceStore store,
      ApplicationEventPublisher events,
      Clock clock,
      org.baton.directory.Directory directory,
      org.springframework.beans.factory.ObjectProvider<DecisionOrigins> origins) {
    this.origins = origins;
    this.store = store;
    this.events = events;
    this.clock = clock;
    this.directory = directory;
  }

  /**
   * What the decision's advice rests on: when the rule requires advice, every perspective it names
   * covered by someone who gave it (on the linked request, or named by the decider); otherwise
   * whatever was named, still kept. Refused with the field's problems when not met.
   */
  AdviceBasis basisFor(
      long decider, Long requester, org.baton.authority.CheckResult check, DecisionDraft draft) {
    if (draft.advisers().isEmpty()
        && draft.adviceRequestId() == null
        && check.verdict() != org.baton.authority.Verdict.NEEDS_ADVICE) {
      return AdviceBasis.NONE;
    }
    List<String> required =
        check.verdict() == org.baton.authority.Verdict.NEEDS_ADVICE
            ? check.requiredPerspectives().stream()
                .map(org.baton.authority.CheckResult.PerspectiveAdvisers::code)
                .toList()
            : List.of();
    List<Long> onRequest = new java.util.ArrayList<>();
    if (draft.adviceRequestId() != null) {
      origins
          .orderedStream()
          .forEach(o -> onRequest.addAll(o.advisersOn(draft.adviceRequestId(), decider)));
    }
    org.baton.directory.Organisation organisation = directory.organisation();
    AdviceBasis.Result result =
        AdviceBasis.of(
            decider,
            requester,
            required,
            draft.advisers(),
            draft.adviceRequestId(),
            onRequest,
            organisation::member);
    if (!result.problems().isEmpty()) {
      throw new InvalidInputException(result.problems());
    }
    return result.basis();
  }

  /** In the append's transaction: the named advisers of a decision just recorded. */
  void keep(Decision recorded, List<AdviceBasis.Adviser> named) {
    for (AdviceBasis.Adviser adviser : named) {
      store.name(recorded.id(), adviser.personId(), adviser.perspectives());
    }
    events.publishEvent(
        new AdviceNamed(
            recorded.id(),
            recorded.deciderPersonId(),
            named.stream().map(AdviceBasis.Adviser::personId).toList()));
  }

  List<Named> of(long decisionId) {
    List<Named> rows = store.of(decisionId);
    var names = directory.names(rows.stream().map(Named::personId).toList());
    return rows.stream()
        .map(
            r ->
                new Named(
                    r.personId(),
                    names.getOrDefault(r.personId(), "someone"),
                    r.perspectives(),
                    r.disputedAt(),
                    r.dispute()))
        .toList();
  }

  /** The named adviser says they did not give this advice, once; the decider is told. */
  @Transactional
  void dispute(BatonUser actor, Decision decision, String note) {
    List<Named> named = of(decision.id());
    if (named.stream().noneMatch(n -> actor.isPerson(n.personId()))) {
      throw new NotFoundException("You are not named as an adviser on decision " + decision.id());
    }
    List<FieldProblem> problems = new ArrayList<>();
    String why = TextRules.required("dispute", note, MAX_DISPUTE, "Say what was not so.", problems);
    InvalidInputException.throwIfAny(problems);
    if (!DecisionPermissions.mayDisputeAdvice(actor, named)
        || !store.dispute(decision.id(), actor.personId(), why, clock.instant())) {
      throw new InvalidInputException("dispute", "You have disputed it already.");
    }
    events.publishEvent(
        new AdviceDisputed(decision.id(), decision.deciderPersonId(), actor.personId()));
  }
}
