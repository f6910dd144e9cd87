package org.baton.polls;

import java.time.Instant;
import org.baton.identity.BatonUser;

/**
 * Who may do and see what with a poll, each a plain answer from facts handed in (no I/O):
 *
 * <ul>
 *   <li>Start a poll: any person (an operator account or a token without a person is told to sign
 *       in as themselves). The audience is whoever the author names; the decision a poll ends in is
 *       checked against the author's authority when it is recorded, never before.
 *   <li>See a poll: its author, the people it asks (its audience, fixed when it opened) and admins.
 *       For anyone else it does not exist (404).
 *   <li>Vote, and change one's vote: the audience, while it is open. Not the author unless asked.
 *   <li>The results: everyone who may see the poll, unless it hides them until one has voted or
 *       until the close (the author sees them throughout).
 *   <li>Who voted what: never in an anonymous poll, not even for admins (the vote is kept under a
 *       one-way token, see {@code BallotKeys}); otherwise everyone who may see the results.
 *   <li>Amend a consent proposal, answer an objection, close early, record the outcome: the author
 *       only; the outcome once the poll is closed and only once.
 * </ul>
 */
public final class PollPermissions {

  private PollPermissions() {}

  /** What a page and the API carry: each answer for this reader and this poll. */
  @io.swagger.v3.oas.annotations.media.Schema(name = "PollAnswers")
  public record Answers(
      boolean vote,
      boolean amend,
      boolean answer,
      boolean close,
      boolean recordOutcome,
      boolean seeResults,
      boolean seeVoters) {}

  static Answers answers(
      BatonUser actor, Poll poll, boolean inAudience, boolean voted, Instant now) {
    return new Answers(
        mayVote(poll, inAudience, now),
        mayAmend(actor, poll, now),
        mayAnswer(actor, poll),
        mayClose(actor, poll, now),
        mayRecordOutcome(actor, poll, now),
        maySeeResults(actor, poll, voted, now),
        maySeeVoters(actor, poll, voted, now));
  }

  static boolean isAuthor(BatonUser actor, Poll poll) {
    return actor.isPerson(poll.authorPersonId());
  }

  static boolean maySee(BatonUser actor, Poll poll, boolean inAudience) {
    return inAudience || isAuthor(actor, poll) || actor.isAdmin();
  }

  static boolean mayVote(Poll poll, boolean inAudience, Instant now) {
    return inAudience && poll.open(now);
  }

  static boolean mayAmend(BatonUser actor, Poll poll, Instant now) {
    return isAuthor(actor, poll) && poll.kind() == PollKind.CONSENT && poll.open(now);
  }

  static boolean mayAnswer(BatonUser actor, Poll poll) {
    return isAuthor(actor, poll) && poll.kind() == PollKind.CONSENT && poll.decisionId() == null;
  }

  static boolean mayClose(BatonUser actor, Poll poll, Instant now) {
    return isAuthor(actor, poll) && poll.open(now);
  }

  static boolean mayRecordOutcome(BatonUser actor, Poll poll, Instant now) {
    return isAuthor(actor, poll) && poll.closed(now) && poll.decisionId() == null;
  }

  static boolean maySeeResults(BatonUser actor, Poll poll, boolean voted, Instant now) {
    return !poll.resultsHidden() || poll.closed(now) || voted || isAuthor(actor, poll);
  }

  static boolean maySeeVoters(BatonUser actor, Poll poll, boolean voted, Instant now) {
    return !poll.anonymous() && maySeeResults(actor, poll, voted, now);
  }
}
