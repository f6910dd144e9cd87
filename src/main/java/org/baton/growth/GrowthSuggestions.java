package org.baton.growth;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.CheckResult;
import org.baton.authority.DecisionType;
import org.baton.authority.LimitRaises;
import org.baton.authority.PolicyPreview;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.baton.platform.NotFoundException;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggestions to raise a limit: made when a record earns one ({@link TrackRecords}), answered by
 * the owner of the rule that limits the person. Approving raises the limit ({@link LimitRaises});
 * declining records a reason the person reads; deferring keeps it waiting until a date.
 */
@Service
public class GrowthSuggestions {

  /**
   * A suggestion as its owner reads it before answering.
   *
   * @param ownLimit what the owner may decide herself: the most she can raise to
   * @param preview what the proposed raise would have changed over the last months
   */
  public record SuggestionView(
      GrowthSuggestion suggestion,
      boolean mayAnswer,
      @Schema(nullable = true) Money ownLimit,
      @Schema(nullable = true) PolicyPreview.Impact preview) {}

  static final int PREVIEW_MONTHS = 6;
  static final int MAX_DEFER_DAYS = 366;

  private final GrowthStore store;
  private final GrowthPolicy policy;
  private final GrowthPermissions permissions;
  private final LimitRaises raises;
  private final PolicyPreview preview;
  private final AuthorityAdministration authority;
  private final Directory directory;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  GrowthSuggestions(
      GrowthStore store,
      GrowthPolicy policy,
      GrowthPermissions permissions,
      LimitRaises raises,
      PolicyPreview preview,
      AuthorityAdministration authority,
      Directory directory,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.policy = policy;
    this.permissions = permissions;
    this.raises = raises;
    this.preview = preview;
    this.authority = authority;
    this.directory = directory;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Suggests raising the person's limit to the next step, capped at what the rule's owner may
   * decide herself; nothing when a suggestion already waits, one was declined lately, the rule has
   * no owner (or it is the person), or the owner cannot raise it at all.
   */
  void suggest(
      long personId,
      String decisionType,
      LimitRaises.Standing standing,
      GrowthPolicy.Assessment assessment,
      Optional<GrowthStore.Row> latest) {
    Long owner = standing.ownerPersonId();
    if (owner == null || owner == personId) {
      return;
    }
    if (latest.isPresent()) {
      GrowthStore.Row row = latest.get();
      if (row.status() == GrowthSuggestion.Status.OPEN
          || row.status() == GrowthSuggestion.Status.DEFERRED) {
        return;
      }
      if (row.status() == GrowthSuggestion.Status.DECLINED
          && row.answeredAt() != null
          && row.answeredAt().plus(policy.afterDecline()).isAfter(clock.instant())) {
        return;
      }
    }
    Money own =
        raises.givingStanding(owner, decisionType).map(LimitRaises.Standing::limit).orElse(null);
    if (own == null
        || !own.sameCurrency(standing.limit())
        || own.compareTo(standing.limit()) <= 0) {
      return;
    }
    Money proposed = assessment.proposed().compareTo(own) > 0 ? own : assessment.proposed();
    long id =
        store.insert(
            new GrowthStore.Row(
                0,
                personId,
                decisionType,
                standing.ruleId(),
                standing.ruleVersion(),
                owner,
                standing.limit(),
                proposed,
                assessment.record(),
                GrowthSuggestion.Status.OPEN,
                clock.instant(),
                null,
                null,
                "",
                null,
                null,
                ""));
    if (id > 0) {
      events.publishEvent(
          new GrowthChanged(
              GrowthChanged.Kind.SUGGESTED, id, personId, owner, null, List.of(owner)));
    }
  }

  /** The suggestions waiting for the actor's answer, as the owner of the rules they would raise. */
  public List<GrowthSuggestion> waitingFor(BatonUser actor) {
    if (actor.personId() == null) {
      return List.of();
    }
    return named(store.waitingFor(actor.personId()));
  }

  /** A suggestion, for its owner (with the preview of the raise) or the person it concerns. */
  public SuggestionView view(BatonUser actor, long id) {
    GrowthStore.Row row = visible(actor, id);
    GrowthSuggestion suggestion = named(List.of(row)).get(0);
    boolean mayAnswer =
        permissions.mayAnswer(actor, row)
            && row.status() != GrowthSuggestion.Status.APPROVED
            && row.status() != GrowthSuggestion.Status.DECLINED;
    Money own = null;
    PolicyPreview.Impact impact = null;
    if (mayAnswer) {
      own =
          raises
              .givingStanding(actor.personId(), row.decisionType())
              .map(LimitRaises.Standing::limit)
              .orElse(null);
      try {
        impact =
            preview.previewRaise(
                actor, row.personId(), row.decisionType(), row.proposedLimit(), PREVIEW_MONTHS);
      } catch (AccessDeniedException | InvalidInputException e) {
        // the rule changed since the suggestion: approving will say why it cannot be done
        impact = null;
      }
    }
    return new SuggestionView(suggestion, mayAnswer, own, impact);
  }

  /**
   * Raises the person's limit: to the proposed limit, or the lower or higher one the owner gives
   * (never above what she may decide herself), citing the record as the reason.
   */
  @Transactional
  public GrowthSuggestion approve(BatonUser actor, long id, BigDecimal limit, String note) {
    GrowthStore.Row row = answerable(actor, id);
    // in the suggestion's currency: a raise never changes it
    Money raised =
        limit == null
            ? row.proposedLimit()
            : Money.fromRequest(limit, row.currentLimit().currency(), "limit");
    String text = note == null ? "" : note.strip();
    if (text.length() > 2000) {
      throw new InvalidInputException("note", TextRules.tooLong(TextLimits.REASON));
    }
    String reason =
        "Growth suggestion "
            + row.id()
            + ": "
            + row.record()
            + (text.isEmpty() ? "." : ". " + text);
    CheckResult.RuleRef rule =
        raises.raise(actor, row.personId(), row.decisionType(), raised, reason);
    store.answer(
        id,
        GrowthSuggestion.Status.APPROVED,
        null,
        clock.instant(),
        actor.personId(),
        text,
        rule.id(),
        raised.value());
    tell(GrowthChanged.Kind.APPROVED, row, actor);
    return find(id);
  }

  /** Declines, with a reason the person reads on their record. */
  @Transactional
  public GrowthSuggestion decline(BatonUser actor, long id, String reason) {
    GrowthStore.Row row = answerable(actor, id);
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("reason", "Say why: the person reads it with their record.");
    }
    if (text.length() > 2000) {
      throw new InvalidInputException("reason", TextRules.tooLong(TextLimits.REASON));
    }
    store.answer(
        id,
        GrowthSuggestion.Status.DECLINED,
        null,
        clock.instant(),
        actor.personId(),
        text,
        null,
        null);
    tell(GrowthChanged.Kind.DECLINED, row, actor);
    return find(id);
  }

