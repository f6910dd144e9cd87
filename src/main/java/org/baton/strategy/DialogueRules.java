package org.baton.strategy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.baton.platform.FieldProblem;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;

/**
 * What a dialogue round, a contribution, a comment, an answer, a theme and a publication must be:
 * every problem at once with its field, from facts handed in (today, the round, the active people,
 * the current priorities), so that these are plain functions. Who may do each is {@link
 * StrategyPermissions}' question, asked first.
 */
final class DialogueRules {

  static final int MAX_BODY = 5_000;
  static final int MAX_THEMES = 20;
  static final int MAX_THEME_NAME = 100;

  private DialogueRules() {}

  static List<FieldProblem> round(
      DialogueDrafts.RoundDraft draft, LocalDate today, Set<Long> activePeople) {
    List<FieldProblem> problems = new ArrayList<>();
    TextRules.required(
        "title",
        draft.title(),
        TextLimits.NAME,
        "Name the round, such as Autumn dialogue 2026.",
        problems);
    TextRules.optional("description", draft.description(), TextLimits.ANY, problems);
    if (draft.contributionsCloseOn() == null) {
      problems.add(new FieldProblem("contributionsCloseOn", "Give the day contributions close."));
    } else if (draft.contributionsCloseOn().isBefore(today)) {
      problems.add(new FieldProblem("contributionsCloseOn", "The day is in the past."));
    }
    if (draft.answersDueOn() == null) {
      problems.add(new FieldProblem("answersDueOn", "Give the day answers are due."));
    } else if (draft.contributionsCloseOn() != null
        && draft.answersDueOn().isBefore(draft.contributionsCloseOn())) {
      problems.add(
          new FieldProblem(
              "answersDueOn", "Answers are due after contributions close, not before."));
    }
    draft.leaderIds().stream()
        .filter(id -> id == null || !activePeople.contains(id))
        .findFirst()
        .ifPresent(
            id ->
                problems.add(
                    new FieldProblem("leaderIds", "There is no active person " + id + ".")));
    themes(draft.themes(), problems);
    return problems;
  }

  /**
   * The themes stripped, each named once and briefly, at most {@link #MAX_THEMES}; a problem on
   * {@code themes} for each that is not.
   */
  static List<String> themes(List<String> names, List<FieldProblem> problems) {
    List<String> themes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      String theme = TextRules.orEmpty(name);
      if (theme.isEmpty()) {
        problems.add(new FieldProblem("themes", "Name each theme."));
      } else if (theme.length() > MAX_THEME_NAME) {
        problems.add(new FieldProblem("themes", TextRules.tooLong(100)));
      } else if (!seen.add(theme.toLowerCase(Locale.ROOT))) {
        problems.add(new FieldProblem("themes", "The theme " + theme + " is named twice."));
      } else {
        themes.add(theme);
      }
    }
    if (themes.size() > MAX_THEMES) {
      problems.add(new FieldProblem("themes", "Keep to at most 20 themes."));
    }
    return themes;
  }

  /** A theme added to a round: the rules of {@link #themes} over all of them, on {@code name}. */
  static List<FieldProblem> newTheme(DialogueRound round, String name) {
    List<FieldProblem> problems = new ArrayList<>();
    List<String> all =
        new ArrayList<>(round.themes().stream().map(DialogueRound.Theme::name).toList());
    all.add(name == null ? "" : name);
    themes(all, problems);
    return problems.stream().map(p -> new FieldProblem("name", p.message())).toList();
  }

  static List<FieldProblem> contribution(
      DialogueRound round, DialogueDrafts.ContributionDraft draft) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!round.open()) {
      problems.add(
          new FieldProblem(
              "body",
              "Contributions to this round closed on " + round.contributionsCloseOn() + "."));
    }
    if (draft.kind() == null) {
      problems.add(new FieldProblem("kind", "Say whether it is an idea, a concern or a question."));
    }
    TextRules.required("body", draft.body(), MAX_BODY, "Write your contribution.", problems);
    problems.addAll(theme(round, draft.themeId()));
    return problems;
  }

  /** A theme named for a contribution is one of the round's. */
  static List<FieldProblem> theme(DialogueRound round, Long themeId) {
    return themeId != null && round.themes().stream().noneMatch(t -> t.id() == themeId)
        ? List.of(new FieldProblem("themeId", "This round has no theme " + themeId + "."))
        : List.of();
  }

  static List<FieldProblem> comment(DialogueRound round, String body) {
    List<FieldProblem> problems = new ArrayList<>();
    if (round.published()) {
      problems.add(new FieldProblem("body", "The round is published; comments have closed."));
    }
    TextRules.required("body", body, MAX_BODY, "Write your comment.", problems);
    return problems;
  }

  static List<FieldProblem> answer(DialogueDrafts.AnswerDraft draft) {
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.state() == null) {
      problems.add(
          new FieldProblem("state", "Choose: adopted, will explore, not now or declined."));
    }
    TextRules.required(
        "answer", draft.answer(), MAX_BODY, "Give the reason: the contributor reads it.", problems);
    return problems;
  }

  /**
   * A round is published once, when every contribution has an answer, with a summary naming only
   * current priorities.
   */
  static List<FieldProblem> publication(
      DialogueRound round,
      List<Long> unanswered,
      DialogueDrafts.PublicationDraft draft,
      Set<Long> currentPriorities) {
    List<FieldProblem> problems = new ArrayList<>();
    if (round.published()) {
      problems.add(new FieldProblem("round", "The round is published already."));
    }
    if (!unanswered.isEmpty()) {
      problems.add(
          new FieldProblem(
              "contributions",
              (unanswered.size() == 1
                      ? "1 contribution is"
                      : unanswered.size() + " contributions are")
                  + " not answered yet: "
                  + unanswered.stream()
                      .limit(20)
                      .map(id -> "#" + id)
                      .collect(Collectors.joining(", "))
                  + (unanswered.size() > 20 ? ", ..." : "")
                  + ". Every contribution gets an answer before the round is published."));
    }
    TextRules.optional("summary", draft.summary(), TextLimits.ANY, problems);
    draft.priorityIds().stream()
        .filter(id -> id == null || !currentPriorities.contains(id))
        .findFirst()
        .ifPresent(
            id ->
                problems.add(
                    new FieldProblem("priorityIds", "There is no current priority " + id + ".")));
    return problems;
  }
}
