package org.baton.notifications;

import java.util.List;
import org.baton.decisions.AdviceDisputed;
import org.baton.decisions.AdviceNamed;
import org.baton.decisions.DecisionRecord;
import org.baton.directory.Directory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Advice named on a decision: each person named as an adviser hears of it at once (advice nobody
 * gave must not stand unnoticed), and the decider hears when one of them disputes it. Durable: a
 * notice not written before a crash is written at the next start.
 */
@Component
class DecisionAdviceNotices {

  private final NotificationCentre centre;
  private final DecisionRecord decisions;
  private final Directory directory;

  DecisionAdviceNotices(NotificationCentre centre, DecisionRecord decisions, Directory directory) {
    this.centre = centre;
    this.decisions = decisions;
    this.directory = directory;
  }

  @ApplicationModuleListener
  void on(AdviceNamed event) {
    String title = decisions.titleOf(event.decisionId()).orElse("a decision");
    String decider =
        directory
            .names(List.of(event.deciderPersonId()))
            .getOrDefault(event.deciderPersonId(), "Someone");
    centre.notifyAll(
        event.adviserIds(),
        NotificationKind.ADVICE_NAMED,
        decider + " says their decision rests on your advice: " + title,
        "/decisions/" + event.decisionId(),
        List.of("If you did not give this advice, say so on the decision's page."));
    centre.pushUnread(event.adviserIds());
  }

  @ApplicationModuleListener
  void on(AdviceDisputed event) {
    String title = decisions.titleOf(event.decisionId()).orElse("your decision");
    String adviser =
        directory
            .names(List.of(event.adviserPersonId()))
            .getOrDefault(event.adviserPersonId(), "Someone");
    centre.notifyAll(
        List.of(event.deciderPersonId()),
        NotificationKind.ADVICE_NAMED,
        adviser + " disputes the advice you named on: " + title,
        "/decisions/" + event.decisionId(),
        List.of());
    centre.pushUnread(List.of(event.deciderPersonId()));
  }
}
