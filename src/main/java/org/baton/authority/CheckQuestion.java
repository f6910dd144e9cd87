package org.baton.authority;

import java.util.LinkedHashMap;
import java.util.Map;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;

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

  /**
   * Context as typed on a phone: one "name = value" per line.
   *
   * @throws InvalidInputException naming {@code context} for a line without a name and value
   */
  public static Map<String, String> contextFromLines(String text) {
    Map<String, String> context = new LinkedHashMap<>();
    for (String line : (text == null ? "" : text).split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException(
            "context", "Write each detail as name = value, one per line.");
      }
      context.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    return context;
  }

  /**
   * Context as sent in JSON: text, numbers and booleans become text; anything else is refused,
   * naming {@code context.<name>}.
   */
  public static Map<String, String> contextFromJson(Map<String, Object> json) {
    Map<String, String> context = new LinkedHashMap<>();
    if (json != null) {
      json.forEach(
          (key, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
              context.put(key, value.toString());
            } else {
              throw new InvalidInputException(
                  "context." + key, "A context value is text, a number or true/false.");
            }
          });
    }
    return context;
  }
}
