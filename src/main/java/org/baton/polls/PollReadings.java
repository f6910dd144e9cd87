package org.baton.polls;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baton.identity.BatonUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules read of polls: a poll's title and author to word a notice to the people an
 * event already names, and what waits for a person's say (the home). No writes.
 */
@Service
public class PollReadings {

  /** A poll as a notice names it. */
  public record Summary(
      long id, String title, PollKind kind, long authorPersonId, Instant closesAt) {}

  private final PollStore store;
  private final Polls polls;

  PollReadings(PollStore store, Polls polls) {
    this.store = store;
    this.polls = polls;
  }

  /**
   * The poll as a notice names it, without asking who reads it: for wording an event to the people
   * it already names (its author and audience).
   */
  @Transactional(readOnly = true)
  public Optional<Summary> summary(long id) {
    return store
        .find(id)
        .map(p -> new Summary(p.id(), p.title(), p.kind(), p.authorPersonId(), p.closesAt()));
  }

  /** The open polls that wait for the person's say, closing soonest first. */
  public List<Summary> waitingFor(BatonUser me, int limit) {
    return polls.waitingFor(me, limit).stream()
        .map(p -> new Summary(p.id(), p.title(), p.kind(), p.authorPersonId(), p.closesAt()))
        .toList();
  }
}
