package org.baton.polls;

import org.baton.identity.BatonUser;
import org.baton.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Loads what {@link PollPermissions} decides from and refuses in one way for the module: a poll the
 * actor may not see is not found, an action they may not take is forbidden with the reason, and an
 * account that is no person is told to sign in as themselves.
 */
@Component
class PollAccess {

  /** A poll with the reader's place in it. */
  record Seen(Poll poll, boolean inAudience, boolean voted) {}

  private final PollStore store;
  private final BallotKeys ballots;

  PollAccess(PollStore store, BallotKeys ballots) {
    this.store = store;
    this.ballots = ballots;
  }

  long person(BatonUser actor) {
    return actor.requirePerson("person", "polls are asked and answered by people.");
  }

  /** The poll, when the actor may see it; else, as if it did not exist, not found. */
  Seen visible(BatonUser actor, long id) {
    return seen(actor, store.find(id).orElseThrow(() -> missing(id)));
  }

  /** As {@link #visible}, the poll locked for a change. */
  Seen locked(BatonUser actor, long id) {
    return seen(actor, store.lock(id).orElseThrow(() -> missing(id)));
  }

  private Seen seen(BatonUser actor, Poll poll) {
    boolean inAudience = actor.personId() != null && store.inAudience(poll.id(), actor.personId());
    if (!PollPermissions.maySee(actor, poll, inAudience)) {
      throw missing(poll.id());
    }
    boolean voted =
        inAudience
            && (poll.anonymous()
                ? store.hasVoteUnder(poll.id(), ballots.of(poll, actor.personId()))
                : store.hasVoted(poll.id(), actor.personId()));
    return new Seen(poll, inAudience, voted);
  }

  void refuseUnless(boolean allowed, String why) {
    if (!allowed) {
      throw new AccessDeniedException(why);
    }
  }

  private static NotFoundException missing(long id) {
    return new NotFoundException("No poll " + id + ".");
  }
}
