package org.baton.authority;

import java.util.Set;

/** The rules that would apply set their limits in other currencies; Baton never converts. */
public class CurrencyMismatchException extends RuntimeException {

  public CurrencyMismatchException(String asked, Set<String> limitCurrencies) {
    super(
        "The limits for this decision are in "
            + String.join(", ", limitCurrencies)
            + "; an amount in "
            + asked
            + " is not converted. Give the amount in "
            + String.join(" or ", limitCurrencies)
            + ".");
  }
}
