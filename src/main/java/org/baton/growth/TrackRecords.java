package org.baton.growth;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.baton.advice.AdviceReadings;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.DecisionType;
import org.baton.authority.LimitRaises;
import org.baton.decisions.Decision;
import org.baton.decisions.DecisionRecord;
import org.baton.decisions.HolderRequestChanged;
import org.baton.decisions.HolderRequests;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.learning.LearningReviews;
import org.baton.platform.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Track records: followed from the decision record as it is written (day buckets per person and
 * decision type, moved in the same transaction as the cursor), read over the policy's window, and
 * assessed against the {@link GrowthPolicy}. A record is never a ranking: it is read one person at
 * a time, by those {@link GrowthPermissions} allows.
 */
@Service
public class TrackRecords {

  /**
   * One decision type of a person's record, over the window.
   *
   * @param since the first day counted (later than the window's start after a raise: the raised
   *     limit starts a new record)
   * @param averageSharePercent the average share of the limit their decisions used
   * @param requestsJustAbove approved requests for just above today's limit
   * @param limit today's limit for this type, from {@code limitingRule}; null when no rule with a
   *     limit gives them this type
   * @param nextStep what the record still needs for a suggestion; null once earned or without a
   *     limit
   * @param suggestion the latest suggestion about this type, if any
   */
  public record TypeRecord(
      String decisionType,
      String decisionTypeName,
      LocalDate since,
      int decisions,
      int nearLimit,
      @Schema(nullable = true) Integer averageSharePercent,
      int reversed,
      int superseded,
      int adviceSought,
      int reviewsOfOwnDecisions,
      int requestsSent,
      int requestsApproved,
      int requestsDeclined,
      int requestsJustAbove,
      @Schema(nullable = true) Money limit,
      @Schema(nullable = true) String limitingRule,
      @Schema(nullable = true) Long limitingRuleId,
      @Schema(nullable = true) String limitingRuleOwner,
      boolean earned,
      String record,
      @Schema(nullable = true) String nextStep,
      @Schema(nullable = true) GrowthSuggestion suggestion) {}

  /**
   * A person's record, per decision type they were active in during the window.
   *
   * @param partial whether some types are left out because the reader may not see them
   */
  public record TrackRecord(
      GrowthSuggestion.PersonName person,
      int months,
      LocalDate since,
      List<TypeRecord> types,
      boolean partial) {}

  private static final Logger log = LoggerFactory.getLogger(TrackRecords.class);
  private static final int ENTRIES_PER_ROUND = 1_000;

