package org.baton.platform;

import java.util.List;
import java.util.Locale;

/**
 * The checks every free text gets, written once: stripped, required or optional, and at most a
 * limit from {@link TextLimits}, with the message built from that limit. Each adds its problem to
 * the caller's list, so that a rules class collects every problem of a form before refusing it.
 */
public final class TextRules {

  private TextRules() {}

  /**
   * The text stripped; a problem on {@code field} when it is blank ({@code missing} says what to
   * put there) or longer than {@code limit}.
   */
  public static String required(
      String field, String text, int limit, String missing, List<FieldProblem> problems) {
    String stripped = orEmpty(text);
    if (stripped.isEmpty()) {
      problems.add(new FieldProblem(field, missing));
    } else if (stripped.length() > limit) {
      problems.add(new FieldProblem(field, tooLong(limit)));
    }
    return stripped;
  }

  /** The text stripped, empty when blank; a problem when it is longer than {@code limit}. */
  public static String optional(String field, String text, int limit, List<FieldProblem> problems) {
    String stripped = orEmpty(text);
    if (stripped.length() > limit) {
      problems.add(new FieldProblem(field, tooLong(limit)));
    }
    return stripped;
  }

  /** "Keep it under 2,000 characters." */
  public static String tooLong(int limit) {
    return String.format(Locale.ENGLISH, "Keep it under %,d characters.", limit);
  }

  /** The text stripped, or null when it is blank. */
  public static String orNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** The text stripped, or empty when it is null. */
  public static String orEmpty(String text) {
    return text == null ? "" : text.strip();
  }
}
