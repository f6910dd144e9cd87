package org.baton.authority;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A hierarchical decision type code such as {@code customer.goodwill}: a rule on {@code customer}
 * covers {@code customer.goodwill} and everything below it.
 */
public record DecisionTypeCode(String value) {

  private static final Pattern SHAPE =
      Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*$");

  public DecisionTypeCode {
    if (!isValid(value)) {
      throw new IllegalArgumentException(
          "A decision type code is lower-case words joined by dots, such as customer.goodwill.");
    }
  }

  public static boolean isValid(String value) {
    return value != null && value.length() <= 100 && SHAPE.matcher(value).matches();
  }

  /** This code and each code above it, the most specific first. */
  public List<String> selfAndAncestors() {
    List<String> codes = new ArrayList<>();
    String code = value;
    codes.add(code);
    int dot;
    while ((dot = code.lastIndexOf('.')) > 0) {
      code = code.substring(0, dot);
      codes.add(code);
    }
    return codes;
  }

  @Override
  public String toString() {
    return value;
  }
}
