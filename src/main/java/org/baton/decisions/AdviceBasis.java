package org.baton.decisions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.baton.directory.Organisation;
import org.baton.platform.FieldProblem;

/**
 * What satisfies a rule's advice requirement: for each perspective the rule names, advice actually
 * given by someone who has that perspective, either on an advice request the decider asked (and
 * links), or named by the decider as given to them (by phone, in person), who is then told and may
 * dispute it. Free text alone never satisfies it. A decider cannot advise herself, nor can the
 * person who asked her to decide; a named adviser must be an active person.
 *
 * @param named the named advisers, each with the required perspectives they cover
 * @param onRequest those who advised on the linked request, each with the perspectives they cover
 */
record AdviceBasis(List<Adviser> named, Long requestId, List<Adviser> onRequest) {

  /** Someone whose advice the decision rests on, and which required perspectives they cover. */
  record Adviser(long personId, String name, List<String> perspectives) {}

  static final AdviceBasis NONE = new AdviceBasis(List.of(), null, List.of());

  /**
   * The basis for a decision, or the problems that keep it from being one: every required
   * perspective covered, every named adviser an active person other than the decider.
   */
  static Result of(
      long deciderId,
      Long requesterId,
      List<String> required,
      List<Long> namedIds,
      Long requestId,
      List<Long> requestAdviserIds,
      Function<Long, Optional<Organisation.Member>> people) {
    List<FieldProblem> problems = new ArrayList<>();
    List<Adviser> named = new ArrayList<>();
    for (long id : namedIds) {
      Optional<Organisation.Member> member = people.apply(id).filter(Organisation.Member::active);
      if (member.isEmpty()) {
        problems.add(new FieldProblem("advisers", "Name active people as your advisers."));
      } else if (id == deciderId) {
        problems.add(new FieldProblem("advisers", "You cannot be your own adviser."));
      } else if (requesterId != null && id == requesterId) {
        problems.add(
            new FieldProblem("advisers", "Whoever asks for the decision cannot be its adviser."));
      } else {
        named.add(adviser(member.get(), required));
      }
    }
    List<Adviser> onRequest = new ArrayList<>();
    for (long id : requestAdviserIds) {
      people.apply(id).ifPresent(member -> onRequest.add(adviser(member, required)));
    }
    Set<String> covered = new LinkedHashSet<>();
    named.forEach(a -> covered.addAll(a.perspectives()));
    onRequest.forEach(a -> covered.addAll(a.perspectives()));
    List<String> missing = required.stream().filter(p -> !covered.contains(p)).toList();
    if (!missing.isEmpty()) {
      problems.add(
          new FieldProblem(
              "advisers",
              "This needs advice from "
                  + String.join(" and ", missing)
                  + " first: ask for it, or name who gave it to you (someone with that"
                  + " perspective)."));
    }
    return new Result(new AdviceBasis(named, requestId, onRequest), problems);
  }

  /** A basis, or why there is none. */
  record Result(AdviceBasis basis, List<FieldProblem> problems) {}

  /** Whose advice the decision rests on, in words, for the record. */
  String statement() {
    List<String> parts = new ArrayList<>();
    if (!named.isEmpty()) {
      parts.add(
          "Advice named by the decider: "
              + String.join(", ", named.stream().map(AdviceBasis::describe).toList()));
    }
    List<Adviser> counted = onRequest.stream().filter(a -> !a.perspectives().isEmpty()).toList();
    if (requestId != null && !counted.isEmpty()) {
      parts.add(
          "Advice on advice request #"
              + requestId
              + ": "
              + String.join(", ", counted.stream().map(AdviceBasis::describe).toList()));
    }
    return String.join(". ", parts);
  }

  private static String describe(Adviser adviser) {
    return adviser.perspectives().isEmpty()
        ? adviser.name()
        : adviser.name() + " (" + String.join(", ", adviser.perspectives()) + ")";
  }

  private static Adviser adviser(Organisation.Member member, List<String> required) {
    return new Adviser(
        member.id(),
        member.name(),
        required.stream().filter(p -> member.perspectives().contains(p)).toList());
  }
}
