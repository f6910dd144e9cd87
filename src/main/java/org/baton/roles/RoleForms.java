package org.baton.roles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.directory.Directory;
import org.baton.directory.Perspective;
import org.baton.directory.Team;
import org.baton.platform.FieldProblem;
import org.baton.platform.InvalidInputException;

/**
 * The role pages' forms as flat maps (field -> text) and into drafts: people by e-mail (the people
 * picker), teams and perspectives by name, lists comma-separated. Every problem names its field.
 */
final class RoleForms {

  private RoleForms() {}

  static Map<String, String> of(Role role) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("circleId", Long.toString(role.circleId()));
    form.put("name", role.name());
    form.put("purpose", role.purpose());
    form.put("accountabilities", role.accountabilities());
    form.put("decisionTypes", String.join(", ", role.decisionTypes()));
    form.put("perspectives", String.join(", ", role.perspectives()));
    form.put("hoursPerWeek", role.hoursPerWeek().toPlainString());
    form.put("seats", Integer.toString(role.seats()));
    form.put("until", role.until() == null ? "" : role.until().toString());
    form.put("whyItMatters", role.whyItMatters());
    form.put("whatYouLearn", role.whatYouLearn());
    return form;
  }

  static RoleDrafts.RoleDraft role(Map<String, String> form, Long circleId, Directory directory) {
    List<FieldProblem> problems = new ArrayList<>();
    BigDecimal hours = number(form, "hoursPerWeek", problems);
    BigDecimal seats = number(form, "seats", problems);
    LocalDate until = date(form, "until", problems);
    List<String> perspectives = perspectives(form.get("perspectives"), directory, problems);
    throwIfAny(problems);
    Integer seatCount = null;
    if (seats != null) {
      try {
        seatCount = seats.intValueExact();
      } catch (ArithmeticException e) {
        throw new InvalidInputException("seats", "Give a whole number of seats.");
      }
    }
    return new RoleDrafts.RoleDraft(
        circleId,
        form.get("name"),
        form.get("purpose"),
        form.get("accountabilities"),
        list(form.get("decisionTypes")),
        perspectives,
        hours,
        seatCount,
        until,
        "on".equals(form.get("open")) || "true".equals(form.get("open")),
        form.get("whyItMatters"),
        form.get("whatYouLearn"));
  }

  static RoleDrafts.ApplicationDraft application(Map<String, String> form, Directory directory) {
    List<FieldProblem> problems = new ArrayList<>();
    BigDecimal hours = number(form, "hoursPerWeek", problems);
    LocalDate until = date(form, "until", problems);
    List<String> perspectives = perspectives(form.get("perspectives"), directory, problems);
    List<Long> people = people(form.get("networkPeople"), "networkPeople", directory, problems);
    List<Long> teams = new ArrayList<>();
    for (String name : list(form.get("networkTeams"))) {
      directory
          .findTeamByName(name)
          .map(Team::id)
          .ifPresentOrElse(
              teams::add,
              () ->
                  problems.add(new FieldProblem("networkTeams", "There is no team " + name + ".")));
    }
    throwIfAny(problems);
    return new RoleDrafts.ApplicationDraft(
        form.get("passion"), perspectives, form.get("knowledge"), people, teams, hours, until);
  }

  static RoleDrafts.MatchDraft match(Map<String, String> form) {
    List<FieldProblem> problems = new ArrayList<>();
    BigDecimal hours = number(form, "hoursPerWeek", problems);
    LocalDate until = date(form, "until", problems);
    throwIfAny(problems);
    return new RoleDrafts.MatchDraft(hours, until, form.get("commitment"));
  }

  static RoleDrafts.TimeDraft time(Map<String, String> form) {
    List<FieldProblem> problems = new ArrayList<>();
    BigDecimal hours = number(form, "hoursPerWeek", problems);
    RoleApplication.TimeAnswerKind answer = null;
    try {
      String typed = form.getOrDefault("answer", "");
      answer = typed.isBlank() ? null : RoleApplication.TimeAnswerKind.valueOf(typed);
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem("answer", "Confirm the time, adjust it, or ask to talk."));
    }
    throwIfAny(problems);
    return new RoleDrafts.TimeDraft(answer, hours, form.get("note"));
  }

  static RoleDrafts.ProfileDraft profile(Map<String, String> form) {
    List<FieldProblem> problems = new ArrayList<>();
    BigDecimal hours = number(form, "hoursAvailable", problems);
    throwIfAny(problems);
    return new RoleDrafts.ProfileDraft(
        "on".equals(form.get("openToRoles")) || "true".equals(form.get("openToRoles")),
        list(form.get("interests")),
        hours);
  }

  static List<String> list(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return List.of(text.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static List<String> perspectives(
      String text, Directory directory, List<FieldProblem> problems) {
    List<String> codes = new ArrayList<>();
    List<Perspective> known = directory.perspectives();
    for (String typed : list(text)) {
      known.stream()
          .filter(p -> p.code().equalsIgnoreCase(typed) || p.name().equalsIgnoreCase(typed))
          .map(Perspective::code)
          .findFirst()
          .ifPresentOrElse(
              codes::add,
              () ->
                  problems.add(
                      new FieldProblem("perspectives", "There is no perspective " + typed + ".")));
    }
    return codes;
  }

  static List<Long> people(
      String text, String field, Directory directory, List<FieldProblem> problems) {
    return directory.resolvePeople(text, field, problems);
  }

  private static BigDecimal number(
      Map<String, String> form, String field, List<FieldProblem> problems) {
    String text = form.getOrDefault(field, "");
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.strip().replace(',', '.'));
    } catch (NumberFormatException e) {
      problems.add(new FieldProblem(field, "Write a number, such as 2.5."));
      return null;
    }
  }

  private static LocalDate date(
      Map<String, String> form, String field, List<FieldProblem> problems) {
    String text = form.getOrDefault(field, "");
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "Write a date as YYYY-MM-DD."));
      return null;
    }
  }

  private static void throwIfAny(List<FieldProblem> problems) {
    InvalidInputException.throwIfAny(problems);
  }
}
