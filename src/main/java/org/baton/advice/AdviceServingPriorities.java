package org.baton.advice;

import java.util.List;
import org.baton.directory.Directory;
import org.baton.directory.Organisation;
import org.baton.identity.BatonUser;
import org.baton.strategy.WorkServingPriorities;
import org.springframework.stereotype.Component;

/**
 * The advice requests that name a priority, for its page: a restricted one only for its asker, its
 * panel and admins, as everywhere else ({@link AdvicePermissions#maySee}).
 */
@Component
class AdviceServingPriorities implements WorkServingPriorities {

  private final AdviceStore advice;
  private final Directory directory;

  AdviceServingPriorities(AdviceStore advice, Directory directory) {
    this.advice = advice;
    this.directory = directory;
  }

  @Override
  public List<Work> serving(BatonUser viewer, long priorityId) {
    Organisation organisation = directory.organisation();
    return advice.servingPriority(priorityId).stream()
        .filter(r -> AdvicePermissions.maySee(viewer, r))
        .map(
            r ->
                new Work(
                    "Advice request",
                    firstLine(r.question()),
                    "/advice/" + r.id(),
                    organisation.teamsLedBy(r.askerId()).isEmpty(),
                    r.createdAt()))
        .toList();
  }

  private static String firstLine(String question) {
    String line = question.strip().lines().findFirst().orElse("");
    return line.length() > 120 ? line.substring(0, 119) + "…" : line;
  }
}
