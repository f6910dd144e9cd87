package org.baton.initiatives;

import java.util.List;
import org.baton.directory.Directory;
import org.baton.directory.Organisation;
import org.baton.identity.BatonUser;
import org.baton.strategy.WorkServingPriorities;
import org.springframework.stereotype.Component;

/** The initiatives that name a priority, for its page; initiatives are open to every member. */
@Component
class InitiativesServingPriorities implements WorkServingPriorities {

  private final InitiativeRepository repository;
  private final Directory directory;

  InitiativesServingPriorities(InitiativeRepository repository, Directory directory) {
    this.repository = repository;
    this.directory = directory;
  }

  @Override
  public List<Work> serving(BatonUser viewer, long priorityId) {
    Organisation organisation = directory.organisation();
    return repository.servingPriority(priorityId).stream()
        .map(
            i ->
                new Work(
                    "Initiative",
                    i.title(),
                    "/initiatives/" + i.id(),
                    organisation.teamsLedBy(i.leaderId()).isEmpty(),
                    i.createdAt()))
        .toList();
  }
}
