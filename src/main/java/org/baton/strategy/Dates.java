package org.baton.strategy;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How strategy pages write dates. */
final class Dates {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  private Dates() {}

  static String month(LocalDate date) {
    return date == null ? "" : MONTH.format(date);
  }
}
