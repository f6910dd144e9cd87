package org.baton.learning;

import java.util.Arrays;
import java.util.Optional;

/** The two kinds of learning the library holds, as they appear in paths and references. */
public enum LearningKind {
  REVIEW("review"),
  REPORT_OUT("report-out");

  private final String slug;

  LearningKind(String slug) {
    this.slug = slug;
  }

  /** As in {@code /learnings/review/12/helped} and in the reference {@code review-12}. */
  public String slug() {
    return slug;
  }

  public String ref(long id) {
    return slug + "-" + id;
  }

  public static Optional<LearningKind> fromSlug(String slug) {
    return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
  }

  /** A kind and an id, written {@code review-12}. */
  public record Ref(LearningKind kind, long id) {

    public static Optional<Ref> parse(String text) {
      if (text == null) {
        return Optional.empty();
      }
      int dash = text.lastIndexOf('-');
      if (dash <= 0 || dash == text.length() - 1) {
        return Optional.empty();
      }
      try {
        long id = Long.parseLong(text.substring(dash + 1));
        return fromSlug(text.substring(0, dash)).map(kind -> new Ref(kind, id));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    @Override
    public String toString() {
      return kind.ref(id);
    }
  }
}
