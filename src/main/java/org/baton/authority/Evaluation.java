package org.baton.authority;

import java.util.List;
import org.baton.platform.Money;

/**
 * The verdict of the policy for one person and one decision, before names are put to it.
 *
 * @param grant the most favourable grant that covers the decision, or null when outside
 * @param nearestLimit when outside: the highest limit the person holds for this type, or null
 */
public record Evaluation(
    Verdict verdict, Grant grant, Money nearestLimit, List<String> requiredPerspectives) {

  public Evaluation {
    requiredPerspectives = List.copyOf(requiredPerspectives);
  }
}
