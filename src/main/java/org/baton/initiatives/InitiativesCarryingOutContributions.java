package org.baton.initiatives;

import java.util.List;
import org.baton.strategy.WorkCarryingOutContributions;
import org.springframework.stereotype.Component;

/** The initiatives that carry out an adopted contribution; initiatives are open to every member. */
@Component
class InitiativesCarryingOutContributions implements WorkCarryingOutContributions {

  private final InitiativeRepository repository;

  InitiativesCarryingOutContributions(InitiativeRepository repository) {
    this.repository = repository;
  }

  @Override
  public List<Carrying> carryingOut(long contributionId) {
    return repository.carryingOut(contributionId).stream()
        .map(
            i ->
                new Carrying("Initiative", i.title(), "/initiatives/" + i.id(), i.status().label()))
        .toList();
  }
}
