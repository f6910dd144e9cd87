package org.baton.polls;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.platform.FieldProblem;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;

/**
 * What a poll and a vote must be, every problem at once, each named by its field. Facts (the time,
 * the poll) are handed in: no I/O, tested as plain unit tests ({@code PollRulesTest}).
 */
final class PollRules {

  static final Duration SHORTEST = Duration.ofMinutes(15);
  static final Duration LONGEST = Duration.ofDays(14);
  static final int MOST_OPTIONS = 20;
  static final int MOST_SCORE = 10;

  private PollRules() {}

  /** The draft's problems; {@code audience} is how many people it asks once resolved. */
  static List<FieldProblem> poll(PollDraft draft, int audience, Instant now) {
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.kind() == null) {
      problems.add(new FieldProblem("kind", "Choose what the poll asks."));
    }
    TextRules.required(
        "title", draft.title(), TextLimits.NAME, "Say what the poll is about.", problems);
    if (draft.kind() == PollKind.CONSENT) {
      TextRules.required(
          "details",
          draft.details(),
          TextLimits.ANY,
          "Write the proposal people consent to.",
          problems);
    } else {
      TextRules.optional("details", draft.details(), TextLimits.ANY, problems);
    }
    if (draft.kind() != null && draft.kind().hasOptions()) {
      options(draft.kind(), draft.options(), now, problems);
    }
    if (audience == 0) {
      problems.add(new FieldProblem("audience", "Ask at least one team or person."));
    }
    if (draft.closesAt() == null) {
      problems.add(new FieldProblem("closesAt", "Say when the poll closes."));
    } else if (draft.closesAt().isBefore(now.plus(SHORTEST))) {
      problems.add(new FieldProblem("closesAt", "Give people at least 15 minutes."));
    } else if (draft.closesAt().isAfter(now.plus(LONGEST))) {
      problems.add(
          new FieldProblem("closesAt", "Close it within 14 days: a say is asked in hours."));
    }
    TextRules.optional("decisionType", draft.decisionType(), TextLimits.NAME, problems);
    if (draft.quorumPercent() < 0 || draft.quorumPercent() > 100) {
      problems.add(new FieldProblem("quorumPercent", "Give a share from 0 to 100 percent."));
    }
    return problems;
  }

  private static void options(
      PollKind kind, List<String> options, Instant now, List<FieldProblem> problems) {
    List<String> given =
        options.stream().map(TextRules::orEmpty).filter(o -> !o.isEmpty()).toList();
    if (given.size() < (kind == PollKind.MEETING ? 1 : 2)) {
      problems.add(
          new FieldProblem(
              "options",
              kind == PollKind.MEETING
                  ? "Offer at least one time to meet."
                  : "Offer at least two options, one a line."));
      return;
    }
    if (given.size() > MOST_OPTIONS) {
      problems.add(new FieldProblem("options", "Offer at most 20 options."));
    }
    if (given.stream().anyMatch(o -> o.length() > TextLimits.NAME)) {
      problems.add(new FieldProblem("options", TextRules.tooLong(TextLimits.NAME)));
    }
    if (new HashSet<>(given.stream().map(String::toLowerCase).toList()).size() < given.size()) {
      problems.add(new FieldProblem("options", "Each option once."));
    }
    if (kind == PollKind.MEETING) {
      Set<LocalDateTime> times = new HashSet<>();
      for (String time : given) {
        LocalDateTime at = time(time);
        if (at == null) {
          problems.add(
              new FieldProblem(
                  "options", "Write each time as a date and time, such as 2026-12-09 10:00."));
          return;
        }
        if (!at.toInstant(java.time.ZoneOffset.UTC).isAfter(now)) {
          problems.add(new FieldProblem("options", "Offer times still to come."));
          return;
        }
        times.add(at);
      }
      if (times.size() < given.size()) {
        problems.add(new FieldProblem("options", "Each time once."));
      }
    }
  }

  /** A meeting's time as typed ("2026-12-09 10:00" or "2026-12-09T10:00"), or null. */
  static LocalDateTime time(String typed) {
    try {
      return LocalDateTime.parse(TextRules.orEmpty(typed).replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The vote's problems for this poll. */
  static List<FieldProblem> vote(Poll poll, VoteDraft vote) {
    List<FieldProblem> problems = new ArrayList<>();
    Set<Long> known = new HashSet<>(poll.options().stream().map(Poll.Option::id).toList());
    switch (poll.kind()) {
      case CONSENT -> {
        if (vote.stance() == null) {
          problems.add(new FieldProblem("stance", "Consent, stand aside or object."));
        } else if (vote.stance() == Stance.OBJECT && TextRules.orEmpty(vote.reason()).isEmpty()) {
          problems.add(
              new FieldProblem("reason", "Say what harm you foresee: an objection needs it."));
        }
      }
      case CHOICE, MEETING -> {
        if (vote.optionIds().isEmpty()) {
          problems.add(
              new FieldProblem(
                  "options",
                  poll.kind() == PollKind.MEETING
                      ? "Choose every time that suits you."
                      : "Choose an option."));
        } else if (!known.containsAll(vote.optionIds())
            || new HashSet<>(vote.optionIds()).size() < vote.optionIds().size()) {
          problems.add(new FieldProblem("options", "Choose among the poll's options, each once."));
        } else if (poll.kind() == PollKind.CHOICE
            && !poll.several()
            && vote.optionIds().size() > 1) {
          problems.add(new FieldProblem("options", "Choose one option."));
        }
      }
      case SCORE -> {
        for (Poll.Option option : poll.options()) {
          Integer score = vote.scores().get(option.id());
          if (score == null || score < 0 || score > MOST_SCORE) {
            problems.add(
                new FieldProblem(
                    "score-" + option.id(), "Give “" + option.text() + "” a score from 0 to 10."));
          }
        }
        if (!known.containsAll(vote.scores().keySet())) {
          problems.add(new FieldProblem("scores", "Score the poll's options."));
        }
      }
      case RANKED -> {
        if (vote.ranking().isEmpty()) {
          problems.add(new FieldProblem("ranking", "Rank at least your first choice."));
        } else if (!known.containsAll(vote.ranking())
            || new HashSet<>(vote.ranking()).size() < vote.ranking().size()) {
          problems.add(
              new FieldProblem("ranking", "Rank each of the poll's options once at most."));
        }
      }
    }
    if (poll.reasonRequired()
        && TextRules.orEmpty(vote.reason()).isEmpty()
        && problems.stream().noneMatch(p -> p.field().equals("reason"))) {
      problems.add(new FieldProblem("reason", "This poll asks for a reason with each vote."));
    }
    TextRules.optional("reason", vote.reason(), TextLimits.REASON, problems);
    return problems;
  }

  /** An objection's answer, or an amendment's note. */
  static List<FieldProblem> answer(String field, String text, String missing) {
    List<FieldProblem> problems = new ArrayList<>();
    TextRules.required(field, text, TextLimits.REASON, missing, problems);
    return problems;
  }

  /**
   * Scores as a form sends them ({@code score-12=7}), by option id; what is not a score is left
   * out.
   */
  static Map<Long, Integer> scores(Map<String, String> form) {
    Map<Long, Integer> scores = new java.util.HashMap<>();
    form.forEach(
        (name, value) -> {
          if (name.matches("score-\\d{1,18}")
              && value != null
              && value.strip().matches("\\d{1,2}")) {
            scores.put(Long.valueOf(name.substring(6)), Integer.valueOf(value.strip()));
          }
        });
    return scores;
  }
}
