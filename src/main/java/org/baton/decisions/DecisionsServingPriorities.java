package org.baton.decisions;

import java.util.List;
import org.baton.directory.Directory;
import org.baton.directory.Organisation;
import org.baton.identity.BatonUser;
import org.baton.strategy.WorkServingPriorities;
import org.springframework.stereotype.Component;

/**
 * The standing decisions that name a priority, for its page: only those the viewer may see (a
 * confidential decision is left out for everyone else, so the page's counts do not reveal it).
 */
@Component
class DecisionsServingPriorities implements WorkServingPriorities {

  private final DecisionRepository repository;
  private final Directory directory;

  DecisionsServingPriorities(DecisionRepository repository, Directory directory) {
    this.repository = repository;
    this.directory = directory;
  }

  @Override
  public List<Work> serving(BatonUser viewer, long priorityId) {
    Organisation organisation = directory.organisation();
    return repository.servingPriority(priorityId, DecisionRecord.viewer(viewer)).stream()
        .map(
            d ->
                new Work(
                    "Decision",
                    d.title(),
                    "/decisions/" + d.id(),
                    d.deciderPersonId() != null
                        && organisation.teamsLedBy(d.deciderPersonId()).isEmpty(),
                    d.decidedAt()))
        .toList();
  }
}
