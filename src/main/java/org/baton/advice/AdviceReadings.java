package org.baton.advice;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules read of advice: a request by id, whether someone may see it, what waits for
 * each adviser (digests, calendars), the busiest advisers (insights) and how often someone sought
 * advice (growth). Nothing here writes.
 */
@Component
@Transactional(readOnly = true)
public class AdviceReadings {

  /** An open request waiting for one person's advice. */
  public record WaitingAdvice(long personId, long requestId, String question, Instant deadline) {}

  /** An adviser and the open requests still waiting for their advice. */
  public record BusyAdviser(long personId, String name, long openAsks, Instant oldestSince) {}

  private final AdviceStore store;
  private final OpenAsksStore openAsks;
  private final Directory directory;

  AdviceReadings(AdviceStore store, OpenAsksStore openAsks, Directory directory) {
    this.store = store;
    this.openAsks = openAsks;
    this.directory = directory;
  }

  /**
   * A request without asking who reads it: for those that word an event to people it already
   * concerns (the notification centre) or that decide for themselves who may hear of it.
   */
  public Optional<AdviceRequest> find(long id) {
    return store.find(id);
  }

  /**
   * Whether the request exists and the actor may see it: what other modules ask (a learning review
   * of it inherits its visibility) without loading its advice.
   */
  public boolean maySee(BatonUser actor, long requestId) {
    return store.find(requestId).map(r -> AdvicePermissions.maySee(actor, r)).orElse(false);
  }

  /**
   * The open requests on which each of these people is asked and has not advised yet, soonest
   * deadline first: what waits for them (their digest). One query for any number of people.
   */
  public List<WaitingAdvice> waitingFor(Collection<Long> people) {
    return people.isEmpty() ? List.of() : openAsks.waitingFor(people);
  }

  /**
   * The advisers with the most open asks (on a panel of an open request, not yet advised), then the
   * oldest. Restricted requests are left out, so that no count reveals one.
   *
   * @param askers whose requests count, or null for everyone's
   * @param decisionType a kind of decision with the kinds below it, or null for all
   */
  public List<BusyAdviser> busiestAdvisers(
      Collection<Long> askers, String decisionType, int limit) {
    List<BusyAdviser> advisers = openAsks.busiestAdvisers(askers, decisionType, limit);
    Map<Long, String> names =
        directory.names(advisers.stream().map(BusyAdviser::personId).toList());
    return advisers.stream()
        .map(
            a ->
                new BusyAdviser(
                    a.personId(),
                    names.getOrDefault(a.personId(), "someone"),
                    a.openAsks(),
                    a.oldestSince()))
        .toList();
  }

  /**
   * How many advice requests a person asked since a moment, per decision type they named (requests
   * naming none are left out): counted in their own track record.
   */
  public Map<String, Integer> soughtBy(long personId, Instant since) {
    return store.soughtBy(personId, since);
  }
}
