package org.baton.roles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;

/**
 * What makes a circle, a role, an application or a match acceptable, named field by field. Pure:
 * the caller passes what it knows of the catalogue (decision types, perspectives) and today.
 */
final class RoleRules {

  /** A week holds 168 hours; a role or a promise cannot take more. */
  static final BigDecimal WEEK = new BigDecimal("168");

  static final int MAX_SEATS = 100;
  static final int MAX_INTERESTS = 20;
  static final int MAX_NETWORK = 50;

  private RoleRules() {}

  /** Hours as people write them: 2, 2.5 (never 2.0 or 1E+1). */
  static BigDecimal plain(BigDecimal hours) {
    BigDecimal stripped = hours.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  static void checkCircle(RoleDrafts.CircleDraft draft) {
    List<FieldProblem> problems = new ArrayList<>();
    name(problems, "name", draft.name(), "Give the circle a name.");
    text(problems, "purpose", draft.purpose());
    throwIfAny(problems);
  }

  static void checkRole(
      RoleDrafts.RoleDraft draft, Set<String> knownTypes, Set<String> knownPerspectives) {
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.circleId() == null) {
      problems.add(new FieldProblem("circleId", "Choose the circle the role belongs to."));
    }
    name(problems, "name", draft.name(), "Give the role a name.");
    text(problems, "purpose", draft.purpose());
    text(problems, "accountabilities", draft.accountabilities());
    text(problems, "whyItMatters", draft.whyItMatters());
    text(problems, "whatYouLearn", draft.whatYouLearn());
    for (String type : draft.decisionTypes()) {
      if (!knownTypes.contains(type)) {
        problems.add(new FieldProblem("decisionTypes", "There is no decision type " + type + "."));
      }
    }
    for (String perspective : draft.perspectives()) {
      if (!knownPerspectives.contains(perspective)) {
        problems.add(
            new FieldProblem("perspectives", "There is no perspective " + perspective + "."));
      }
    }
    hours(problems, "hoursPerWeek", draft.hoursPerWeek());
    if (draft.seats() == null || draft.seats() < 1 || draft.seats() > MAX_SEATS) {
      problems.add(
          new FieldProblem("seats", "Give the number of seats: from 1 to " + MAX_SEATS + "."));
    }
    throwIfAny(problems);
  }

  static void checkApplication(
      RoleDrafts.ApplicationDraft draft, Set<String> knownPerspectives, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.passion() == null || draft.passion().isBlank()) {
      problems.add(new FieldProblem("passion", "Say why you want this role."));
    } else {
      text(problems, "passion", draft.passion());
    }
    text(problems, "knowledge", draft.knowledge());
    for (String perspective : draft.perspectives()) {
      if (!knownPerspectives.contains(perspective)) {
        problems.add(
            new FieldProblem("perspectives", "There is no perspective " + perspective + "."));
      }
    }
    if (draft.networkPeople().size() + draft.networkTeams().size() > MAX_NETWORK) {
      problems.add(
          new FieldProblem("network", "Name at most " + MAX_NETWORK + " people and teams."));
    }
    hours(problems, "hoursPerWeek", draft.hoursPerWeek());
    future(problems, "until", draft.until(), today);
    throwIfAny(problems);
  }

  static void checkMatch(RoleDrafts.MatchDraft draft, LocalDate today) {
    List<FieldProblem> problems = new ArrayList<>();
    hours(problems, "hoursPerWeek", draft.hoursPerWeek());
    future(problems, "until", draft.until(), today);
    text(problems, "commitment", draft.commitment());
    throwIfAny(problems);
  }

  static void checkTime(RoleDrafts.TimeDraft draft) {
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.answer() == null) {
      problems.add(new FieldProblem("answer", "Confirm the time, adjust it, or ask to talk."));
    } else if (draft.answer() == RoleApplication.TimeAnswerKind.ADJUSTED) {
      hours(problems, "hoursPerWeek", draft.hoursPerWeek());
      if (draft.note() == null || draft.note().isBlank()) {
        problems.add(new FieldProblem("note", "Say why you adjust the time."));
      }
    }
    text(problems, "note", draft.note());
    throwIfAny(problems);
  }

  static void checkProfile(RoleDrafts.ProfileDraft draft) {
    List<FieldProblem> problems = new ArrayList<>();
    if (draft.interests().size() > MAX_INTERESTS) {
      problems.add(new FieldProblem("interests", "List at most " + MAX_INTERESTS + " interests."));
    }
    for (String interest : draft.interests()) {
      if (interest.length() > TextLimits.NAME) {
        problems.add(new FieldProblem("interests", TextRules.tooLong(TextLimits.NAME)));
      }
    }
    BigDecimal hours = draft.hoursAvailable();
    if (hours != null && (hours.signum() < 0 || hours.compareTo(WEEK) > 0)) {
      problems.add(
          new FieldProblem(
              "hoursAvailable", "Give the hours from 0 to 168: a week holds no more."));
    }
    throwIfAny(problems);
  }

  /** A reason, a note or a message: required, within the limit. */
  static String required(String field, String text, String missing) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, missing);
    }
    if (text.length() > TextLimits.REASON) {
      throw new InvalidInputException(field, TextRules.tooLong(TextLimits.REASON));
    }
    return text.strip();
  }

  private static void hours(List<FieldProblem> problems, String field, BigDecimal hours) {
    if (hours == null) {
      problems.add(new FieldProblem(field, "Give the hours a week."));
    } else if (hours.signum() <= 0) {
      problems.add(new FieldProblem(field, "Give more than 0 hours a week."));
    } else if (hours.compareTo(WEEK) > 0) {
      problems.add(new FieldProblem(field, "A week holds 168 hours; give fewer."));
    } else if (hours.scale() > 1 && hours.stripTrailingZeros().scale() > 1) {
      problems.add(new FieldProblem(field, "Give the hours to one decimal, such as 2.5."));
    }
  }

  private static void future(
      List<FieldProblem> problems, String field, LocalDate date, LocalDate today) {
    if (date != null && date.isBefore(today)) {
      problems.add(new FieldProblem(field, "Choose a date from today on."));
    }
  }

  private static void name(List<FieldProblem> problems, String field, String text, String missing) {
    if (text == null || text.isBlank()) {
      problems.add(new FieldProblem(field, missing));
    } else if (text.strip().length() > TextLimits.NAME) {
      problems.add(new FieldProblem(field, TextRules.tooLong(TextLimits.NAME)));
    }
  }

  private static void text(List<FieldProblem> problems, String field, String text) {
    if (text != null && text.length() > TextLimits.REASON) {
      problems.add(new FieldProblem(field, TextRules.tooLong(TextLimits.REASON)));
    }
  }

  private static void throwIfAny(List<FieldProblem> problems) {
    InvalidInputException.throwIfAny(problems);
  }
}
