package org.baton.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.baton.advice.AdviceChanged;
import org.baton.advice.AdviceReadings;
import org.baton.advice.AdviceRequest;
import org.baton.decisions.HolderRequest;
import org.baton.decisions.HolderRequestChanged;
import org.baton.decisions.HolderRequests;
import org.baton.directory.Directory;
import org.baton.initiatives.Initiative;
import org.baton.initiatives.InitiativeChanged;
import org.baton.initiatives.InitiativeStatus;
import org.baton.initiatives.Initiatives;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps what "how fast" and "who leads" need as the events arrive: one row per thing measured (its
 * start and end read from the module that owns it), whoever took the lead of an initiative in a
 * month, and each hand-over. Every row has a natural key, so an event delivered twice changes
 * nothing. Restricted advice requests and confidential holder requests are not measured at all, so
 * that no number reveals one.
 */
@Component
class EventMeasures {

  /** The measures of how fast, by the names kept in {@code insights_duration}. */
  enum Measure {
    /** An initiative from spotted (started) to its first status at or past Decided. */
    INITIATIVE_DECIDED("initiative.decided"),
    /** An advice request from asked to its first advice. */
    ADVICE_FIRST("advice.first-advice"),
    /** An advice request from asked to closed (the asker decided). */
    ADVICE_CLOSED("advice.closed"),
    /** A request to a holder from asked to approved or declined. */
    HOLDER_ANSWERED("holder-request.answered");

    final String code;

    Measure(String code) {
      this.code = code;
    }
  }

  private static final Set<InitiativeStatus> DECIDED =
      Set.of(InitiativeStatus.DECIDED, InitiativeStatus.IN_PROGRESS, InitiativeStatus.DONE);

  private final KeptFiguresStore store;
  private final Directory directory;
  private final Initiatives initiatives;
  private final AdviceReadings advice;
  private final HolderRequests holderRequests;
  private final PastMonthDurationsStore pastMonths;

  EventMeasures(
      KeptFiguresStore store,
      Directory directory,
      Initiatives initiatives,
      AdviceReadings advice,
      HolderRequests holderRequests,
      PastMonthDurationsStore pastMonths) {
    this.pastMonths = pastMonths;
    this.store = store;
    this.directory = directory;
    this.initiatives = initiatives;
    this.advice = advice;
    this.holderRequests = holderRequests;
  }

  @ApplicationModuleListener
  void on(InitiativeChanged event) {
    if (event.at() == null) {
      return; // kept from before events said when
    }
    switch (event.kind()) {
      case STARTED -> {
        lead(event.initiativeId(), event.actorPersonId(), event.at());
        Initiative initiative = initiatives.find(event.initiativeId());
        if (initiative.priorityId() != null) {
          store.priorityWork(
              KeptFiguresStore.PriorityWork.INITIATIVE,
              initiative.id(),
              initiative.priorityId(),
              LocalDate.ofInstant(event.at(), ZoneOffset.UTC),
              team(initiative.createdBy()),
              initiative.decisionType());
        }
      }
      case HANDED_OVER -> handOver(event.initiativeId(), event.otherPersonId(), event.at());
      case PICKED_UP -> handOver(event.initiativeId(), event.actorPersonId(), event.at());
      case STATUS_CHANGED -> {
        if (DECIDED.contains(event.status())) {
          Initiative initiative = initiatives.find(event.initiativeId());
          measure(
              Measure.INITIATIVE_DECIDED,
              initiative.id(),
              initiative.createdBy(),
              initiative.decisionType(),
              initiative.createdAt(),
              event.at());
        }
      }
      default -> {
        // comments, supporters and offers of help are not measured
      }
    }
  }

  @ApplicationModuleListener
  void on(AdviceChanged event) {
    if (event.kind() != AdviceChanged.Kind.ADVISED && event.kind() != AdviceChanged.Kind.CLOSED) {
      return;
    }
    AdviceRequest request = advice.find(event.requestId()).orElse(null);
    if (request == null || request.restricted()) {
      return;
    }
    if (request.firstAdviceAt() != null) {
      measure(
          Measure.ADVICE_FIRST,
          request.id(),
          request.askerId(),
          request.decisionType(),
          request.createdAt(),
          request.firstAdviceAt());
    }
    if (request.closedAt() != null) {
      measure(
          Measure.ADVICE_CLOSED,
          request.id(),
          request.askerId(),
          request.decisionType(),
          request.createdAt(),
          request.closedAt());
    }
  }

  @ApplicationModuleListener
  void on(HolderRequestChanged event) {
    if (event.kind() == HolderRequestChanged.Kind.ASKED || event.confidential()) {
      return;
    }
    HolderRequest request = holderRequests.find(event.requestId()).orElse(null);
    if (request == null || request.answeredAt() == null) {
      return;
    }
    measure(
        Measure.HOLDER_ANSWERED,
        request.id(),
        request.requesterPersonId(),
        request.decisionType(),
        request.createdAt(),
        request.answeredAt());
  }

  private void measure(
      Measure measure, long itemId, long personId, String type, Instant start, Instant end) {
    boolean measured =
        store.duration(
            measure.code,
            itemId,
            team(personId),
            type,
            end,
            Math.max(0, Duration.between(start, end).getSeconds()));
    if (measured) {
      pastMonths.forget(measure.code, end);
    }
  }

  private void handOver(long initiativeId, Long toPersonId, Instant at) {
    if (toPersonId == null) {
      return;
    }
    store.handOver(initiativeId, at, team(toPersonId));
    lead(initiativeId, toPersonId, at);
  }

  private void lead(long initiativeId, long personId, Instant at) {
    LocalDate month = LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1);
    store.lead(month, team(personId), personId, initiativeId);
  }

  private long team(long personId) {
    return DecisionsByPlace.teamOf(personId, directory.organisation());
  }
}
