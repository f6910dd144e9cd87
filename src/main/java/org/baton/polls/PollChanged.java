package org.baton.polls;

import java.util.List;

/**
 * Something happened to a poll: it opened, someone voted (or changed their vote), the proposal was
 * amended, an objection was answered, it closed, its outcome was recorded. Ids only: listeners word
 * it. {@code told} are the people to hear of it (the audience and the author); {@code
 * actorPersonId} is null for a close by time.
 */
public record PollChanged(long pollId, Kind kind, Long actorPersonId, List<Long> told) {

  public enum Kind {
    OPENED,
    VOTED,
    AMENDED,
    ANSWERED,
    CLOSED,
    DECIDED,
    /** The poll closes soon: {@code told} are those asked who have not voted yet. */
    CLOSING_SOON
  }

  public PollChanged {
    told = List.copyOf(told);
  }
}
