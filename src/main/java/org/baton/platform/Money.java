package org.baton.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** An amount in one currency, to the cent, never negative, never absurd. */
public record Money(BigDecimal value, String currency) implements Comparable<Money> {

  public static final BigDecimal MAX =
      new BigDecimal("1000000000000"); // a trillion: beyond any limit
  private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

  public Money {
    if (value == null) {
      throw new IllegalArgumentException("An amount needs a value.");
    }
    if (value.signum() < 0) {
      throw new IllegalArgumentException("An amount cannot be negative.");
    }
    if (value.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("An amount above 1,000,000,000,000 is not believable.");
    }
    if (value.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException("An amount has at most two decimals.");
    }
    if (currency == null || !CURRENCY.matcher(currency).matches()) {
      throw new IllegalArgumentException("A currency is three capital letters, such as EUR.");
    }
    value = value.setScale(2, RoundingMode.UNNECESSARY);
  }

  /**
   * An amount from a request, or null when none was sent.
   *
   * @throws InvalidInputException naming {@code field.value} or {@code field.currency}
   */
  public static Money fromRequest(BigDecimal value, String currency, String field) {
    if (value == null && currency == null) {
      return null;
    }
    try {
      return new Money(
          value, currency == null ? "" : currency.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String which = e.getMessage().contains("currency") ? ".currency" : ".value";
      throw new org.baton.platform.InvalidInputException(field + which, e.getMessage());
    }
  }

  /**
   * A number typed into a form, with a decimal point or comma; null when nothing was typed. A
   * number that could be read two ways is refused, naming both.
   */
  public static BigDecimal number(String typed, String field, String notANumber) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    String text = typed.strip();
    // "1,500" and "1.500" are a thousand and a half in one language and one and a half in another:
    // read as 1.5, a large credit became a small one that the check said was yours to decide
    if (text.matches("[+-]?\\d{1,3}[.,]\\d{3}")) {
      String whole = new BigDecimal(text.replaceAll("[.,]", "")).toPlainString();
      BigDecimal small = new BigDecimal(text.replace(',', '.'));
      String decimal = small.stripTrailingZeros().toPlainString();
      throw new org.baton.platform.InvalidInputException(
          field,
          "“"
              + text
              + "” could be "
              + whole
              + " or "
              + decimal
              + ": write it without a thousands separator, such as "
              + whole
              + ", or with two decimals, such as "
              + small.setScale(2, java.math.RoundingMode.DOWN).toPlainString()
              + ".");
    }
    try {
      return new BigDecimal(text.replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new org.baton.platform.InvalidInputException(field, notANumber);
    }
  }

  /**
   * An amount as typed into a form ("150", "99,50"), or null when the field was left empty.
   *
   * @throws InvalidInputException naming {@code field}, with what to type instead
   */
  public static Money fromForm(String typed, String currency, String field) {
    BigDecimal value =
        number(typed, field, "Enter the " + field + " as a number, such as 150 or 99.50.");
    if (value == null) {
      return null;
    }
    try {
      return new Money(
          value, currency == null ? "" : currency.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new org.baton.platform.InvalidInputException(field, e.getMessage());
    }
  }

  public static Money of(String value, String currency) {
    return new Money(new BigDecimal(value), currency);
  }

  public boolean sameCurrency(Money other) {
    return currency.equals(other.currency);
  }

  @Override
  public int compareTo(Money other) {
    if (!sameCurrency(other)) {
      throw new IllegalArgumentException("Cannot compare " + currency + " with " + other.currency);
    }
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.stripTrailingZeros().toPlainString() + " " + currency;
  }
}
