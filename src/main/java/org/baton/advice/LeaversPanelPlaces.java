package org.baton.advice;

import org.baton.directory.PersonDeactivated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** When someone leaves, their open places on advice panels go back to the askers. */
@Component
class LeaversPanelPlaces {

  private final PanelVacancies vacancies;

  LeaversPanelPlaces(PanelVacancies vacancies) {
    this.vacancies = vacancies;
  }

  @ApplicationModuleListener
  void on(PersonDeactivated event) {
    vacancies.offerPlacesOf(event.personId());
  }
}
