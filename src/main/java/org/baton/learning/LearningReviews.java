package org.baton.learning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.authority.AuthorityAdministration;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.initiatives.Initiatives;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.baton.platform.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing, publishing and following learning reviews. Every read goes through {@link
 * LearningPermissions}; every write is one transaction, checked first, so a refused one saves
 * nothing.
 */
@Service
public class LearningReviews {

  private final ReviewStore store;
  private final LearningMeasuresStore measures;
  private final Directory directory;
  private final Initiatives initiatives;
  private final AuthorityAdministration authority;
  private final LearningPermissions permissions;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  LearningReviews(
      ReviewStore store,
      LearningMeasuresStore measures,
      Directory directory,
      Initiatives initiatives,
      AuthorityAdministration authority,
      LearningPermissions permissions,
      Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.store = store;
    this.measures = measures;
    this.directory = directory;
    this.initiatives = initiatives;
    this.authority = authority;
    this.permissions = permissions;
    this.clock = clock;
  }

  /** A new review, as a draft only its author sees until they publish it. */
  @Transactional
  public LearningReview create(BatonUser actor, ReviewDraft draft) {
    long author = LearningPermissions.person(actor, "author");
    List<ReviewRules.Owner> owners = owners(draft);
    List<FieldProblem> problems = ReviewRules.draft(draft, owners, known(actor, draft));
    InvalidInputException.throwIfAny(problems);
    long id = store.insert(author, draft, directory.organisation().teamPath(author));
    for (int i = 0; i < draft.actions().size(); i++) {
      store.addAction(
          id,
          owners.get(i).person().id(),
          draft.actions().get(i).description().strip(),
          draft.actions().get(i).due());
    }
    return find(actor, id);
  }

  /** The review, if the actor may see it; otherwise it is as good as absent. */
  @Transactional(readOnly = true)
  public LearningReview find(BatonUser actor, long id) {
    return load(List.of(id)).stream()
        .filter(review -> permissions.maySee(actor, review))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No learning review " + id + "."));
  }

  /** The actor's own reviews (drafts too) and the published ones they may see, newest first. */
  @Transactional(readOnly = true)
  public List<LearningReview> list(BatonUser actor) {
    return load(store.publishedOrBy(actor.personId())).stream()
        .filter(review -> permissions.maySee(actor, review))
        .toList();
  }

  @Transactional
  public LearningReview publish(BatonUser actor, long id) {
    LearningReview review = find(actor, id);
    permissions.requireAuthor(actor, review);
    if (review.published()) {
      throw new InvalidInputException("status", "This review is published already.");
    }
    store.publish(id, clock.instant());
    events.publishEvent(
        new LearningChanged(
            LearningChanged.Kind.REVIEW_PUBLISHED,
            LearningKind.REVIEW,
            id,
            null,
            review.authorId(),
            review.actions().stream().map(LearningReview.Action::ownerId).toList()));
    return find(actor, id);
  }

  @Transactional
  public LearningReview markActionDone(BatonUser actor, long reviewId, long actionId, String note) {
    LearningReview review = find(actor, reviewId);
    LearningReview.Action action =
        review.actions().stream()
            .filter(a -> a.id() == actionId)
            .findFirst()
            .orElseThrow(() -> new NotFoundException("No action " + actionId + " on this review."));
    permissions.requireOwner(actor, action);
    List<FieldProblem> problems = ReviewRules.doneNote(note);
    InvalidInputException.throwIfAny(problems);
    if (!store.actionDone(actionId, TextRules.orEmpty(note), clock.instant())) {
      throw new InvalidInputException("action", "This action is done already.");
    }
    return find(actor, reviewId);
  }

  /** Blame hints for text being written, naming the people of the organisation it mentions. */
  public List<LearningReview.Hint> hints(String text) {
    Set<String> words = new java.util.HashSet<>();
    for (String word : text.split("[^\\p{L}']+")) {
      if (word.length() >= 3) {
        words.add(word.toLowerCase(java.util.Locale.ROOT));
      }
    }
    List<String> named =
        directory.organisation().members().stream()
            .map(org.baton.directory.Organisation.Member::name)
            .filter(
                name ->
                    java.util.Arrays.stream(name.split("\\s+"))
                        .anyMatch(part -> words.contains(part.toLowerCase(java.util.Locale.ROOT))))
            .toList();
    return BlameHints.in(text, named).stream()
        .map(h -> new LearningReview.Hint(h.phrase(), h.suggestion()))
        .toList();
  }

  /** The open actions a person owns, the overdue first, with their reviews' titles. */
  @Transactional(readOnly = true)
  public List<OwnedAction> openActionsOf(BatonUser actor) {
    if (actor.personId() == null) {
      return List.of();
    }
    List<Long> reviewIds = store.withOpenActionsOf(actor.personId());
    List<OwnedAction> owned = new ArrayList<>();
    for (LearningReview review : load(reviewIds)) {
      if (!permissions.maySee(actor, review)) {
        continue;
      }
      review.actions().stream()
          .filter(a -> a.ownerId() == actor.personId() && a.doneAt() == null)
          .forEach(a -> owned.add(new OwnedAction(review.id(), review.title(), a)));
    }
    owned.sort(
        java.util.Comparator.comparing((OwnedAction o) -> !o.action().overdue())
            .thenComparing(o -> o.action().due()));
    return owned;
  }

  /** Actions past their due date on the actor's own reviews, so the author can follow them up. */
  @Transactional(readOnly = true)
  public List<OwnedAction> overdueOnReviewsOf(BatonUser actor) {
    if (actor.personId() == null) {
      return List.of();
    }
    List<Long> reviewIds = store.byWithOverdueActions(actor.personId(), today());
    List<OwnedAction> overdue = new ArrayList<>();
    for (LearningReview review : load(reviewIds)) {
      review
          .overdueActions()
          .forEach(a -> overdue.add(new OwnedAction(review.id(), review.title(), a)));
    }
    return overdue;
  }

