package org.baton.advice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.initiatives.Initiatives;
import org.baton.platform.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The places people who left open on panels: each gets a proposed replacement, and the asker fills
 * it with one tap.
 */
@Component
class PanelVacancies {

  private final AdviceStore store;
  private final OpenAsksStore openAsks;
  private final AdviceAccess access;
  private final Directory directory;
  private final Initiatives initiatives;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  PanelVacancies(
      AdviceStore store,
      OpenAsksStore openAsks,
      AdviceAccess access,
      Directory directory,
      Initiatives initiatives,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.openAsks = openAsks;
    this.access = access;
    this.directory = directory;
    this.initiatives = initiatives;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Someone left: each open request on whose panel they had not yet advised gets a vacancy, with a
   * replacement proposed as for a new panel (same perspective, least busy, nearest the asker), and
   * the asker is told.
   */
  @Transactional
  void offerPlacesOf(long leftPersonId) {
    Map<Long, Integer> load = openAsks.all();
    for (long requestId : store.openPlacesLeftBy(leftPersonId)) {
      AdviceRequest request = store.find(requestId).orElseThrow();
      AdviceRequest.PanelMember place =
          request.panel().stream()
              .filter(m -> m.personId() == leftPersonId)
              .findFirst()
              .orElseThrow();
      List<Long> teams =
          request.initiativeId() == null
              ? List.of()
              : initiatives.find(request.initiativeId()).teamIds();
      Long proposed =
          PanelProposal.propose(
                  directory.organisation(),
                  request.askerId(),
                  perspectivesOfPlace(place),
                  teams,
                  load)
              .stream()
              .map(PanelProposal.Member::personId)
              .filter(p -> !request.onPanel(p) && p != request.askerId())
              .findFirst()
              .orElse(null);
      store.addVacancy(requestId, leftPersonId, place.perspective(), proposed, clock.instant());
      events.publishEvent(
          new AdviceChanged(
              requestId,
              AdviceChanged.Kind.ADVISER_LEFT,
              leftPersonId,
              null,
              List.of(request.askerId()),
              List.of()));
    }
  }

  /**
   * The perspective the place was for; for someone the asker chose by name, the perspectives they
   * had.
   */
  private List<String> perspectivesOfPlace(AdviceRequest.PanelMember place) {
    if (place.perspective() != null) {
      return List.of(place.perspective());
    }
    return directory.findPerson(place.personId()).map(Person::perspectiveCodes).orElse(List.of());
  }

  /** The asker fills a vacancy with one tap: the proposed replacement joins the panel. */
  @Transactional
  AdviceRequest fillVacancy(BatonUser actor, long requestId, Long leftPersonId) {
    long asker = access.person(actor);
    AdviceRequest request = access.visible(actor, requestId);
    access.asker(actor, request, "Only the asker changes the panel.");
    if (!request.open()) {
      throw new InvalidInputException("request", "This request is closed already.");
    }
    AdviceService.Vacancy vacancy =
        vacancies(requestId).stream()
            .filter(v -> leftPersonId != null && v.leftPersonId() == leftPersonId)
            .filter(v -> v.proposedPersonId() != null)
            .findFirst()
            .orElseThrow(
                () -> new InvalidInputException("person", "There is no place to fill for them."));
    AdviceRequest.PanelMember member =
        new AdviceRequest.PanelMember(
            vacancy.proposedPersonId(),
            vacancy.perspective(),
            "In place of " + vacancy.leftName() + ", who has left");
    if (store.place(requestId, member)) {
      openAsks.placed(List.of(vacancy.proposedPersonId()));
    }
    store.vacancyFilled(requestId, vacancy.leftPersonId(), clock.instant());
    AdviceRequest updated = store.find(requestId).orElseThrow();
    events.publishEvent(
        new AdviceChanged(
            requestId,
            AdviceChanged.Kind.ASKED,
            asker,
            null,
            access.audience(updated),
            List.of(vacancy.proposedPersonId())));
    return updated;
  }

  /** The request's open vacancies, with names. */
  List<AdviceService.Vacancy> vacancies(long requestId) {
    List<AdviceStore.VacancyRow> rows = store.vacancies(requestId);
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> people = new ArrayList<>();
    rows.forEach(
        r -> {
          people.add(r.leftPersonId());
          if (r.proposedPersonId() != null) {
            people.add(r.proposedPersonId());
          }
        });
    Map<Long, String> names = directory.names(people);
    return rows.stream()
        .map(
            r ->
                new AdviceService.Vacancy(
                    r.leftPersonId(),
                    names.get(r.leftPersonId()),
                    r.perspective(),
                    r.proposedPersonId(),
                    r.proposedPersonId() == null ? null : names.get(r.proposedPersonId())))
        .toList();
  }
}
