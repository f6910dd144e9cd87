package org.baton.learning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.baton.directory.Person;
import org.baton.platform.FieldProblem;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;

/**
 * What a learning review must be, every problem at once with its field. What the rules need to know
 * (the known factors, kinds and perspectives, what the author may see, the action owners as
 * resolved from what was typed) is handed in, so that these are plain functions.
 */
final class ReviewRules {

  private ReviewRules() {}

  /**
   * An action's owner as typed: the person found, or why none was.
   *
   * @param person null when {@code problems} says why
   */
  record Owner(Person person, List<FieldProblem> problems) {}

  /** What a draft is checked against. */
  record Known(
      Set<String> factors,
      Set<String> decisionTypes,
      Set<String> perspectives,
      LocalDate today,
      LongPredicate decisionSeen,
      LongPredicate requestSeen,
      LongPredicate initiativeExists,
      Predicate<Person> ownerSeesAll) {}

  static final String MISSING = "Fill this in.";

  static List<FieldProblem> draft(ReviewDraft draft, List<Owner> owners, Known known) {
    List<FieldProblem> problems = new ArrayList<>();
    TextRules.required("title", draft.title(), TextLimits.NAME, MISSING, problems);
    TextRules.required("whatHappened", draft.whatHappened(), TextLimits.ANY, MISSING, problems);
    TextRules.required("whatWeLearned", draft.whatWeLearned(), TextLimits.ANY, MISSING, problems);
    TextRules.optional("whatWeExpected", draft.whatWeExpected(), TextLimits.ANY, problems);
    TextRules.optional("whatWeWillChange", draft.whatWeWillChange(), TextLimits.ANY, problems);
    draft.factors().stream()
        .filter(f -> !known.factors().contains(f))
        .forEach(f -> problems.add(new FieldProblem("factors", "Unknown factor: " + f + ".")));
    draft.decisionTypes().stream()
        .filter(t -> !known.decisionTypes().contains(t))
        .forEach(
            t ->
                problems.add(
                    new FieldProblem("decisionTypes", "Unknown decision type: " + t + ".")));
    draft.perspectives().stream()
        .filter(p -> !known.perspectives().contains(p))
        .forEach(
            p -> problems.add(new FieldProblem("perspectives", "Unknown perspective: " + p + ".")));
    draft.decisionIds().stream()
        .filter(id -> !known.decisionSeen().test(id))
        .forEach(
            id ->
                problems.add(
                    new FieldProblem("decisionIds", "No decision " + id + " that you may see.")));
    draft.adviceRequestIds().stream()
        .filter(id -> !known.requestSeen().test(id))
        .forEach(
            id ->
                problems.add(
                    new FieldProblem(
                        "adviceRequestIds", "No advice request " + id + " that you may see.")));
    draft.initiativeIds().stream()
        .filter(id -> !known.initiativeExists().test(id))
        .forEach(
            id -> problems.add(new FieldProblem("initiativeIds", "No initiative " + id + ".")));
    for (int i = 0; i < draft.actions().size(); i++) {
      problems.addAll(action(i, draft.actions().get(i), owners.get(i), known));
    }
    return problems;
  }

  private static List<FieldProblem> action(
      int i, ReviewDraft.ActionDraft action, Owner owner, Known known) {
    String field = "actions[" + i + "]";
    List<FieldProblem> problems = new ArrayList<>(owner.problems());
    Person person = owner.person();
    if (person != null && !person.active()) {
      problems.add(new FieldProblem(field + ".owner", person.name() + " has left."));
    } else if (person != null && !known.ownerSeesAll().test(person)) {
      // the owner is told of the review and must be able to open it
      problems.add(
          new FieldProblem(
              field + ".owner", person.name() + " may not see what this review is about."));
    }
    TextRules.required(
        field + ".description", action.description(), TextLimits.REASON, MISSING, problems);
    if (action.due() == null) {
      problems.add(new FieldProblem(field + ".due", "Give a due date."));
    } else if (action.due().isBefore(known.today())) {
      problems.add(new FieldProblem(field + ".due", "The due date is in the past."));
    }
    return problems;
  }

  /** Marking an action done may say how; briefly. */
  static List<FieldProblem> doneNote(String note) {
    List<FieldProblem> problems = new ArrayList<>();
    TextRules.optional("note", note, TextLimits.REASON, problems);
    return problems;
  }
}
