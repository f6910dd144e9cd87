package org.baton.advice;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.baton.decisions.DecisionRecord;
import org.baton.identity.BatonUser;
import org.baton.initiatives.Initiative;
import org.baton.initiatives.InitiativesPermissions;
import org.baton.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Loads what {@link AdvicePermissions} decides from, and refuses in one way for the whole module: a
 * request the actor may not see is not found, an action the actor may not take is forbidden with
 * the reason, and an account that is not a person is told to sign in as themselves.
 */
@Component
class AdviceAccess {

  private final AdviceStore store;
  private final DecisionRecord decisions;

  AdviceAccess(AdviceStore store, DecisionRecord decisions) {
    this.store = store;
    this.decisions = decisions;
  }

  /** The person acting; an account that is no person (an admin's own, a token) is refused. */
  long person(BatonUser actor) {
    return actor.requirePerson("person", "advice is asked and given by people.");
  }

  /** Refuses anyone but the request's asker, saying why. */
  void asker(BatonUser actor, AdviceRequest request, String why) {
    if (!AdvicePermissions.isAsker(actor, request)) {
      throw new AccessDeniedException(why);
    }
  }

  /** Refuses to ask on an initiative's behalf unless its leader or a supporter asks, while open. */
  void mayAskFor(long asker, Initiative initiative) {
    if (!InitiativesPermissions.mayAskForAdvice(asker, initiative)) {
      throw new AccessDeniedException(
          "The initiative's leader and supporters ask on its behalf, while it is open.");
    }
  }

  /** The request, when the actor may see it; else, as if it did not exist, not found. */
  AdviceRequest visible(BatonUser actor, long id) {
    return store
        .find(id)
        .filter(request -> AdvicePermissions.maySee(actor, request))
        .map(request -> shownTo(actor, request))
        .orElseThrow(() -> new NotFoundException("No advice request " + id + "."));
  }

  /**
   * A request shows the decision it led to (its title in the closing note, its id) only to those
   * who may see that decision: a confidential one stays with those involved.
   */
  AdviceRequest shownTo(BatonUser actor, AdviceRequest request) {
    return request.decisionId() == null || decisions.maySee(actor, request.decisionId())
        ? request
        : request.withoutOutcome();
  }

  /** Who hears about it live: the asker, the panel, and whoever has advised. */
  List<Long> audience(AdviceRequest request) {
    Set<Long> audience = new LinkedHashSet<>();
    audience.add(request.askerId());
    request.panel().forEach(m -> audience.add(m.personId()));
    audience.addAll(store.advisers(request.id()));
    return new ArrayList<>(audience);
  }
}
