package org.baton.authority;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The kind of decision as people type it: "goodwill", "Goodwill credit" or the code itself find
 * {@code customer.goodwill}, and the kinds a person asks about most come first in their list.
 * Nobody has to know a code to ask "can I decide?".
 */
@Component
public class KindsOfDecision {

  /** How far back a person's own checks order their list. */
  private static final Duration USUAL = Duration.ofDays(90);

  private final CurrentPolicy currentPolicy;
  private final AuthorityRepository repository;
  private final Clock clock;

  KindsOfDecision(CurrentPolicy currentPolicy, AuthorityRepository repository, Clock clock) {
    this.currentPolicy = currentPolicy;
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * What was typed, matched to the catalogue: a code or a name exactly (ignoring case), else the
   * kinds where every word typed starts a word of the name or code ("goodwil" finds "Goodwill
   * credit").
   *
   * @param code the one kind meant, or null when none or several match
   * @param candidates what matched when it was not one (empty when nothing did)
   */
  public record Match(String code, List<DecisionType> candidates) {

    /** The problem to show on the field, or null when one kind matched. */
    public String problem(String typed) {
      if (code != null) {
        return null;
      }
      if (candidates.isEmpty()) {
        return "No kind of decision matches “" + typed.strip() + "”. Pick one from the list.";
      }
      List<String> names = candidates.stream().limit(4).map(DecisionType::name).toList();
      return "“"
          + typed.strip()
          + "” could be "
          + String.join(" or ", names)
          + (candidates.size() > 4 ? " and more" : "")
          + ": pick one.";
    }
  }

  public Match match(String typed) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      return new Match(null, List.of());
    }
    Map<String, DecisionType> types = currentPolicy.get().types();
    if (types.containsKey(text)) {
      return new Match(text, List.of());
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (DecisionType type : types.values()) {
      if (type.name().equalsIgnoreCase(text) || type.code().equalsIgnoreCase(text)) {
        return new Match(type.code(), List.of());
      }
    }
    List<DecisionType> candidates =
        types.values().stream()
            .filter(t -> startsAWord(t.name(), lower) || startsAWord(t.code(), lower))
            .sorted(Comparator.comparing(DecisionType::name))
            .toList();
    return candidates.size() == 1
        ? new Match(candidates.get(0).code(), List.of())
        : new Match(null, candidates);
  }

  /** The code for what was typed, or what was typed itself when it matches no single kind. */
  public String codeFor(String typed) {
    Match match = match(typed);
    return match.code() != null ? match.code() : typed == null ? "" : typed.strip();
  }

  /** Every kind, the ones this person checked most in the last 90 days first, then by name. */
  public List<DecisionType> usualFirst(Long personId) {
    List<DecisionType> all = new ArrayList<>(currentPolicy.get().types().values());
    Map<String, Integer> asked =
        personId == null
            ? Map.of()
            : repository.checksByType(personId, clock.instant().minus(USUAL));
    all.sort(
        Comparator.<DecisionType>comparingInt(t -> -asked.getOrDefault(t.code(), 0))
            .thenComparing(DecisionType::name));
    return all;
  }

  /** Whether every word typed starts a word of the name or code ("goodwil cred"). */
  private static boolean startsAWord(String words, String typed) {
    List<String> own = List.of(words.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"));
    for (String start : typed.split("[^\\p{L}\\p{N}]+")) {
      if (!start.isEmpty() && own.stream().noneMatch(w -> w.startsWith(start))) {
        return false;
      }
    }
    return true;
  }
}
