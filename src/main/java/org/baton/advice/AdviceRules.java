package org.baton.advice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import org.baton.directory.Organisation;
import org.baton.directory.Perspective;
import org.baton.platform.FieldProblem;
import org.baton.platform.TextLimits;
import org.baton.platform.TextRules;

/**
 * What an advice request, a piece of advice and a closing note must be. Every problem is collected
 * with its field, so that a form marks them all at once and nothing is written while any remains;
 * the facts a rule needs (today, the known perspectives and kinds of decision, the current
 * priorities, the organisation) are handed in, so that these are plain functions.
 */
final class AdviceRules {

  private AdviceRules() {}

  /** The facts an ask is checked against. */
  record Known(
      Instant now,
      Set<String> perspectives,
      Predicate<String> decisionTypes,
      LongPredicate currentPriorities) {}

  /**
   * Everything wrong with an ask apart from its panel ({@link #panel}).
   *
   * @param perspectives the ask's perspectives as codes ({@link #codes})
   */
  static List<FieldProblem> ask(AdviceService.Ask ask, List<String> perspectives, Known known) {
    List<FieldProblem> problems = new ArrayList<>();
    TextRules.required(
        "question", ask.question(), TextLimits.ANY, "Put your question or proposal.", problems);
    TextRules.optional("context", ask.context(), TextLimits.ANY, problems);
    if (ask.deadline() == null) {
      problems.add(new FieldProblem("deadline", "Give a deadline for the advice."));
    } else if (!ask.deadline().isAfter(known.now())) {
      problems.add(new FieldProblem("deadline", "The deadline is in the past."));
    }
    perspectives.stream()
        .filter(p -> !known.perspectives().contains(p))
        .forEach(
            p -> problems.add(new FieldProblem("perspectives", "Unknown perspective: " + p + ".")));
    String decisionType = TextRules.orNull(ask.decisionType());
    if (decisionType != null && !known.decisionTypes().test(decisionType)) {
      problems.add(
          new FieldProblem(
              "decisionType", "Choose a kind of decision from the list, or leave it empty."));
    }
    if (ask.priorityId() != null && !known.currentPriorities().test(ask.priorityId())) {
      problems.add(new FieldProblem("priorityId", "Choose one of the current priorities."));
    }
    return problems;
  }

  /**
   * The panel an ask gets: the proposed one when the asker chose nobody, else the people chosen
   * (active, not the asker), each with the perspective Baton proposed them for, if it did.
   */
  static List<AdviceRequest.PanelMember> panel(
      List<Long> chosen,
      List<PanelProposal.Member> proposed,
      long asker,
      Organisation org,
      List<FieldProblem> problems) {
    if (chosen == null) {
      if (proposed.isEmpty()) {
        problems.add(
            new FieldProblem(
                "panel", "Nobody covers these perspectives; choose advisers yourself."));
      }
      return proposed.stream()
          .map(m -> new AdviceRequest.PanelMember(m.personId(), m.perspective(), m.reason()))
          .toList();
    }
    List<AdviceRequest.PanelMember> panel = new ArrayList<>();
    for (Long id : chosen.stream().distinct().toList()) {
      Optional<Organisation.Member> member = org.member(id).filter(Organisation.Member::active);
      if (member.isEmpty()) {
        problems.add(new FieldProblem("panel", "Choose active people for the panel."));
      } else if (id == asker) {
        problems.add(new FieldProblem("panel", "You cannot advise yourself."));
      } else {
        PanelProposal.Member suggested =
            proposed.stream().filter(p -> p.personId() == id).findFirst().orElse(null);
        panel.add(
            suggested != null
                ? new AdviceRequest.PanelMember(id, suggested.perspective(), suggested.reason())
                : new AdviceRequest.PanelMember(id, null, "Chosen by the asker"));
      }
    }
    if (panel.isEmpty() && problems.isEmpty()) {
      problems.add(new FieldProblem("panel", "Choose at least one adviser."));
    }
    return panel;
  }

  /** Everything wrong with a piece of advice: a stance, reasons, and conditions when it has any. */
  static List<FieldProblem> advice(Stance stance, String reasons, String conditions) {
    List<FieldProblem> problems = new ArrayList<>();
    if (stance == null) {
      problems.add(new FieldProblem("stance", "Choose your stance."));
    }
    TextRules.required("reasons", reasons, TextLimits.ANY, "Give your reasons.", problems);
    String terms = TextRules.optional("conditions", conditions, TextLimits.ANY, problems);
    if (stance == Stance.SUPPORT_WITH_CONDITIONS && terms.isEmpty()) {
      problems.add(new FieldProblem("conditions", "Name your conditions."));
    }
    return problems;
  }

  /** Closing without a decision says why. */
  static List<FieldProblem> noDecisionNote(String note) {
    List<FieldProblem> problems = new ArrayList<>();
    TextRules.required("note", note, TextLimits.ANY, "Say why no decision was needed.", problems);
    return problems;
  }

  /** Perspectives as typed or chosen, as their codes, each once. */
  static List<String> codes(List<String> perspectives) {
    return perspectives == null
        ? List.of()
        : perspectives.stream()
            .map(String::strip)
            .filter(p -> !p.isEmpty())
            .map(Perspective::codeFor)
            .distinct()
            .toList();
  }
}