  /** Defers to a date: it waits, set aside, until then. */
  @Transactional
  public GrowthSuggestion defer(BatonUser actor, long id, LocalDate until, String note) {
    GrowthStore.Row row = answerable(actor, id);
    List<FieldProblem> problems = new ArrayList<>();
    LocalDate today = clock.instant().atOffset(ZoneOffset.UTC).toLocalDate();
    if (until == null) {
      problems.add(new FieldProblem("until", "Give the date to come back to it."));
    } else if (!until.isAfter(today)) {
      problems.add(new FieldProblem("until", "Choose a day after today."));
    } else if (until.isAfter(today.plusDays(MAX_DEFER_DAYS))) {
      problems.add(new FieldProblem("until", "Defer by a year at most."));
    }
    String text = note == null ? "" : note.strip();
    if (text.length() > 2000) {
      problems.add(new FieldProblem("note", TextRules.tooLong(TextLimits.REASON)));
    }
    InvalidInputException.throwIfAny(problems);
    store.answer(
        id,
        GrowthSuggestion.Status.DEFERRED,
        until,
        clock.instant(),
        actor.personId(),
        text,
        null,
        null);
    tell(GrowthChanged.Kind.DEFERRED, row, actor);
    return find(id);
  }

  private void tell(GrowthChanged.Kind kind, GrowthStore.Row row, BatonUser actor) {
    events.publishEvent(
        new GrowthChanged(
            kind,
            row.id(),
            row.personId(),
            row.ownerPersonId(),
            actor.personId(),
            List.of(row.personId())));
  }

  /** The suggestion, locked, if the actor owns it and it still waits for an answer. */
  private GrowthStore.Row answerable(BatonUser actor, long id) {
    GrowthStore.Row row = store.lockSuggestion(id).orElseThrow(() -> missing(id));
    if (!permissions.maySee(actor, row)) {
      throw missing(id);
    }
    permissions.requireAnswer(actor, row);
    if (row.status() != GrowthSuggestion.Status.OPEN
        && row.status() != GrowthSuggestion.Status.DEFERRED) {
      throw new InvalidInputException(
          "status", "This suggestion was already " + row.status().name().toLowerCase() + ".");
    }
    return row;
  }

  private GrowthStore.Row visible(BatonUser actor, long id) {
    GrowthStore.Row row = store.suggestion(id).orElseThrow(() -> missing(id));
    if (!permissions.maySee(actor, row)) {
      throw missing(id);
    }
    return row;
  }

  private GrowthSuggestion find(long id) {
    return named(List.of(store.suggestion(id).orElseThrow(() -> missing(id)))).get(0);
  }

  private static NotFoundException missing(long id) {
    return new NotFoundException("No growth suggestion " + id + ".");
  }

  private List<GrowthSuggestion> named(List<GrowthStore.Row> rows) {
    List<Long> people = new ArrayList<>();
    rows.forEach(r -> people.addAll(List.of(r.personId(), r.ownerPersonId())));
    Map<Long, String> names = new HashMap<>(directory.names(people));
    Map<String, DecisionType> types = new HashMap<>();
    authority.types().forEach(type -> types.put(type.code(), type));
    return rows.stream().map(r -> named(r, names, types.get(r.decisionType()))).toList();
  }

  GrowthSuggestion named(GrowthStore.Row row, Map<Long, String> names, DecisionType type) {
    return new GrowthSuggestion(
        row.id(),
        new GrowthSuggestion.PersonName(row.personId(), names.getOrDefault(row.personId(), "?")),
        row.decisionType(),
        type == null ? row.decisionType() : type.name(),
        row.ruleId(),
        row.ruleVersion(),
        new GrowthSuggestion.PersonName(
            row.ownerPersonId(), names.getOrDefault(row.ownerPersonId(), "?")),
        row.currentLimit(),
        row.proposedLimit(),
        row.record(),
        row.status(),
        row.createdAt(),
        row.deferredUntil(),
        row.answeredAt(),
        row.answer(),
        row.raisedRuleId(),
        row.raisedLimit(),
        row.deferralNote());
  }
}
