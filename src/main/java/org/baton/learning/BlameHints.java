package org.baton.learning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gently flags blaming language in a review ("X's fault", "careless", "should have known", a
 * person's name next to a negative verb), each with a suggestion to describe the situation instead.
 * It never blocks: a review is saved whatever it says.
 */
final class BlameHints {

  /** A phrase found, and what to write instead. */
  record Hint(String phrase, String suggestion) {}

  private static final String SITUATION =
      "Describe the situation instead: what did the person know, and what made this easy to get"
          + " wrong?";

  private static final List<Pattern> BLAMING =
      List.of(
          Pattern.compile("\\b([\\p{L}']+)\\s+fault\\b", Pattern.CASE_INSENSITIVE),
          Pattern.compile("\\bcareless(ly|ness)?\\b", Pattern.CASE_INSENSITIVE),
          Pattern.compile("\\bsh(?:ould|ould've) have known\\b", Pattern.CASE_INSENSITIVE),
          Pattern.compile("\\bshould've known\\b", Pattern.CASE_INSENSITIVE),
          Pattern.compile(
              "\\b(negligen(t|ce)|incompeten(t|ce)|lazy|sloppy|stupid)\\b",
              Pattern.CASE_INSENSITIVE),
          Pattern.compile("\\bhuman error\\b", Pattern.CASE_INSENSITIVE),
          Pattern.compile(
              "\\b(who|whose) (is|was) to blame\\b|\\bblame[sd]?\\b", Pattern.CASE_INSENSITIVE));

  private static final String NEGATIVE_VERBS =
      "failed|forgot|ignored|messed up|screwed up|broke|neglected|overlooked|missed|botched";

  private BlameHints() {}

  /** The hints for a text, given the names of people who might be named in it. */
  static List<Hint> in(String text, Collection<String> names) {
    List<Hint> hints = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return hints;
    }
    for (Pattern pattern : BLAMING) {
      Matcher matcher = pattern.matcher(text);
      while (matcher.find()) {
        hints.add(new Hint(matcher.group(), SITUATION));
      }
    }
    for (String name : names) {
      for (String part : name.split("\\s+")) {
        if (part.length() < 3) {
          continue;
        }
        Matcher matcher =
            Pattern.compile(
                    "\\b" + Pattern.quote(part) + "\\s+(" + NEGATIVE_VERBS + ")\\b",
                    Pattern.CASE_INSENSITIVE)
                .matcher(text);
        while (matcher.find()) {
          hints.add(
              new Hint(
                  matcher.group(),
                  "Name what happened rather than who: what did the process or the tools let"
                      + " happen?"));
        }
      }
    }
    return hints.stream().distinct().toList();
  }
}
