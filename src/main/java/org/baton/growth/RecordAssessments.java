package org.baton.growth;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.baton.authority.LimitRaises;
import org.baton.decisions.HolderRequests;
import org.baton.platform.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assessing a track record against the {@link GrowthPolicy}: after the decisions that touched it
 * (the follower), after a rebuild, and after a holder approved a request. A record that has earned
 * a raise gets a suggestion. Also the window a record is read over, which reading shares.
 */
@Component
class RecordAssessments {

  private static final Logger log = LoggerFactory.getLogger(RecordAssessments.class);

  private final GrowthStore store;
  private final GrowthPolicy policy;
  private final HolderRequests requests;
  private final LimitRaises raises;
  private final GrowthSuggestions suggestions;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  RecordAssessments(
      GrowthStore store,
      GrowthPolicy policy,
      HolderRequests requests,
      LimitRaises raises,
      GrowthSuggestions suggestions,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.store = store;
    this.policy = policy;
    this.requests = requests;
    this.raises = raises;
    this.suggestions = suggestions;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /** Assesses one record in its own transaction; a failure is logged, not thrown. */
  void considerSafely(long personId, String decisionType) {
    try {
      // its own transaction: the suggestion and the event that tells its owner commit together
      ownTransaction.executeWithoutResult(status -> consider(personId, decisionType));
    } catch (RuntimeException e) {
      // a record that cannot be assessed now is assessed again with its next decision
      log.warn("Could not assess the record of person {} for {}", personId, decisionType, e);
    }
  }

  /** Assesses one record and, if the policy says it has earned one, suggests a raise. */
  void consider(long personId, String decisionType) {
    Optional<LimitRaises.Standing> standing = raises.standing(personId, decisionType);
    if (standing.isEmpty()) {
      return;
    }
    Optional<GrowthStore.Row> latest = store.latest(personId, decisionType);
    LocalDate since = since(latest);
    GrowthPolicy.Assessment assessment =
        policy.assess(
            counts(personId, decisionType, since, standing.get().limit()), standing.get().limit());
    if (assessment.earned()) {
      suggestions.suggest(personId, decisionType, standing.get(), assessment, latest);
    }
  }

  private GrowthPolicy.Counts counts(
      long personId, String decisionType, LocalDate since, Money limit) {
    GrowthStore.Sums sums = store.sums(personId, decisionType, since);
    int justAbove = 0;
    for (HolderRequests.Sent sent : requests.sentBy(personId, startOf(since))) {
      if (sent.decisionType().equals(decisionType) && isApprovedJustAbove(sent, limit)) {
        justAbove++;
      }
    }
    return new GrowthPolicy.Counts(
        sums.decisions(), sums.nearLimit(), sums.reversed(), sums.superseded(), justAbove);
  }

  boolean isApprovedJustAbove(HolderRequests.Sent sent, Money limit) {
    return "APPROVED".equals(sent.status())
        && sent.amount() != null
        && sent.currency() != null
        && policy.isJustAbove(new Money(sent.amount(), sent.currency()), limit);
  }

  /** The window's first day: a raise starts a new record from the day after it was approved. */
  LocalDate since(Optional<GrowthStore.Row> latest) {
    LocalDate window = windowStart();
    return latest
        .filter(row -> row.status() == GrowthSuggestion.Status.APPROVED && row.answeredAt() != null)
        // the day after: decisions of the approval day were made under the old limit
        .map(row -> day(row.answeredAt()).plusDays(1))
        .filter(approved -> approved.isAfter(window))
        .orElse(window);
  }

  /** The first day of the policy's window, today. */
  LocalDate windowStart() {
    return clock.instant().atOffset(ZoneOffset.UTC).toLocalDate().minusMonths(policy.months());
  }

  static LocalDate day(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  static Instant startOf(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
