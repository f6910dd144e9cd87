package org.baton.learning;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.authority.AuthorityAdministration;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.Htmx;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
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
 * check, initiative and advice pages load, report-outs, rounds and the live feed.
 */
@Controller
class LearningController {

  private static final int ACTION_ROWS = 3;

  private final LearningReviews reviews;
  private final LearningLibrary library;
  private final SimilarLearnings similar;
  private final ReportOuts reportOuts;
  private final LearningResponses responses;
  private final LearningFeed feed;
  private final Directory directory;
  private final AuthorityAdministration authority;

  private final org.baton.authority.KindsOfDecision kinds;
  private final org.baton.decisions.DecisionRecord decisions;

  LearningController(
      LearningReviews reviews,
      LearningLibrary library,
      SimilarLearnings similar,
      ReportOuts reportOuts,
      LearningResponses responses,
      LearningFeed feed,
      Directory directory,
      AuthorityAdministration authority,
      org.baton.authority.KindsOfDecision kinds,
      org.baton.decisions.DecisionRecord decisions) {
    this.kinds = kinds;
    this.decisions = decisions;
    this.reviews = reviews;
    this.library = library;
    this.similar = similar;
    this.reportOuts = reportOuts;
    this.responses = responses;
    this.feed = feed;
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
                  date(from, "from"),
                  date(to, "to"),
                  sort(sort))));
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
      Model model) {
    try {
      List<FieldProblem> problems = new ArrayList<>();
      List<ReviewDraft.ActionDraft> actions = new ArrayList<>();
      for (int i = 0; i < ACTION_ROWS; i++) {
        String owner = at(actionOwner, i);
        String description = at(actionDescription, i);
        String due = at(actionDue, i);
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
      List<Long> decisionIds = ids(form.get("decisionIds"), "decisionIds", problems);
      List<Long> initiativeIds = ids(form.get("initiativeIds"), "initiativeIds", problems);
      List<Long> adviceIds = ids(form.get("adviceRequestIds"), "adviceRequestIds", problems);
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
              list(form.getOrDefault("decisionTypes", "")).stream().map(kinds::codeFor).toList(),
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
    } catch (InvalidInputException e) {
      model.addAttribute("form", form);
      model.addAttribute("chosenFactors", factors == null ? List.of() : factors);
      model.addAttribute("chosenPerspectives", perspectives == null ? List.of() : perspectives);
      model.addAttribute("actionOwner", actionOwner);
      model.addAttribute("actionDescription", actionDescription);
      model.addAttribute("actionDue", actionDue);
      model.addAttribute("errors", e.byField());
      return newReview(me, null, null, null, model);
    }
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
    model.addAttribute("marks", marks(me, LearningKind.REVIEW, id));
    model.addAttribute("ref", review.ref());
    model.addAttribute("helped", review.helpedCount());
    model.addAttribute("decisionTitles", reviews.decisionTitles(me, review));
    return Htmx.view(request, "learning/review", "comments");
  }

  @PostMapping("/learning/reviews/{id}/publish")
  String publish(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, RedirectAttributes redirect) {
    try {
      reviews.publish(me, id);
      redirect.addFlashAttribute("message", "Published. The owners of its actions are told.");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("errors", e.byField());
    }
    return "redirect:/learning/reviews/" + id;
  }

  @PostMapping("/learning/reviews/{id}/actions/{actionId}/done")
  String actionDone(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long actionId,
      @RequestParam(defaultValue = "") String note,
      RedirectAttributes redirect) {
    try {
      reviews.markActionDone(me, id, actionId, note);
      redirect.addFlashAttribute("message", "Marked done.");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("errors", e.byField());
    }
    return "redirect:/learning/reviews/" + id;
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
    LearningKind.Ref ref = ref(kind, id);
    try {
      responses.comment(me, ref, body);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("errors", e.byField());
      redirect.addFlashAttribute("commentFor", ref.toString());
      redirect.addFlashAttribute("commentBody", body);
    }
    return "redirect:" + (back.equals("feed") ? "/learning/feed" : path(ref));
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
    LearningKind.Ref ref = ref(kind, id);
    LearningResponses.Mark chosen =
        Arrays.stream(LearningResponses.Mark.values())
            .filter(m -> m.name().equals(mark))
            .findFirst()
            .orElse(null);
    int helped;
    try {
      helped = responses.mark(me, ref, chosen);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("errors", e.byField());
      return "redirect:" + path(ref);
    }
    if (!Htmx.isFragmentRequest(request)) {
      return "redirect:" + path(ref);
    }
    model.addAttribute("ref", ref.toString());
    model.addAttribute("helped", helped);
    model.addAttribute("marks", marks(me, ref.kind(), ref.id()));
    return "learning/similar :: marks";
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
    List<SimilarLearnings.Similar> found = similar.find(me, words, type, list(perspectives));
    model.addAttribute("similar", found);
    model.addAttribute(
        "allMarks",
        me.personId() == null
            ? Map.of()
            : responses.marksOf(
                me.personId(),
                found.stream().map(s -> LearningKind.Ref.parse(s.ref()).orElseThrow()).toList()));
    return "learning/similar :: similar";
  }

  @GetMapping("/learning/feed")
  String feed(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(required = false) Long team,
      @RequestParam(defaultValue = "") String tag,
      @RequestParam(defaultValue = "false") boolean following,
      @RequestParam(required = false) String after,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("team", team);
    model.addAttribute("tag", tag);
    model.addAttribute("following", following);
    model.addAttribute("feed", feed.page(me, new LearningFeed.Filter(team, tag, following), after));
    model.addAttribute("teams", directory.teams());
    if (!Htmx.isFragmentRequest(request)) {
      model.addAttribute("rounds", reportOuts.roundsFor(me));
      model.addAttribute("followed", directory.names(feed.following(me)));
    }
    return Htmx.view(request, "learning/feed", "entries");
  }

  @PostMapping("/learning/follow")
  String follow(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "") String person,
      @RequestParam(defaultValue = "true") boolean follow,
      RedirectAttributes redirect) {
    try {
      long id = directory.resolvePerson(person, "person").id();
      feed.follow(me, id, follow);
      redirect.addFlashAttribute(
          "message", follow ? "Following: their learnings show in your feed." : "Unfollowed.");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("errors", e.byField());
    }
    return "redirect:/learning/feed";
  }

  @GetMapping("/report-outs/new")
  String newReportOut(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(required = false) Long round,
      Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of("roundId", round == null ? "" : round.toString()));
    }
    model.addAttribute("teams", directory.teams());
    if (round != null) {
      model.addAttribute("round", reportOuts.round(me, round));
    }
    return "learning/report-out-form";
  }

  @PostMapping("/report-outs")
  String postReportOut(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam Map<String, String> form,
      @RequestParam(required = false) List<Long> teamIds,
      Model model) {
    try {
      Long round = blank(form.get("roundId")) ? null : parseId(form.get("roundId"), "roundId");
      ReportOut posted =
          reportOuts.post(
              me,
              new ReportOuts.Draft(
                  form.get("title"),
                  form.get("body"),
                  list(form.getOrDefault("tags", "")),
                  teamIds,
                  round));
      return "redirect:/report-outs/" + posted.id();
    } catch (InvalidInputException e) {
      model.addAttribute("form", form);
      model.addAttribute("chosenTeams", teamIds == null ? List.of() : teamIds);
      model.addAttribute("errors", e.byField());
      return newReportOut(me, null, model);
    }
  }

  @GetMapping("/report-outs/{id}")
  String reportOut(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      HttpServletRequest request,
      Model model) {
    ReportOut post = reportOuts.find(me, id);
    model.addAttribute("o", post);
    model.addAttribute("comments", post.comments());
    model.addAttribute("ref", post.ref());
    model.addAttribute("helped", post.helpedCount());
    model.addAttribute("marks", marks(me, LearningKind.REPORT_OUT, id));
    model.addAttribute("teamNames", teamNames());
    return Htmx.view(request, "learning/report-out", "comments");
  }

  @GetMapping("/learning/rounds/new")
  String newRound(@AuthenticationPrincipal BatonUser me, Model model) {
    model.addAttribute(
        "ledTeams",
        me.personId() == null
            ? List.of()
            : directory.organisation().teamsLedBy(me.personId()).stream()
                .map(directory::team)
                .toList());
    return "learning/round-form";
  }

  @PostMapping("/learning/rounds")
  String startRound(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(required = false) Long teamId,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String due,
      Model model) {
    try {
      ReportOuts.Round round = reportOuts.startRound(me, teamId, title, date(due, "due"));
      return "redirect:/learning/rounds/" + round.id();
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.byField());
      model.addAttribute("title", title);
      model.addAttribute("due", due);
      model.addAttribute("teamId", teamId);
      return newRound(me, model);
    }
  }

  /** A round and who has posted; refreshed live as posts arrive. */
  @GetMapping("/learning/rounds/{id}")
  String round(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("round", reportOuts.round(me, id));
    return Htmx.view(request, "learning/round", "posts");
  }

  private void filters(Model model) {
    model.addAttribute("factors", reviews.factorCodes());
    model.addAttribute("types", authority.types());
    model.addAttribute("allPerspectives", directory.perspectives());
    model.addAttribute("teams", directory.teams());
  }

  private Map<Long, String> teamNames() {
    Map<Long, String> names = new java.util.HashMap<>();
    directory.teams().forEach(t -> names.put(t.id(), t.name()));
    return names;
  }

  private Set<String> marks(BatonUser me, LearningKind kind, long id) {
    return marks(me, List.of(new LearningKind.Ref(kind, id))).getOrDefault(kind.ref(id), Set.of());
  }

  /** The reader's marks by learning ({@code review-12}), as names the pages compare. */
  private Map<String, Set<String>> marks(BatonUser me, List<LearningKind.Ref> refs) {
    Map<String, Set<String>> names = new java.util.HashMap<>();
    if (me.personId() != null) {
      responses
          .marksOf(me.personId(), refs)
          .forEach(
              (ref, marks) ->
                  names.put(
                      ref,
                      marks.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet())));
    }
    return names;
  }

  static String path(LearningKind.Ref ref) {
    return ref.kind() == LearningKind.REVIEW
        ? "/learning/reviews/" + ref.id()
        : "/report-outs/" + ref.id();
  }

  static LearningKind.Ref ref(String kind, long id) {
    return LearningKind.fromSlug(kind)
        .map(k -> new LearningKind.Ref(k, id))
        .orElseThrow(() -> new NotFoundException("No kind of learning " + kind + "."));
  }

  static LocalDate date(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "Enter a date as yyyy-mm-dd.");
    }
  }

  static String sort(String sort) {
    if (sort == null || sort.isBlank()) {
      return null;
    }
    if (!Set.of("relevance", "date", "helped").contains(sort)) {
      throw new InvalidInputException("sort", "Sort by relevance, date or helped.");
    }
    return sort;
  }

  static List<String> list(String text) {
    return text == null
        ? List.of()
        : Arrays.stream(text.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
  }

  private static List<Long> ids(String text, String field, List<FieldProblem> problems) {
    List<Long> ids = new ArrayList<>();
    for (String part : list(text)) {
      try {
        ids.add(Long.parseLong(part.replace("#", "")));
      } catch (NumberFormatException e) {
        problems.add(new FieldProblem(field, "Give numbers separated by commas, such as 12, 14."));
      }
    }
    return ids;
  }

  private static long parseId(String text, String field) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, "Not a number.");
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String at(List<String> values, int i) {
    return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
  }
}
