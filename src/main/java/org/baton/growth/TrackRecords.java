package org.baton.growth;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.baton.advice.AdviceReadings;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.DecisionType;
import org.baton.authority.LimitRaises;
import org.baton.decisions.DecisionRecord;
import org.baton.decisions.HolderRequestChanged;
import org.baton.decisions.HolderRequests;
import org.baton.decisions.RecordFollowers;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.learning.LearningReviews;
import org.baton.platform.Money;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Track records: kept from the decision record as it is written ({@link TrackRecordFollower}: day
 * buckets per person and decision type), read over the policy's window, and assessed against the
 * {@link GrowthPolicy} ({@link RecordAssessments}). A record is never a ranking: it is read one
 * person at a time, by those {@link GrowthPermissions} allows.
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
  private final RecordAssessments assessments;
  private final RecordFollowers followers;
  private final TrackRecordFollower follower;

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
      RecordAssessments assessments,
      RecordFollowers followers,
      TrackRecordFollower follower) {
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
    this.assessments = assessments;
    this.followers = followers;
    this.follower = follower;
  }

  // --- following the decision record

  /** Follows the decision record until the records have caught up (the scheduler does so too). */
  public void follow() {
    followers.follow(follower);
  }

  /**
   * Rebuilds every record from the whole decision record (after tuning the policy; also the
   * benchmark of a full recomputation), then assesses every record with enough decisions. Returns
   * how many entries were read.
   */
  public long rebuild() {
    return followers.rebuild(follower);
  }

  /** A holder approved a request: the requester's record may now have earned a raise. */
  @ApplicationModuleListener
  void on(HolderRequestChanged event) {
    if (event.kind() == HolderRequestChanged.Kind.APPROVED) {
      requests
          .find(event.requestId())
          .ifPresent(r -> assessments.considerSafely(r.requesterPersonId(), r.decisionType()));
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
    LocalDate window = assessments.windowStart();
    Instant windowStart = RecordAssessments.startOf(window);
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
    GrowthPermissions.requireSeeTrackRecord(self, leader, ownsAny);
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
    LocalDate since = assessments.since(latest);
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
          && !request.createdAt().isBefore(RecordAssessments.startOf(since))
          && assessments.isApprovedJustAbove(request, limit)) {
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
}
