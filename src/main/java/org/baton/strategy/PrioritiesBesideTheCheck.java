package org.baton.strategy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baton.authority.AnswerAside;
import org.baton.authority.CheckResult;
import org.baton.identity.BatonUser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What matters now for a kind of decision, beside a check's answer: the current priorities related
 * to it, and, for someone who may decide, the choice of the priority their decision serves (related
 * ones first) for the decision form on the same page.
 */
@Component
@Order(2)
class PrioritiesBesideTheCheck implements AnswerAside {

  private final Strategy strategy;

  PrioritiesBesideTheCheck(Strategy strategy) {
    this.strategy = strategy;
  }

  @Override
  public String template() {
    return "strategy/priorities-for";
  }

  @Override
  public String fragment() {
    return "priorities";
  }

  @Override
  public void addTo(BatonUser reader, CheckResult result, Map<String, Object> model) {
    addTo(result.decisionType().code(), result.mayDecide(), model);
  }

  /** The priorities related to the kind of decision and, for a decider, every one to choose. */
  void addTo(String type, boolean decides, Map<String, Object> model) {
    List<Direction.Priority> related = strategy.prioritiesFor(type);
    model.put("priorities", related);
    List<Direction.Priority> choices = new ArrayList<>();
    if (decides) {
      choices.addAll(related);
      strategy.currentPriorities().stream().filter(p -> !related.contains(p)).forEach(choices::add);
    }
    model.put("choices", choices);
  }
}
