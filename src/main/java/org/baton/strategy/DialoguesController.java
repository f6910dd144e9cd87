package org.baton.strategy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The dialogue pages: the rounds, opening one, a round with its contributions (live: the list is
 * reloaded when anyone contributes, supports or is answered), a contribution with its comments.
 */
@Controller
class DialoguesController {

  private final Dialogues dialogues;
  private final Strategy strategy;
  private final Directory directory;
  private final List<WorkCarryingOutContributions> carrying;

  DialoguesController(
      Dialogues dialogues,
      Strategy strategy,
      Directory directory,
      List<WorkCarryingOutContributions> carrying) {
    this.carrying = carrying;
    this.dialogues = dialogues;
    this.strategy = strategy;
    this.directory = directory;
  }

  @GetMapping("/dialogues")
  String list(@AuthenticationPrincipal BatonUser me, Model model) {
    model.addAttribute("rounds", dialogues.list(me));
    model.addAttribute("editor", strategy.isEditor(me));
    return "strategy/dialogues";
  }

  @GetMapping("/dialogues/new")
  String newRound(@AuthenticationPrincipal BatonUser me, Model model) {
    strategy.requireEditor(me, "open dialogue rounds");
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of());
    }
    return "strategy/dialogue-form";
  }

  @PostMapping("/dialogues")
  String open(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    strategy.requireEditor(me, "open dialogue rounds");
    return Forms.showAgain(
        model,
        response,
        form,
        () -> {
          List<FieldProblem> problems = new ArrayList<>();
          var closeOn = StrategyForms.date(form, "contributionsCloseOn", problems);
          var dueOn = StrategyForms.date(form, "answersDueOn", problems);
          List<Long> leaders =
              StrategyForms.people(form.get("leaders"), "leaders", directory, problems);
          InvalidInputException.throwIfAny(problems);
          List<String> themes =
              List.of(form.getOrDefault("themes", "").split("\\R")).stream()
                  .filter(t -> !t.isBlank())
                  .toList();
          DialogueRound round =
              dialogues.open(
                  me,
                  new DialogueDrafts.RoundDraft(
                      form.get("title"), form.get("description"), closeOn, dueOn, leaders, themes));
          return "redirect:/dialogues/" + round.id();
        },
        () -> newRound(me, model),
        "leaderIds",
        "leaders");
  }

  /**
   * A round and a page of its contributions. The list is the htmx fragment the page reloads when
   * the live stream says the round changed, and when the sort or theme is chosen.
   */
  @GetMapping("/dialogues/{id}")
  String round(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(required = false) Dialogues.Sort sort,
      @RequestParam(required = false) Long theme,
      @RequestParam(defaultValue = "false") boolean unanswered,
      @RequestParam(required = false) String after,
      HttpServletRequest request,
      Model model) {
    DialogueRound round = dialogues.round(me, id);
    model.addAttribute("round", round);
    model.addAttribute("sort", sort == null ? Dialogues.Sort.SUPPORT : sort);
    model.addAttribute("theme", theme);
    model.addAttribute("unanswered", unanswered);
    model.addAttribute(
        "contributions",
        dialogues.contributions(me, id, new Dialogues.Query(sort, theme, unanswered, after, 20)));
    model.addAttribute("leader", dialogues.leads(me, round));
    model.addAttribute("states", Contribution.State.values());
    model.addAttribute("kinds", Contribution.Kind.values());
    if (!Htmx.isFragmentRequest(request)) {
      model.addAttribute("priorities", strategy.currentPriorities());
      model.addAttribute(
          "summaryPriorities",
          round.summaryPriorityIds().stream()
              .map(strategy::priority)
              .flatMap(java.util.Optional::stream)
              .toList());
      model.addAttribute("adopted", round.published() ? dialogues.adopted(me, id) : List.of());
    }
    return Htmx.view(request, "strategy/dialogue", "contributions");
  }

  @PostMapping("/dialogues/{id}/contributions")
  String contribute(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(required = false) Long themeId,
      RedirectAttributes redirect) {
    String back = "redirect:/dialogues/" + id + "?sort=NEWEST";
    return Forms.back(
        redirect,
        back,
        Map.of(
            "body",
            body,
            "typedKind",
            kind,
            "typedTheme",
            themeId == null ? "" : themeId.toString()),
        () -> {
          dialogues.contribute(
              me, id, new DialogueDrafts.ContributionDraft(kind(kind), body, themeId));
          redirect.addFlashAttribute(
              "message", "Thank you: your contribution is in, and will be answered.");
          return back;
        });
  }

  @PostMapping("/dialogues/{id}/contributions/{cid}/support")
  String support(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long cid,
      @RequestParam(defaultValue = "true") boolean on,
      RedirectAttributes redirect) {
    return Forms.back(
        redirect,
        "redirect:/dialogues/" + id + "#contribution-" + cid,
        null,
        () -> dialogues.support(me, id, cid, on));
  }

  @GetMapping("/dialogues/{id}/contributions/{cid}")
  String contribution(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long cid,
      Model model) {
    DialogueRound round = dialogues.round(me, id);
    model.addAttribute("round", round);
    Contribution c = dialogues.contribution(me, id, cid);
    model.addAttribute("c", c);
    model.addAttribute("comments", dialogues.comments(me, id, cid));
    model.addAttribute(
        "carrying", carrying.stream().flatMap(w -> w.carryingOut(cid).stream()).toList());
    model.addAttribute(
        "mayCarryOut",
        me.personId() != null
            && c.answer() != null
            && c.answer().state() == Contribution.State.ADOPTED);
    model.addAttribute("leader", dialogues.leads(me, round));
    model.addAttribute("states", Contribution.State.values());
    return "strategy/contribution";
  }

  @PostMapping("/dialogues/{id}/contributions/{cid}/comments")
  String comment(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long cid,
      @RequestParam(defaultValue = "") String body,
      RedirectAttributes redirect) {
    String back = "redirect:/dialogues/" + id + "/contributions/" + cid;
    return Forms.back(
        redirect,
        back,
        "commentErrors",
        Map.of("typedComment", body),
        () -> {
          dialogues.comment(me, id, cid, body);
          return back;
        },
        "body",
        "comment-body");
  }

  @PostMapping("/dialogues/{id}/contributions/{cid}/answer")
  String answer(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long cid,
      @RequestParam(defaultValue = "") String state,
      @RequestParam(defaultValue = "") String answer,
      RedirectAttributes redirect) {
    Contribution.State chosen =
        java.util.Arrays.stream(Contribution.State.values())
            .filter(s -> s.name().equals(state))
            .findFirst()
            .orElse(null); // the service names the field
    String back = "redirect:/dialogues/" + id + "/contributions/" + cid;
    return Forms.back(
        redirect,
        back,
        Map.of("typedState", state, "typedAnswer", answer),
        () -> {
          dialogues.answer(me, id, cid, new DialogueDrafts.AnswerDraft(chosen, answer));
          redirect.addFlashAttribute("message", "Answered; the contributor is told.");
          return back;
        });
  }

  @PostMapping("/dialogues/{id}/contributions/{cid}/theme")
  String group(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long cid,
      @RequestParam(required = false) Long themeId,
      RedirectAttributes redirect) {
    return Forms.back(
        redirect,
        "redirect:/dialogues/" + id + "/contributions/" + cid,
        null,
        () -> dialogues.group(me, id, cid, themeId));
  }

  @PostMapping("/dialogues/{id}/themes")
  String addTheme(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String name,
      RedirectAttributes redirect) {
    return Forms.back(
        redirect, "redirect:/dialogues/" + id, null, () -> dialogues.addTheme(me, id, name));
  }

  @PostMapping("/dialogues/{id}/publish")
  String publish(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String summary,
      @RequestParam(required = false) List<Long> priorityIds,
      RedirectAttributes redirect) {
    String back = "redirect:/dialogues/" + id;
    return Forms.back(
        redirect,
        back,
        Map.of("summary", summary),
        () -> {
          dialogues.publish(me, id, new DialogueDrafts.PublicationDraft(summary, priorityIds));
          redirect.addFlashAttribute("message", "Published; everyone is told.");
          return back;
        });
  }

  private static Contribution.Kind kind(String kind) {
    try {
      return Contribution.Kind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      return null; // the service names the field
    }
  }
}
