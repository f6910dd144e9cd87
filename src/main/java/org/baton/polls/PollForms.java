package org.baton.polls;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.directory.Directory;
import org.baton.platform.FieldProblem;

/**
 * What the poll pages' forms send, read into drafts; a value that cannot be read is its field's
 * problem.
 */
final class PollForms {

  /** How long a poll may stay open, as the form offers it: label by ISO duration. */
  static final Map<String, String> WINDOWS = windows();

  private PollForms() {}

  private static Map<String, String> windows() {
    Map<String, String> windows = new LinkedHashMap<>();
    windows.put("PT15M", "15 minutes");
    windows.put("PT1H", "1 hour");
    windows.put("PT4H", "4 hours");
    windows.put("PT24H", "24 hours");
    windows.put("P3D", "3 days");
    windows.put("P7D", "7 days");
    windows.put("P14D", "14 days");
    return windows;
  }

  /** The form of a new poll, with what a new one starts from. */
  static Map<String, String> blank(String kind) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("kind", kind == null || kind.isBlank() ? "CONSENT" : kind);
    form.put("closesIn", "PT24H");
    return form;
  }

  /** A draft read from the form, with what could not be read (the rules find the rest). */
  record Read(PollDraft draft, List<FieldProblem> problems) {}

  static Read draft(Map<String, String> form, Directory directory, Instant now) {
    List<FieldProblem> problems = new ArrayList<>();
    PollKind kind = kind(form.get("kind"));
    List<Long> teams = directory.resolveTeams(form.get("teams"), "teams", problems);
    List<Long> people = directory.resolvePeople(form.get("people"), "people", problems);
    Instant closesAt = null;
    String window = form.getOrDefault("closesIn", "");
    if (!WINDOWS.containsKey(window)) {
      problems.add(new FieldProblem("closesIn", "Choose how long the poll stays open."));
    } else {
      // a minute over the window, so that the shortest is never refused by the time it is read
      closesAt = now.plus(Duration.parse(window)).plusSeconds(60);
      if (Duration.parse(window).compareTo(PollRules.LONGEST) >= 0) {
        closesAt = now.plus(PollRules.LONGEST);
      }
    }
    int quorum = 0;
    String typedQuorum = form.getOrDefault("quorumPercent", "").strip();
    if (!typedQuorum.isEmpty()) {
      if (typedQuorum.matches("\\d{1,3}")) {
        quorum = Integer.parseInt(typedQuorum);
      } else {
        problems.add(
            new FieldProblem("quorumPercent", "Give a whole number of percent, such as 50."));
      }
    }
    List<String> options = List.of(form.getOrDefault("options", "").split("\\R"));
    PollDraft draft =
        new PollDraft(
            kind,
            form.get("title"),
            form.get("details"),
            options,
            teams,
            people,
            closesAt,
            on(form, "anonymous"),
            on(form, "resultsHidden"),
            on(form, "reasonRequired"),
            on(form, "several"),
            quorum,
            blankToNull(form.get("decisionType")));
    return new Read(draft, problems);
  }

  /**
   * A vote as the page sends it: options, scores ({@code score-<id>}), ranks ({@code rank-1}...).
   */
  static VoteDraft vote(Map<String, String> form, List<String> options) {
    Stance stance = null;
    for (Stance s : Stance.values()) {
      if (s.name().equals(form.get("stance"))) {
        stance = s;
      }
    }
    List<Long> chosen = new ArrayList<>();
    for (String option : options) {
      if (option.matches("\\d{1,18}")) {
        chosen.add(Long.valueOf(option));
      }
    }
    List<Long> ranking = new ArrayList<>();
    for (int rank = 1; rank <= PollRules.MOST_OPTIONS; rank++) {
      String typed = form.getOrDefault("rank-" + rank, "");
      if (typed.matches("\\d{1,18}")) {
        ranking.add(Long.valueOf(typed));
      }
    }
    return new VoteDraft(chosen, PollRules.scores(form), ranking, stance, form.get("reason"));
  }

  /** The kind chosen, or null (the rules say so). */
  private static PollKind kind(String typed) {
    for (PollKind kind : PollKind.values()) {
      if (kind.name().equals(typed)) {
        return kind;
      }
    }
    return null;
  }

  private static boolean on(Map<String, String> form, String name) {
    return "true".equals(form.get(name)) || "on".equals(form.get(name));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
