package org.baton.initiatives;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import org.baton.platform.FieldProblem;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;

/**
 * What an initiative, a comment, a hand-over, a supporter and a change of status must be. Every
 * problem is collected with its field; the facts a rule needs are handed in, so that these are
 * plain functions. Who may do each is {@link InitiativesPermissions}' question, asked first.
 */
final class InitiativeRules {

  private InitiativeRules() {}

  /** What a new initiative is checked against. */
  record Known(
      Set<Long> teams, LongPredicate currentPriorities, LongPredicate adoptedContributions) {}

  static List<FieldProblem> start(
      String title,
      String description,
      String location,
      List<Long> teamIds,
      Long priorityId,
      Long contributionId,
      Known known) {
    List<FieldProblem> problems = new ArrayList<>();
    TextRules.required(
        "title", title, TextLimits.NAME, "Say in a few words what you spotted.", problems);
    TextRules.optional("description", description, TextLimits.ANY, problems);
    TextRules.optional("location", location, TextLimits.NAME, problems);
    if (teamIds != null && !known.teams().containsAll(teamIds)) {
      problems.add(new FieldProblem("teamIds", "Choose existing teams."));
    }
    if (priorityId != null && !known.currentPriorities().test(priorityId)) {
      problems.add(new FieldProblem("priorityId", "Choose one of the current priorities."));
    }
    if (contributionId != null && !known.adoptedContributions().test(contributionId)) {
      problems.add(
          new FieldProblem("contributionId", "Only an adopted contribution is carried out."));
    }
    return problems;
  }

  static List<FieldProblem> comment(String body) {
    List<FieldProblem> problems = new ArrayList<>();
    TextRules.required("body", body, TextLimits.ANY, "Write something first.", problems);
    return problems;
  }

  /** A done or dropped initiative is no longer led, joined or changed. */
  static List<FieldProblem> open(Initiative initiative) {
    return initiative.status().isFinal()
        ? List.of(
            new FieldProblem(
                "status", "This initiative is " + initiative.status().label().toLowerCase() + "."))
        : List.of();
  }

  /** The baton pass goes to someone else who is still with the company. */
  static List<FieldProblem> handOver(Initiative initiative, long to, boolean toActive) {
    List<FieldProblem> problems = new ArrayList<>(open(initiative));
    if (to == initiative.leaderId()) {
      problems.add(new FieldProblem("to", "You already lead this; choose someone else."));
    } else if (!toActive) {
      problems.add(
          new FieldProblem("to", "Hand the lead to someone who is still with the company."));
    }
    return problems;
  }

  static List<FieldProblem> join(Initiative initiative, long person) {
    List<FieldProblem> problems = new ArrayList<>(open(initiative));
    if (initiative.isLeader(person)) {
      problems.add(new FieldProblem("person", "You lead this initiative already."));
    } else if (initiative.isSupporter(person)) {
      problems.add(new FieldProblem("person", "You support this initiative already."));
    }
    return problems;
  }

  /** A new status, other than today's; done says what came of it, dropped says why. */
  static List<FieldProblem> statusChange(
      Initiative initiative, InitiativeStatus next, String note) {
    if (next == null) {
      return List.of(new FieldProblem("status", "Choose a status."));
    }
    List<FieldProblem> problems = new ArrayList<>(open(initiative));
    if (problems.isEmpty() && next == initiative.status()) {
      problems.add(
          new FieldProblem(
              "status", "It is " + initiative.status().label().toLowerCase() + " already."));
    }
    boolean noNote = note == null || note.isBlank();
    if (next == InitiativeStatus.DONE && noNote) {
      problems.add(new FieldProblem("note", "Say what came of it: the outcome."));
    }
    if (next == InitiativeStatus.DROPPED && noNote) {
      problems.add(new FieldProblem("note", "Say why it is dropped."));
    }
    TextRules.optional("note", note, TextLimits.ANY, problems);
    return problems;
  }
}
