package org.baton.learning;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.baton.authority.AuthorityAdministration;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.Forms;
import org.baton.platform.Htmx;
import org.baton.platform.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The learning pages: the library, writing and reading reviews, the similar-learnings fragment the
 * check, initiative and advice pages load, comments and marks. Report-outs, rounds and the feed are
 * {@link ReportOutsController}'s.
 */
@Controller
class LearningController {

  private static final int ACTION_ROWS = 3;

  private final LearningReviews reviews;
  private final LearningLibrary library;
  private final SimilarBesideTheCheck similarBeside;
  private final LearningResponses responses;
  private final Directory directory;
  private final AuthorityAdministration authority;

  private final org.baton.authority.KindsOfDecision kinds;
  private final org.baton.decisions.DecisionRecord decisions;

  LearningController(
      LearningReviews reviews,
      LearningLibrary library,
      SimilarBesideTheCheck similarBeside,
      LearningResponses responses,
      Directory directory,
      AuthorityAdministration authority,
      org.baton.authority.KindsOfDecision kinds,
      org.baton.decisions.DecisionRecord decisions) {
    this.kinds = kinds;
    this.decisions = decisions;
    this.reviews = reviews;
    this.library = library;
    this.similarBeside = similarBeside;
    this.responses = responses;
    this.directory = directory;
    this.authority = authority;
  }

