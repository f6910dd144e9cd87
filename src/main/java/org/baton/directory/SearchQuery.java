package org.baton.directory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What someone typed into people search: at most five lower-case words. */
record SearchQuery(String text, List<String> words) {

  static final int MAX_WORDS = 5;
  static final int MAX_LENGTH = 100;

  static SearchQuery of(String typed) {
    String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    if (text.length() > MAX_LENGTH) {
      text = text.substring(0, MAX_LENGTH);
    }
    List<String> words =
        Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).limit(MAX_WORDS).toList();
    return new SearchQuery(text, words);
  }

  boolean isEmpty() {
    return words.isEmpty();
  }

  /** Escapes LIKE's wildcards so that "50%" finds a literal percent sign. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
