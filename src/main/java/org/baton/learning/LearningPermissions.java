package org.baton.learning;

import java.util.List;
import org.baton.advice.AdviceReadings;
import org.baton.decisions.DecisionRecord;
import org.baton.directory.Person;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in learning; every route and the search ask here.
 *
 * <ul>
 *   <li>See a review: its author always (drafts included); anyone else once it is published, and
 *       only if they may see everything it is about: a review of a confidential decision or a
 *       restricted advice request is visible only to those who may see that (it inherits their
 *       visibility; initiatives are open to every member).
 *   <li>Write a review: any person, about what they may see.
 *   <li>Publish: the author only. A published review is not edited or withdrawn here.
 *   <li>Mark an action done: its owner only.
 *   <li>Report-outs, their comments and rounds: every member reads them; any person posts and
 *       comments. Comments, "read" and "helped" on a review need the review to be visible and
 *       published.
 *   <li>Start a report-out round: the leader of the team asked, for that team only.
 * </ul>
 */
@Component
class LearningPermissions {

  private final DecisionRecord decisions;
  private final AdviceReadings advice;
  private final Accounts accounts;

  LearningPermissions(DecisionRecord decisions, AdviceReadings advice, Accounts accounts) {
    this.decisions = decisions;
    this.advice = advice;
    this.accounts = accounts;
  }

  /**
   * Whether a person (an action's owner, say) may see all these decisions and advice requests, as
   * they would when signed in; someone without an account may see none of them.
   */
  boolean maySeeAllOf(Person person, List<Long> decisionIds, List<Long> adviceRequestIds) {
    if (decisionIds.isEmpty() && adviceRequestIds.isEmpty()) {
      return true;
    }
    BatonUser them;
    try {
      them = (BatonUser) accounts.loadUserByUsername(person.email());
    } catch (UsernameNotFoundException e) {
      return false;
    }
    return decisionIds.stream().allMatch(id -> maySeeDecision(them, id))
        && adviceRequestIds.stream().allMatch(id -> maySeeAdviceRequest(them, id));
  }

  /** What decides who may see a review: its author, whether it is published, what it names. */
  record Reach(
      long authorId, boolean published, List<Long> decisionIds, List<Long> adviceRequestIds) {}

  boolean maySee(BatonUser actor, LearningReview review) {
    return maySee(actor, review.reach());
  }

  boolean maySee(BatonUser actor, Reach review) {
    if (actor.isPerson(review.authorId())) {
      return true;
    }
    return review.published()
        && review.decisionIds().stream().allMatch(id -> maySeeDecision(actor, id))
        && review.adviceRequestIds().stream().allMatch(id -> maySeeAdviceRequest(actor, id));
  }

  /**
   * Whether every member may see this published review: it names no confidential decision and no
   * restricted advice request. What may be told to those outside (webhooks) without asking who.
   */
  boolean openToEveryMember(LearningReview review) {
    return review.published()
        && review.decisionIds().stream().noneMatch(decisions::isConfidential)
        && review.adviceRequestIds().stream()
            .allMatch(id -> advice.find(id).map(r -> !r.restricted()).orElse(false));
  }

  boolean maySeeDecision(BatonUser actor, long decisionId) {
    return decision(actor, decisionId).isPresent();
  }

  java.util.Optional<org.baton.decisions.Decision> decision(BatonUser actor, long decisionId) {
    try {
      return java.util.Optional.of(decisions.find(actor, decisionId));
    } catch (NotFoundException | AccessDeniedException e) {
      return java.util.Optional.empty();
    }
  }

  boolean maySeeAdviceRequest(BatonUser actor, long requestId) {
    return advice.maySee(actor, requestId);
  }

  /** The acting person; operator accounts (admin) read but do not write learnings. */
  static long person(BatonUser actor, String field) {
    return actor.requirePerson(field, "people write learnings.");
  }

  void requireAuthor(BatonUser actor, LearningReview review) {
    if (actor.personId() == null || actor.personId() != review.authorId()) {
      throw new AccessDeniedException("Only the author publishes a review.");
    }
  }

  void requireOwner(BatonUser actor, LearningReview.Action action) {
    if (actor.personId() == null || actor.personId() != action.ownerId()) {
      throw new AccessDeniedException("Only the action's owner marks it done.");
    }
  }
}