  /** The library: search with filters; results follow the words as they are typed (htmx). */
  @GetMapping("/learning")
  String library(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "") String perspective,
      @RequestParam(required = false) Long team,
      @RequestParam(defaultValue = "") String factor,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(defaultValue = "") String sort,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("q", q);
    model.addAttribute("type", type);
    model.addAttribute("perspective", perspective);
    model.addAttribute("team", team);
    model.addAttribute("factor", factor);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("sort", sort);
    try {
      model.addAttribute(
          "results",
          library.search(
              me,
              new LearningLibrary.Query(
                  q,
                  type,
                  perspective,
                  team,
                  factor,
                  LearningInputs.date(from, "from"),
                  LearningInputs.date(to, "to"),
                  LearningInputs.sort(sort))));
    } catch (InvalidInputException e) {
      model.addAttribute("results", List.of());
      model.addAttribute("errors", e.byField());
    }
    if (!Htmx.isFragmentRequest(request)) {
      filters(model);
      model.addAttribute("myActions", reviews.openActionsOf(me));
      model.addAttribute("drafts", reviews.draftsOf(me));
      model.addAttribute("overdueOnMine", reviews.overdueOnReviewsOf(me));
    }
    return Htmx.view(request, "learning/library", "results");
  }

  @GetMapping("/learning/reviews/new")
  String newReview(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(required = false) Long decision,
      @RequestParam(required = false) Long initiative,
      @RequestParam(required = false) Long advice,
      Model model) {
    if (!model.containsAttribute("form")) {
      // a review opened from a decision starts with the decision and its kind
      String kind =
          decision == null
              ? ""
              : java.util.Objects.requireNonNullElse(
                  decisions.find(me, decision).decisionType(), "");
      model.addAttribute(
          "form",
          Map.of(
              "decisionIds", decision == null ? "" : decision.toString(),
              "initiativeIds", initiative == null ? "" : initiative.toString(),
              "adviceRequestIds", advice == null ? "" : advice.toString(),
              "decisionTypes", kind));
    }
    model.addAttribute("factors", reviews.factorCodes());
    model.addAttribute("types", authority.types());
    model.addAttribute("allPerspectives", directory.perspectives());
    model.addAttribute("rows", java.util.stream.IntStream.range(0, ACTION_ROWS).boxed().toList());
    return "learning/review-form";
  }

  /** The blame hints for what is typed so far (htmx); they never stop a review being saved. */
  @PostMapping("/learning/reviews/hints")
  String hints(@RequestParam Map<String, String> form, Model model) {
    String text =
        String.join(
            "\n",
            form.getOrDefault("title", ""),
            form.getOrDefault("whatHappened", ""),
            form.getOrDefault("whatWeExpected", ""),
            form.getOrDefault("whatWeLearned", ""),
            form.getOrDefault("whatWeWillChange", ""));
    model.addAttribute("hints", reviews.hints(text));
    return "learning/review-form :: hints";
  }

  @PostMapping("/learning/reviews")
  String createReview(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam Map<String, String> form,
      @RequestParam(required = false) List<String> factors,
      @RequestParam(required = false) List<String> perspectives,
      @RequestParam(required = false) List<String> actionOwner,
      @RequestParam(required = false) List<String> actionDescription,
      @RequestParam(required = false) List<String> actionDue,
      RedirectAttributes redirect,
      jakarta.servlet.http.HttpServletResponse response,
      Model model) {
    return Forms.showAgain(
        model,
        response,
        form,
        () -> {
          List<FieldProblem> problems = new ArrayList<>();
          List<ReviewDraft.ActionDraft> actions = new ArrayList<>();
          for (int i = 0; i < ACTION_ROWS; i++) {
            String owner = LearningInputs.at(actionOwner, i);
            String description = LearningInputs.at(actionDescription, i);
            String due = LearningInputs.at(actionDue, i);
            if (owner.isBlank() && description.isBlank() && due.isBlank()) {
              continue;
            }
            LocalDate dueOn = null;
            try {
              dueOn = due.isBlank() ? null : LocalDate.parse(due.strip());
            } catch (DateTimeParseException e) {
              problems.add(
                  new FieldProblem("actions[" + actions.size() + "].due", "Enter the due date."));
            }
            actions.add(new ReviewDraft.ActionDraft(owner, description, dueOn));
          }
          List<Long> decisionIds =
              LearningInputs.ids(form.get("decisionIds"), "decisionIds", problems);
          List<Long> initiativeIds =
              LearningInputs.ids(form.get("initiativeIds"), "initiativeIds", problems);
          List<Long> adviceIds =
              LearningInputs.ids(form.get("adviceRequestIds"), "adviceRequestIds", problems);
          ReviewDraft draft =
              new ReviewDraft(
                  form.get("title"),
                  form.get("whatHappened"),
                  form.get("whatWeExpected"),
                  form.get("whatWeLearned"),
                  form.get("whatWeWillChange"),
                  factors,
                  decisionIds,
                  initiativeIds,
                  adviceIds,
                  // kinds as typed: a name, a word of it or a code
                  LearningInputs.list(form.getOrDefault("decisionTypes", "")).stream()
                      .map(kinds::codeFor)
                      .toList(),
                  perspectives,
                  actions);
          if (!problems.isEmpty()) {
            // what could not be read, and everything else the review would be refused for, at once
            problems.addAll(reviews.problems(me, draft));
            throw new InvalidInputException(problems);
          }
          LearningReview review = reviews.create(me, draft);
          redirect.addFlashAttribute(
              "message", "Saved as a draft: only you see it until you publish it.");
          return "redirect:/learning/reviews/" + review.id();
        },
        () -> {
          model.addAttribute("chosenFactors", factors == null ? List.of() : factors);
          model.addAttribute("chosenPerspectives", perspectives == null ? List.of() : perspectives);
          model.addAttribute("actionOwner", actionOwner);
          model.addAttribute("actionDescription", actionDescription);
          model.addAttribute("actionDue", actionDue);
          return newReview(me, null, null, null, model);
        });
  }

  /** A review; its comments follow the live stream (htmx, same handler). */
  @GetMapping("/learning/reviews/{id}")
  String review(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      HttpServletRequest request,
      Model model) {
    LearningReview review = reviews.find(me, id);
    model.addAttribute("r", review);
    model.addAttribute(
        "comments",
        responses.comments(LearningKind.REVIEW, List.of(id)).getOrDefault(id, List.of()));
    model.addAttribute("marks", responses.markNames(me, LearningKind.REVIEW, id));
    model.addAttribute("ref", review.ref());
    model.addAttribute("helped", review.helpedCount());
    model.addAttribute("decisionTitles", reviews.decisionTitles(me, review));
    return Htmx.view(request, "learning/review", "comments");
  }

  @PostMapping("/learning/reviews/{id}/publish")
  String publish(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, RedirectAttributes redirect) {
    return Forms.back(
        redirect,
        "redirect:/learning/reviews/" + id,
        "Published. The owners of its actions are told.",
        () -> reviews.publish(me, id));
  }

  @PostMapping("/learning/reviews/{id}/actions/{actionId}/done")
  String actionDone(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long actionId,
      @RequestParam(defaultValue = "") String note,
      RedirectAttributes redirect) {
    return Forms.back(
        redirect,
        "redirect:/learning/reviews/" + id,
        "Marked done.",
        () -> reviews.markActionDone(me, id, actionId, note));
  }

  /** Comments on a review or report-out; back to where the comment was written. */
  @PostMapping("/learning/{kind}/{id}/comments")
  String comment(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable String kind,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(defaultValue = "") String back,
      RedirectAttributes redirect) {
    LearningKind.Ref ref = LearningInputs.ref(kind, id);
    String to = "redirect:" + (back.equals("feed") ? "/learning/feed" : LearningInputs.path(ref));
    return Forms.back(
        redirect,
        to,
        Map.of("commentFor", ref.toString(), "commentBody", body),
        () -> {
          responses.comment(me, ref, body);
          return to;
        });
  }

  /**
   * "I read it" or "this helped me". For htmx, the marks again: on the check page they carry the
   * acknowledgement into the decision's form.
   */
  @PostMapping("/learning/{kind}/{id}/marks")
  String mark(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable String kind,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String mark,
      HttpServletRequest request,
      RedirectAttributes redirect,
      Model model) {
    LearningKind.Ref ref = LearningInputs.ref(kind, id);
    LearningResponses.Mark chosen =
        Arrays.stream(LearningResponses.Mark.values())
            .filter(m -> m.name().equals(mark))
            .findFirst()
            .orElse(null);
    String back = "redirect:" + LearningInputs.path(ref);
    return Forms.back(
        redirect,
        back,
        Map.of(),
        () -> {
          int helped = responses.mark(me, ref, chosen);
          if (!Htmx.isFragmentRequest(request)) {
            return back;
          }
          model.addAttribute("ref", ref.toString());
          model.addAttribute("helped", helped);
          model.addAttribute("marks", responses.markNames(me, ref.kind(), ref.id()));
          return "learning/similar :: marks";
        });
  }

  /** Up to three learnings like what is being decided, started or asked (htmx fragment). */
  @GetMapping("/learning/similar")
  String similar(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "") String perspectives,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(defaultValue = "") String question,
      Model model) {
    // the initiative and advice forms send their own fields, which are the text here
    String words = String.join(" ", text, title, description, question).strip();
    similarBeside.addTo(me, words, type, LearningInputs.list(perspectives), model.asMap());
    return "learning/similar :: similar";
  }

  private void filters(Model model) {
    model.addAttribute("factors", reviews.factorCodes());
    model.addAttribute("types", authority.types());
    model.addAttribute("allPerspectives", directory.perspectives());
    model.addAttribute("teams", directory.teams());
  }
}
