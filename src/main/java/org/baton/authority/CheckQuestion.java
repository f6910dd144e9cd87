package org.baton.authority;

import java.util.Map;

/**
 * "May this person decide this?"
 *
 * @param amount null for decision types without an amount
 * @param context attributes the rules' conditions look at, such as {@code customer.tier}
 */
public record CheckQuestion(
    long personId, String decisionType, Money amount, Map<String, String> context) {

  public CheckQuestion {
    context = context == null ? Map.of() : Map.copyOf(context);
  }
}
