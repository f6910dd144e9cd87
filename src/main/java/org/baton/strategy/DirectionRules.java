package org.baton.strategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.baton.platform.FieldProblem;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;

/**
 * What a direction must be: every problem named by its field ({@code
 * priorities[1].goals[0].target}), so that a form marks the field and nothing is saved while any
 * remains.
 */
final class DirectionRules {

  static final int MAX_VALUES = 12;
  static final int MAX_TRADE_OFFS = 12;
  static final int MAX_PRIORITIES = 10;
  static final int MAX_GOALS = 10;
  static final int MAX_STATEMENT = 300;
  static final int MAX_UNIT = 20;

  private DirectionRules() {}

  /** A goal's progress: a value within bounds, and a comment of a few lines at most. */
  static List<FieldProblem> progress(java.math.BigDecimal value, String comment) {
    List<FieldProblem> problems = new ArrayList<>();
    if (value == null) {
      problems.add(new FieldProblem("value", "Give the value reached."));
    } else if (value.abs().compareTo(FigureRules.LIMIT) >= 0) {
      problems.add(new FieldProblem("value", "The value is too large."));
    }
    org.baton.platform.TextRules.optional("comment", comment, TextLimits.REASON, problems);
    return problems;
  }

  static List<FieldProblem> reason(String reason) {
    if (blank(reason)) {
      return List.of(new FieldProblem("reason", "Say why you change it: others read it later."));
    }
    if (reason.strip().length() > TextLimits.REASON) {
      return List.of(new FieldProblem("reason", TextRules.tooLong(TextLimits.REASON)));
    }
    return List.of();
  }

  static List<FieldProblem> vision(DirectionDrafts.VisionDraft draft) {
    List<FieldProblem> problems = new ArrayList<>();
    if (blank(draft.vision())) {
      problems.add(new FieldProblem("vision", "Say where the company is going."));
    } else if (draft.vision().strip().length() > TextLimits.REASON) {
      problems.add(new FieldProblem("vision", TextRules.tooLong(TextLimits.REASON)));
    }
    if (draft.mission() != null && draft.mission().strip().length() > TextLimits.REASON) {
      problems.add(new FieldProblem("mission", TextRules.tooLong(TextLimits.REASON)));
    }
    problems.addAll(reason(draft.reason()));
    return problems;
  }

