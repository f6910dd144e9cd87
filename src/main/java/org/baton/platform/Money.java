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
   * An amount as typed into a form ("150", "99,50"), or null when the field was left empty.
   *
   * @throws InvalidInputException naming {@code field}, with what to type instead
   */
  public static Money fromForm(String typed, String currency, String field) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    BigDecimal value;
    try {
      value = new BigDecimal(typed.strip().replace(',', '.'));
    } catch (NumberFormatException e) {
      throw new org.baton.platform.InvalidInputException(
          field, "Enter the " + field + " as a number, such as 150 or 99.50.");
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