  /** An action and the review it belongs to. */
  public record OwnedAction(long reviewId, String reviewTitle, LearningReview.Action action) {}

  /** The actor's drafts, newest first. */
  @Transactional(readOnly = true)
  public List<LearningReview> draftsOf(BatonUser actor) {
    if (actor.personId() == null) {
      return List.of();
    }
    return load(store.draftsOf(actor.personId()));
  }

  /** The titles of the decisions a review is about, as the reader may see them. */
  public Map<Long, String> decisionTitles(BatonUser actor, LearningReview review) {
    Map<Long, String> titles = new LinkedHashMap<>();
    for (long id : review.decisionIds()) {
      permissions.decision(actor, id).ifPresent(d -> titles.put(id, d.title()));
    }
    return titles;
  }

  /** Whether any review has been written (the demo writes its own only into an empty library). */
  /**
   * Whether every member may see this review (published, about nothing confidential or restricted);
   * false for one that does not exist.
   */
  public boolean openToEveryMember(long reviewId) {
    return load(List.of(reviewId)).stream().anyMatch(permissions::openToEveryMember);
  }

  /**
   * The decisions that published reviews by this author, published since a moment, are about:
   * whoever owns a record asks which of them were the author's own.
   */
  public List<Long> decisionsReviewedBy(long authorPersonId, Instant since) {
    return measures.decisionsReviewedBy(authorPersonId, since);
  }

  /** Of these decisions, those a published review is about. */
  public Set<Long> reviewed(Collection<Long> decisionIds) {
    return decisionIds.isEmpty() ? Set.of() : measures.reviewed(decisionIds);
  }

  /** How the actions of published reviews due in a period went; see {@link #actionsDue}. */
  public record ActionsDue(long due, long doneOnTime, long doneLate, long overdue) {}

  /**
   * The actions of published reviews due between two days (both included): how many, done by their
   * due date, done later, and still open after it. Only reviews every member may see count, so that
   * no number tells of a review about a confidential decision or a restricted request.
   *
   * @param owners whose actions count, or null for everyone's
   */
  public ActionsDue actionsDue(LocalDate from, LocalDate to, java.util.Collection<Long> owners) {
    Map<Long, long[]> byReview = measures.actionsDue(from, to, today(), owners);
    if (!byReview.isEmpty()) {
      // Reviews about decisions or advice requests are open only as those are: ask for them.
      load(measures.aboutDecisionsOrRequests(byReview.keySet())).stream()
          .filter(review -> !permissions.openToEveryMember(review))
          .forEach(review -> byReview.remove(review.id()));
    }
    long[] sum = new long[4];
    byReview
        .values()
        .forEach(c -> java.util.stream.IntStream.range(0, 4).forEach(i -> sum[i] += c[i]));
    return new ActionsDue(sum[0], sum[1], sum[2], sum[3]);
  }

  public boolean anyWritten() {
    return store.anyWritten();
  }

  /** The contributing factors reviews may name (admins keep the list). */
  public List<String> factorCodes() {
    return store.factorCodes();
  }

  /**
   * Which of these reviews the actor may see, reading only what decides it (the author, whether it
   * is published, the decisions and advice requests it names): for search results and similar
   * learnings, which show a few of many and need none of the rest.
   */
  Set<Long> visibleAmong(BatonUser actor, List<Long> ids) {
    Set<Long> visible = new HashSet<>();
    if (!ids.isEmpty()) {
      store
          .reachOf(ids)
          .forEach(
              (id, reach) -> {
                if (permissions.maySee(actor, reach)) {
                  visible.add(id);
                }
              });
    }
    return visible;
  }

  List<LearningReview> load(List<Long> ids) {
    return ids.isEmpty() ? List.of() : store.load(ids, directory::names, today());
  }

  /**
   * Every problem of a draft at once, without saving: the form asks this too when some of what was
   * typed could not even be read, so that one answer names everything to correct.
   */
  public List<FieldProblem> problems(BatonUser actor, ReviewDraft draft) {
    return ReviewRules.draft(draft, owners(draft), known(actor, draft));
  }

  /** Each action's owner as typed, found in the directory or with why not. */
  private List<ReviewRules.Owner> owners(ReviewDraft draft) {
    List<ReviewRules.Owner> owners = new ArrayList<>();
    for (int i = 0; i < draft.actions().size(); i++) {
      String field = "actions[" + i + "].owner";
      try {
        owners.add(
            new ReviewRules.Owner(
                directory.resolvePerson(draft.actions().get(i).owner(), field), List.of()));
      } catch (InvalidInputException e) {
        owners.add(new ReviewRules.Owner(null, e.problems()));
      }
    }
    return owners;
  }

  /** What a draft is checked against, as the author sees it. */
  private ReviewRules.Known known(BatonUser actor, ReviewDraft draft) {
    Set<String> types = new HashSet<>();
    authority.types().forEach(t -> types.add(t.code()));
    Set<String> perspectives = new HashSet<>();
    directory.perspectives().forEach(p -> perspectives.add(p.code()));
    return new ReviewRules.Known(
        new HashSet<>(factorCodes()),
        types,
        perspectives,
        today(),
        id -> permissions.maySeeDecision(actor, id),
        id -> permissions.maySeeAdviceRequest(actor, id),
        this::initiativeExists,
        owner -> permissions.maySeeAllOf(owner, draft.decisionIds(), draft.adviceRequestIds()));
  }

  private boolean initiativeExists(long id) {
    try {
      initiatives.find(id);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }
}
