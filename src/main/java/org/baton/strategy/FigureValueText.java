package org.baton.strategy;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a value as people type it in a form or a CSV file: {@code 1234.5}, {@code 1,234.5}, {@code
 * 12.5 %} or {@code 1 200 EUR}. A unit written after the number must be the figure's own, so that a
 * margin typed in EUR is not stored as a percentage.
 */
final class FigureValueText {

  private static final Pattern VALUE =
      Pattern.compile("^([+-]?(?:\\d{1,3}(?:[, ]\\d{3})+|\\d+)(?:\\.\\d+)?)\\s*(\\S.*)?$");

  /** A value read, or why it could not be. */
  record Reading(Optional<BigDecimal> value, String problem) {
    static Reading of(BigDecimal value) {
      return new Reading(Optional.of(value), "");
    }

    static Reading problem(String problem) {
      return new Reading(Optional.empty(), problem);
    }
  }

  private FigureValueText() {}

  static Reading read(String text, String unit) {
    String typed = text == null ? "" : text.strip();
    if (typed.isEmpty()) {
      return Reading.problem("Give the value.");
    }
    Matcher m = VALUE.matcher(typed);
    if (!m.matches()) {
      return Reading.problem("Write a number, such as 1234.5 or 12.5 " + unit + ".");
    }
    String written = m.group(2);
    if (written != null && !sameUnit(written, unit)) {
      return Reading.problem(
          "This figure is in " + unit + "; " + typed + " is in " + written.strip() + ".");
    }
    BigDecimal value = new BigDecimal(m.group(1).replace(",", "").replace(" ", ""));
    if (value.abs().compareTo(FigureRules.LIMIT) >= 0) {
      return Reading.problem("The value is too large.");
    }
    return Reading.of(value);
  }

  static boolean sameUnit(String written, String unit) {
    return written.strip().toLowerCase(Locale.ROOT).equals(unit.strip().toLowerCase(Locale.ROOT));
  }
}
