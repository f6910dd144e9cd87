package org.baton.directory;

import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, trimmed and lower-cased, so that one person has one address. */
public record Email(String value) {

  // Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is the mail
  // server's business; this only stops obvious typos.
  private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  public Email {
    if (!isValid(value)) {
      throw new IllegalArgumentException("not an e-mail address: " + value);
    }
    value = normalise(value);
  }

  public static boolean isValid(String candidate) {
    return candidate != null
        && candidate.trim().length() <= 254
        && SHAPE.matcher(candidate.trim()).matches();
  }

  public static String normalise(String candidate) {
    return candidate.trim().toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
