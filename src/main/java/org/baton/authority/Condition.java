package org.baton.authority;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on the decision's context, written as people read it: {@code customer.tier in (gold,
 * silver)}, {@code site = Plant 1}, {@code order.count >= 3}. A condition on an attribute the
 * context does not have is not met.
 */
public record Condition(String attribute, Operator operator, List<String> values) {

  public enum Operator {
    EQUALS("="),
    NOT_EQUALS("!="),
    IN("in"),
    NOT_IN("not in"),
    AT_LEAST(">="),
    AT_MOST("<="),
    MORE_THAN(">"),
    LESS_THAN("<");

    final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }
  }

  private static final Pattern SHAPE =
      Pattern.compile(
          "^\\s*([A-Za-z][A-Za-z0-9_.-]*)\\s*(not\\s+in|in|!=|>=|<=|=|>|<)\\s*(.+?)\\s*$",
          Pattern.CASE_INSENSITIVE);

  public Condition {
    values = List.copyOf(values);
  }

  public static Condition parse(String text) {
    Matcher m = SHAPE.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a condition; write e.g. customer.tier in (gold, silver)");
    }
    String op = m.group(2).toLowerCase().replaceAll("\\s+", " ");
    Operator operator =
        Arrays.stream(Operator.values()).filter(o -> o.symbol.equals(op)).findFirst().orElseThrow();
    String right = m.group(3);
    List<String> values;
    if (operator == Operator.IN || operator == Operator.NOT_IN) {
      if (!right.startsWith("(") || !right.endsWith(")")) {
        throw new IllegalArgumentException(
            "\"" + text + "\": list the values in brackets, e.g. (gold, silver)");
      }
      values =
          Arrays.stream(right.substring(1, right.length() - 1).split(","))
              .map(String::strip)
              .filter(v -> !v.isEmpty())
              .toList();
    } else {
      values = List.of(right);
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("\"" + text + "\" compares with nothing");
    }
    if (isNumeric(operator)) {
      try {
        new BigDecimal(values.get(0));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("\"" + text + "\" compares with a number");
      }
    }
    return new Condition(m.group(1), operator, values);
  }

  /** Whether the context meets this condition. Text comparisons ignore case. */
  public boolean isMetBy(Map<String, String> context) {
    String actual = context.get(attribute);
    if (actual == null) {
      return false;
    }
    return switch (operator) {
      case EQUALS -> values.get(0).equalsIgnoreCase(actual.strip());
      case NOT_EQUALS -> !values.get(0).equalsIgnoreCase(actual.strip());
      case IN -> values.stream().anyMatch(v -> v.equalsIgnoreCase(actual.strip()));
      case NOT_IN -> values.stream().noneMatch(v -> v.equalsIgnoreCase(actual.strip()));
      default -> compareNumbers(actual);
    };
  }

  private boolean compareNumbers(String actual) {
    BigDecimal left;
    try {
      left = new BigDecimal(actual.strip());
    } catch (NumberFormatException e) {
      return false;
    }
    int c = left.compareTo(new BigDecimal(values.get(0)));
    return switch (operator) {
      case AT_LEAST -> c >= 0;
      case AT_MOST -> c <= 0;
      case MORE_THAN -> c > 0;
      case LESS_THAN -> c < 0;
      default -> false;
    };
  }

  private static boolean isNumeric(Operator operator) {
    return operator == Operator.AT_LEAST
        || operator == Operator.AT_MOST
        || operator == Operator.MORE_THAN
        || operator == Operator.LESS_THAN;
  }

  @Override
  public String toString() {
    return attribute
        + " "
        + operator.symbol
        + " "
        + (operator == Operator.IN || operator == Operator.NOT_IN
            ? "(" + String.join(", ", values) + ")"
            : values.get(0));
  }
}