  static List<FieldProblem> values(DirectionDrafts.ValuesDraft draft) {
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.values() == null) {
      return missing("values", draft.reason());
    }
    if (draft.values().size() > MAX_VALUES) {
      problems.add(new FieldProblem("values", "Keep to at most 12 values: few enough to live by."));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < draft.values().size(); i++) {
      Direction.Value value = draft.values().get(i);
      String at = "values[" + i + "]";
      if (blank(value.name())) {
        problems.add(new FieldProblem(at + ".name", "Name the value."));
      } else if (value.name().strip().length() > 100) {
        problems.add(new FieldProblem(at + ".name", TextRules.tooLong(100)));
      } else if (!names.add(value.name().strip().toLowerCase(Locale.ROOT))) {
        problems.add(new FieldProblem(at + ".name", "This value is named twice."));
      }
      if (blank(value.meaning())) {
        problems.add(new FieldProblem(at + ".meaning", "Say what it means in practice."));
      } else if (value.meaning().strip().length() > TextLimits.REASON) {
        problems.add(new FieldProblem(at + ".meaning", TextRules.tooLong(TextLimits.REASON)));
      }
    }
    problems.addAll(reason(draft.reason()));
    return problems;
  }

  static List<FieldProblem> tradeOffs(DirectionDrafts.TradeOffsDraft draft) {
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.tradeOffs() == null) {
      return missing("tradeOffs", draft.reason());
    }
    if (draft.tradeOffs().size() > MAX_TRADE_OFFS) {
      problems.add(new FieldProblem("tradeOffs", "Keep to at most 12 trade-offs."));
    }
    for (int i = 0; i < draft.tradeOffs().size(); i++) {
      String statement = draft.tradeOffs().get(i);
      if (blank(statement)) {
        problems.add(
            new FieldProblem(
                "tradeOffs[" + i + "]",
                "Write the trade-off, such as \"customer trust even over short-term margin\"."));
      } else if (statement.strip().length() > MAX_STATEMENT) {
        problems.add(new FieldProblem("tradeOffs[" + i + "]", TextRules.tooLong(300)));
      }
    }
    problems.addAll(reason(draft.reason()));
    return problems;
  }

  /**
   * @param knownPriority whether an id names a priority Baton knows (current or earlier)
   * @param goalOf the priority a goal id belongs to, or -1 for an unknown goal
   * @param activePerson whether an id names an active person
   * @param decisionType whether a code names a decision type
   */
  static List<FieldProblem> priorities(
      DirectionDrafts.PrioritiesDraft draft,
      LongPredicate knownPriority,
      java.util.function.LongUnaryOperator goalOf,
      LongPredicate activePerson,
      Predicate<String> decisionType) {
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.priorities() == null) {
      return missing("priorities", draft.reason());
    }
    if (draft.priorities().size() > MAX_PRIORITIES) {
      problems.add(
          new FieldProblem("priorities", "Keep to at most 10 priorities: more is no priority."));
    }
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < draft.priorities().size(); i++) {
      DirectionDrafts.PriorityDraft p = draft.priorities().get(i);
      String at = "priorities[" + i + "]";
      if (p.id() != null && (!knownPriority.test(p.id()) || !seen.add(p.id()))) {
        problems.add(
            new FieldProblem(at + ".id", "There is no priority " + p.id() + " to change."));
      }
      text(problems, at + ".title", p.title(), TextLimits.NAME, "Name the priority.");
      text(problems, at + ".why", p.why(), TextLimits.REASON, "Say why it matters.");
      if (p.ownerId() == null) {
        problems.add(new FieldProblem(at + ".ownerId", "Name the priority's owner."));
      } else if (!activePerson.test(p.ownerId())) {
        problems.add(
            new FieldProblem(at + ".ownerId", "There is no active person " + p.ownerId() + "."));
      }
      if (p.startsOn() == null) {
        problems.add(new FieldProblem(at + ".startsOn", "Give the period's first day."));
      }
      if (p.endsOn() == null) {
        problems.add(new FieldProblem(at + ".endsOn", "Give the period's last day."));
      } else if (p.startsOn() != null && p.endsOn().isBefore(p.startsOn())) {
        problems.add(new FieldProblem(at + ".endsOn", "The period ends before it starts."));
      }
      p.decisionTypes().stream()
          .filter(code -> code == null || !decisionType.test(code))
          .findFirst()
          .ifPresent(
              code ->
                  problems.add(
                      new FieldProblem(
                          at + ".decisionTypes", "There is no decision type " + code + ".")));
      if (p.goals().size() > MAX_GOALS) {
        problems.add(new FieldProblem(at + ".goals", "Keep to at most 10 goals per priority."));
      }
      Set<Long> goalsSeen = new HashSet<>();
      for (int g = 0; g < p.goals().size(); g++) {
        DirectionDrafts.GoalDraft goal = p.goals().get(g);
        String gat = at + ".goals[" + g + "]";
        if (goal.id() != null
            && (p.id() == null
                || goalOf.applyAsLong(goal.id()) != p.id()
                || !goalsSeen.add(goal.id()))) {
          problems.add(
              new FieldProblem(
                  gat + ".id", "There is no goal " + goal.id() + " of this priority."));
        }
        text(problems, gat + ".title", goal.title(), TextLimits.NAME, "Say what the goal is.");
        text(problems, gat + ".unit", goal.unit(), MAX_UNIT, "Give the unit, such as % or EUR.");
        if (goal.start() == null) {
          problems.add(new FieldProblem(gat + ".start", "Give the value it starts from."));
        }
        if (goal.target() == null) {
          problems.add(new FieldProblem(gat + ".target", "Give the target."));
        } else if (goal.start() != null && goal.target().compareTo(goal.start()) == 0) {
          problems.add(
              new FieldProblem(
                  gat + ".target", "The target equals the start: a goal should move something."));
        }
        if (goal.dueOn() == null) {
          problems.add(new FieldProblem(gat + ".dueOn", "Give the date it is due."));
        }
      }
    }
    problems.addAll(reason(draft.reason()));
    return problems;
  }

  private static List<FieldProblem> missing(String field, String reason) {
    List<FieldProblem> problems = new ArrayList<>();
    problems.add(new FieldProblem(field, "Send the whole list; an empty list removes them all."));
    problems.addAll(reason(reason));
    return problems;
  }

  private static void text(
      List<FieldProblem> problems, String field, String value, int max, String missing) {
    if (blank(value)) {
      problems.add(new FieldProblem(field, missing));
    } else if (value.strip().length() > max) {
      problems.add(new FieldProblem(field, TextRules.tooLong(max)));
    }
  }

  static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