  private final GrowthStore store;
  private final GrowthPolicy policy;
  private final DecisionRecord decisions;
  private final HolderRequests requests;
  private final AdviceReadings advice;
  private final LearningReviews reviews;
  private final LimitRaises raises;
  private final AuthorityAdministration authority;
  private final Directory directory;
  private final GrowthPermissions permissions;
  private final GrowthSuggestions suggestions;
  private final TransactionTemplate transactions;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  TrackRecords(
      GrowthStore store,
      GrowthPolicy policy,
      DecisionRecord decisions,
      HolderRequests requests,
      AdviceReadings advice,
      LearningReviews reviews,
      LimitRaises raises,
      AuthorityAdministration authority,
      Directory directory,
      GrowthPermissions permissions,
      GrowthSuggestions suggestions,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.store = store;
    this.policy = policy;
    this.decisions = decisions;
    this.requests = requests;
    this.advice = advice;
    this.reviews = reviews;
    this.raises = raises;
    this.authority = authority;
    this.directory = directory;
    this.permissions = permissions;
    this.suggestions = suggestions;
    this.transactions = new TransactionTemplate(transactionManager);
    this.ownTransaction = new TransactionTemplate(transactionManager);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  // --- following the decision record

  /**
   * Counts the entries recorded since the cursor into the records, moves the cursor in the same
   * transaction (one server at a time: the cursor's row lock), and assesses the records the new
   * decisions touched. A tuned near-limit share rebuilds every record first.
   */
  @Scheduled(
      fixedDelayString = "${baton.growth.poll:PT1S}",
      initialDelayString = "${baton.growth.poll:PT1S}")
  public void follow() {
    // rounds of their own transaction until caught up (after a pause or a restart)
    while (followOneRound()) {
      // next round
    }
  }

  /** One round of at most {@link #ENTRIES_PER_ROUND} entries; whether it was a full one. */
  private boolean followOneRound() {
    boolean[] full = {false};
    List<GrowthStore.Key> touched =
        transactions.execute(
            status -> {
              GrowthStore.Cursor cursor = store.lockCursor();
              if (cursor.nearLimit().compareTo(policy.nearLimit()) != 0) {
                log.info("The growth policy's near-limit share changed: rebuilding track records.");
                rebuildLocked();
                return List.of();
              }
              List<DecisionRecord.Outcome> outcomes =
                  decisions.outcomesAfter(cursor.lastSeq(), ENTRIES_PER_ROUND);
              if (outcomes.isEmpty()) {
                return List.of();
              }
              Map<GrowthStore.Key, GrowthStore.Tally> tallies = new HashMap<>();
              LimitRaises.Limits limits = raises.limits();
              Set<GrowthStore.Key> deciders = new LinkedHashSet<>();
              for (DecisionRecord.Outcome outcome : outcomes) {
                count(outcome, limits, tallies);
                if (outcome.kind() != Decision.Kind.REVERSAL && outcome.deciderPersonId() != null) {
                  deciders.add(
                      new GrowthStore.Key(outcome.deciderPersonId(), outcome.decisionType(), null));
                }
              }
              store.add(tallies);
              store.moveCursor(outcomes.get(outcomes.size() - 1).seq(), policy.nearLimit());
              full[0] = outcomes.size() == ENTRIES_PER_ROUND;
              return List.copyOf(deciders);
            });
    for (GrowthStore.Key key : touched) {
      considerSafely(key.personId(), key.decisionType());
    }
    return full[0];
  }

  /**
   * Rebuilds every record from the whole decision record, in one transaction with the cursor (after
   * tuning the policy; also the benchmark of a full recomputation), then assesses every record with
   * enough decisions. Returns how many entries were read.
   */
  public long rebuild() {
    Rebuilt rebuilt =
        transactions.execute(
            status -> {
              store.lockCursor();
              return rebuildLocked();
            });
    // the records with enough decisions in the window, from the counts still at hand
    LocalDate since = windowStart();
    Map<GrowthStore.Key, Integer> recent = new HashMap<>();
    rebuilt
        .tallies()
        .forEach(
            (key, tally) -> {
              if (!key.day().isBefore(since)) {
                recent.merge(
                    new GrowthStore.Key(key.personId(), key.decisionType(), null),
                    tally.decisions,
                    Integer::sum);
              }
            });
    recent.forEach(
        (key, decisions) -> {
          if (decisions >= policy.decisions()) {
            considerSafely(key.personId(), key.decisionType());
          }
        });
    return rebuilt.entries();
  }

  /** What a rebuild read and the day buckets it wrote. */
  private record Rebuilt(long entries, Map<GrowthStore.Key, GrowthStore.Tally> tallies) {}

  private Rebuilt rebuildLocked() {
    long started = System.nanoTime();
    LimitRaises.Limits limits = raises.limits();
    Map<GrowthStore.Key, GrowthStore.Tally> tallies = new HashMap<>();
    long[] last = {0, 0};
    decisions.forEachOutcome(
        outcome -> {
          count(outcome, limits, tallies);
          last[0] = outcome.seq();
          last[1]++;
        });
    long read = System.nanoTime();
    store.replaceAll(tallies);
    store.moveCursor(last[0], policy.nearLimit());
    log.info(
        "Rebuilt {} track-record days from {} entries: read and counted in {} ms, written in {} ms.",
        tallies.size(),
        last[1],
        (read - started) / 1_000_000,
        (System.nanoTime() - read) / 1_000_000);
    return new Rebuilt(last[1], tallies);
  }

  /** What one entry adds: a decision to its decider's day, a reversal to the undone decision's. */
  private void count(
      DecisionRecord.Outcome outcome,
      LimitRaises.Limits limits,
      Map<GrowthStore.Key, GrowthStore.Tally> tallies) {
    if (outcome.kind() != Decision.Kind.REVERSAL && outcome.deciderPersonId() != null) {
      GrowthStore.Tally tally =
          tallies.computeIfAbsent(
              new GrowthStore.Key(
                  outcome.deciderPersonId(), outcome.decisionType(), day(outcome.decidedAt())),
              k -> new GrowthStore.Tally());
      tally.decisions++;
      Money limit =
          limits.limitOf(outcome.limitRuleId(), outcome.limitRuleVersion(), outcome.delegationId());
      if (outcome.amount() != null
          && limit != null
          && limit.currency().equals(outcome.currency())
          && limit.value().signum() > 0) {
        tally.limited++;
        tally.limitShareSum +=
            outcome.amount().divide(limit.value(), MathContext.DECIMAL64).doubleValue();
        if (policy.isNearLimit(outcome.amount(), limit.value())) {
          tally.nearLimit++;
        }
      }
    }
    if (outcome.kind() != Decision.Kind.DECISION
        && outcome.originalDeciderPersonId() != null
        && outcome.originalDecidedAt() != null) {
      GrowthStore.Tally undone =
          tallies.computeIfAbsent(
              new GrowthStore.Key(
                  outcome.originalDeciderPersonId(),
                  outcome.decisionType(),
                  day(outcome.originalDecidedAt())),
              k -> new GrowthStore.Tally());
      if (outcome.kind() == Decision.Kind.REVERSAL) {
        undone.reversed++;
      } else {
        undone.superseded++;
      }
    }
  }

  private void considerSafely(long personId, String decisionType) {
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

  private boolean isApprovedJustAbove(HolderRequests.Sent sent, Money limit) {
    return "APPROVED".equals(sent.status())
        && sent.amount() != null
        && sent.currency() != null
        && policy.isJustAbove(new Money(sent.amount(), sent.currency()), limit);
  }

  /** The window's first day: a raise starts a new record from the day after it was approved. */
  private LocalDate since(Optional<GrowthStore.Row> latest) {
    LocalDate window = windowStart();
    return latest
        .filter(row -> row.status() == GrowthSuggestion.Status.APPROVED && row.answeredAt() != null)
        // the day after: decisions of the approval day were made under the old limit
        .map(row -> day(row.answeredAt()).plusDays(1))
        .filter(approved -> approved.isAfter(window))
        .orElse(window);
  }

  /** A holder approved a request: the requester's record may now have earned a raise. */
  @ApplicationModuleListener
  void on(HolderRequestChanged event) {
    if (event.kind() == HolderRequestChanged.Kind.APPROVED) {
      requests
          .find(event.requestId())
          .ifPresent(r -> considerSafely(r.requesterPersonId(), r.decisionType()));
    }
  }

  // --- reading a record

  /** A person's record as this reader may see it. */
  public TrackRecord of(BatonUser actor, long personId) {
    Person person = directory.person(personId);
    boolean self = permissions.isSelf(actor, personId);
    boolean leader =
        !self
            && actor.personId() != null
            && directory
                .leaderOf(person)
                .map(Person::id)
                .filter(actor.personId()::equals)
                .isPresent();
    LocalDate window = windowStart();
    Instant windowStart = startOf(window);
    Map<String, DecisionType> types = new HashMap<>();
    authority.types().forEach(type -> types.put(type.code(), type));

    Map<String, GrowthStore.Sums> sums = new HashMap<>();
    store.sums(personId, window).forEach(s -> sums.put(s.decisionType(), s));
    Map<String, List<HolderRequests.Sent>> sent = new HashMap<>();
    requests
        .sentBy(personId, windowStart)
        .forEach(r -> sent.computeIfAbsent(r.decisionType(), t -> new ArrayList<>()).add(r));
    Map<String, Integer> sought = advice.soughtBy(personId, windowStart);
    Map<String, Integer> reviewed = new HashMap<>();
    decisions
        .typesOfOwn(personId, reviews.decisionsReviewedBy(personId, windowStart))
        .values()
        .forEach(type -> reviewed.merge(type, 1, Integer::sum));
    Map<String, GrowthStore.Row> latest = store.latestAbout(personId);

    Set<String> active = new TreeSet<>();
    active.addAll(sums.keySet());
    active.addAll(sent.keySet());
    active.addAll(sought.keySet());
    active.addAll(reviewed.keySet());
    active.addAll(latest.keySet());

    List<TypeRecord> rows = new ArrayList<>();
    boolean partial = false;
    boolean ownsAny = false;
    Map<Long, String> names = new HashMap<>();
    for (String code : active) {
      DecisionType type = types.get(code);
      Optional<LimitRaises.Standing> standing = raises.standing(personId, code);
      boolean owner = standing.map(s -> permissions.owns(actor, s)).orElse(false);
      ownsAny |= owner;
      if (!GrowthPermissions.maySeeType(self, leader, owner, type == null || type.confidential())) {
        partial = true;
        continue;
      }
      rows.add(
          typeRecord(
              personId,
              code,
              type,
              window,
              standing,
              sums.get(code),
              sent.getOrDefault(code, List.of()),
              sought.getOrDefault(code, 0),
              reviewed.getOrDefault(code, 0),
              Optional.ofNullable(latest.get(code)),
              names));
    }
    if (!self && !leader && !ownsAny) {
      throw new AccessDeniedException(
          "A track record is seen by the person, their team leader and the owners of the rules that"
              + " limit them.");
    }
    return new TrackRecord(
        new GrowthSuggestion.PersonName(person.id(), person.name()),
        policy.months(),
        window,
        rows,
        partial);
  }

  private TypeRecord typeRecord(
      long personId,
      String code,
      DecisionType type,
      LocalDate window,
      Optional<LimitRaises.Standing> standing,
      GrowthStore.Sums windowSums,
      List<HolderRequests.Sent> sent,
      int sought,
      int reviewed,
      Optional<GrowthStore.Row> latest,
      Map<Long, String> names) {
    LocalDate since = since(latest);
    GrowthStore.Sums sums =
        since.equals(window) || windowSums == null ? windowSums : store.sums(personId, code, since);
    if (sums == null) {
      sums = new GrowthStore.Sums(code, 0, 0, 0, 0, 0, 0);
    }
    Money limit = standing.map(LimitRaises.Standing::limit).orElse(null);
    int justAbove = 0;
    int approved = 0;
    int declined = 0;
    for (HolderRequests.Sent request : sent) {
      approved += "APPROVED".equals(request.status()) ? 1 : 0;
      declined += "DECLINED".equals(request.status()) ? 1 : 0;
      if (limit != null
          && !request.createdAt().isBefore(startOf(since))
          && isApprovedJustAbove(request, limit)) {
        justAbove++;
      }
    }
    GrowthPolicy.Assessment assessment =
        limit == null
            ? null
            : policy.assess(
                new GrowthPolicy.Counts(
                    sums.decisions(),
                    sums.nearLimit(),
                    sums.reversed(),
                    sums.superseded(),
                    justAbove),
                limit);
    Long owner = standing.map(LimitRaises.Standing::ownerPersonId).orElse(null);
    List<Long> toName = new ArrayList<>();
    if (owner != null && !names.containsKey(owner)) {
      toName.add(owner);
    }
    latest.ifPresent(row -> toName.addAll(List.of(row.personId(), row.ownerPersonId())));
    toName.removeIf(names::containsKey);
    if (!toName.isEmpty()) {
      names.putAll(directory.names(toName));
    }
    return new TypeRecord(
        code,
        type == null ? code : type.name(),
        since,
        sums.decisions(),
        sums.nearLimit(),
        sums.averageSharePercent(),
        sums.reversed(),
        sums.superseded(),
        sought,
        reviewed,
        sent.size(),
        approved,
        declined,
        justAbove,
        limit,
        standing.map(LimitRaises.Standing::rule).orElse(null),
        standing.map(LimitRaises.Standing::ruleId).orElse(null),
        owner == null ? null : names.get(owner),
        assessment != null && assessment.earned(),
        assessment == null ? "" : assessment.record(),
        assessment == null ? null : assessment.nextStep(),
        latest.map(row -> suggestions.named(row, names, type)).orElse(null));
  }

  private LocalDate windowStart() {
    return today().minusMonths(policy.months());
  }

  private LocalDate today() {
    return clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static LocalDate day(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private static Instant startOf(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
