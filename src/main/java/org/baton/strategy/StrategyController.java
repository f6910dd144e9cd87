package org.baton.strategy;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.baton.authority.AuthorityAdministration;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.Forms;
import org.baton.platform.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The strategy pages: the direction, its versions, editing it, priorities and their goals. */
@Controller
class StrategyController {

  /** The parts of the direction an editor changes, each on its own form. */
  private static final List<String> PARTS = List.of("vision", "values", "trade-offs", "priorities");

  private final Strategy strategy;
  private final Directory directory;
  private final AuthorityAdministration authority;
  private final List<WorkServingPriorities> work;

  StrategyController(
      Strategy strategy,
      Directory directory,
      AuthorityAdministration authority,
      List<WorkServingPriorities> work) {
    this.strategy = strategy;
    this.directory = directory;
    this.authority = authority;
    this.work = work;
  }

  @GetMapping("/strategy")
  String direction(@AuthenticationPrincipal BatonUser me, Model model) {
    model.addAttribute("d", strategy.direction());
    model.addAttribute("editor", strategy.isEditor(me));
    model.addAttribute("earlier", false);
    return "strategy/direction";
  }

  @GetMapping("/strategy/versions")
  String versions(Model model) {
    model.addAttribute("versions", strategy.versions());
    return "strategy/versions";
  }

  @GetMapping("/strategy/versions/{number}")
  String version(@AuthenticationPrincipal BatonUser me, @PathVariable int number, Model model) {
    Direction d = strategy.version(number);
    model.addAttribute("d", d);
    model.addAttribute("editor", false);
    model.addAttribute("earlier", d.version() != strategy.direction().version());
    return "strategy/direction";
  }

  @GetMapping("/strategy/edit/{part}")
  String edit(@AuthenticationPrincipal BatonUser me, @PathVariable String part, Model model) {
    if (!PARTS.contains(part)) {
      throw new NotFoundException("No part " + part + " of the strategy.");
    }
    strategy.requireEditor(me, "change the strategy");
    if (!model.containsAttribute("form")) {
      Direction d = strategy.direction();
      model.addAttribute(
          "form",
          switch (part) {
            case "vision" -> StrategyForms.vision(d);
            case "values" -> StrategyForms.values(d);
            case "trade-offs" -> StrategyForms.tradeOffs(d);
            default -> StrategyForms.priorities(d, directory);
          });
    }
    formRows(part, model);
    model.addAttribute("part", part);
    model.addAttribute("types", authority.types());
    return "strategy/edit";
  }

  @PostMapping("/strategy/edit/{part}")
  String save(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable String part,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect,
      HttpServletResponse response,
      Model model) {
    if (!PARTS.contains(part)) {
      throw new NotFoundException("No part " + part + " of the strategy.");
    }
    return Forms.showAgain(
        model,
        response,
        new LinkedHashMap<>(form),
        () -> {
          switch (part) {
            case "vision" ->
                strategy.changeVision(
                    me,
                    new DirectionDrafts.VisionDraft(
                        form.get("vision"), form.get("mission"), form.get("reason")));
            case "values" -> strategy.changeValues(me, StrategyForms.valuesDraft(form));
            case "trade-offs" -> strategy.changeTradeOffs(me, StrategyForms.tradeOffsDraft(form));
            default -> changePriorities(me, form);
          }
          redirect.addFlashAttribute(
              "message", "Saved as a new version. Earlier versions stay readable.");
          return "redirect:/strategy";
        },
        () -> edit(me, part, model));
  }

  /** The priorities as the form lists them; a problem is named by the row it stands in. */
  private void changePriorities(BatonUser me, Map<String, String> form) {
    StrategyForms.prioritiesDraft(form, directory)
        .submitTo(draft -> strategy.changePriorities(me, draft));
  }

  /** A priority: why it matters, its goals with their progress, and recording progress. */
  @GetMapping("/strategy/priorities/{id}")
  String priority(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    Direction.Priority p =
        strategy.priority(id).orElseThrow(() -> new NotFoundException("No priority " + id + "."));
    model.addAttribute("p", p);
    model.addAttribute("current", strategy.isCurrentPriority(id));
    model.addAttribute(
        "mayRecord",
        strategy.isCurrentPriority(id) && (strategy.isEditor(me) || me.isPerson(p.ownerId())));
    Map<Long, List<Direction.Progress>> progress = new LinkedHashMap<>();
    p.goals().forEach(g -> progress.put(g.id(), strategy.progress(g.id())));
    model.addAttribute("progress", progress);
    List<WorkServingPriorities.Work> serving =
        work.stream()
            .flatMap(w -> w.serving(me, id).stream())
            .sorted(java.util.Comparator.comparing(WorkServingPriorities.Work::at).reversed())
            .toList();
    model.addAttribute("serving", serving);
    model.addAttribute(
        "frontLine",
        serving.stream().filter(WorkServingPriorities.Work::ledFromTheFrontLine).count());
    return "strategy/priority";
  }

  @PostMapping("/strategy/goals/{id}/progress")
  String recordProgress(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String value,
      @RequestParam(defaultValue = "") String comment,
      @RequestParam(required = false) Long priority,
      RedirectAttributes redirect) {
    String back =
        priority == null ? "redirect:/strategy" : "redirect:/strategy/priorities/" + priority;
    return Forms.back(
        redirect,
        back,
        Map.of("goal", id),
        () -> {
          strategy.recordProgress(me, id, StrategyForms.number(value), comment);
          redirect.addFlashAttribute("message", "Progress recorded.");
          return back;
        });
  }

  @GetMapping("/admin/strategy-editors")
  String editors(@AuthenticationPrincipal BatonUser me, Model model) {
    strategy.requireAdmin(me);
    model.addAttribute("editors", strategy.editors());
    return "strategy/editors";
  }

  @PostMapping("/admin/strategy-editors")
  String nameEditor(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "") String person,
      RedirectAttributes redirect) {
    String back = "redirect:/admin/strategy-editors";
    return Forms.back(
        redirect,
        back,
        Forms.ERRORS,
        Map.of(),
        () -> {
          Long id = person.isBlank() ? null : directory.resolvePerson(person, "person").id();
          strategy.nameEditor(me, id);
          redirect.addFlashAttribute("message", "Named a strategy editor.");
          return back;
        },
        "personId",
        "person");
  }

  @PostMapping("/admin/strategy-editors/{personId}/remove")
  String removeEditor(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long personId,
      RedirectAttributes redirect) {
    strategy.removeEditor(me, personId);
    redirect.addFlashAttribute("message", "No longer a strategy editor.");
    return "redirect:/admin/strategy-editors";
  }

  /** The rows a form shows: those filled in, and one blank to add. */
  @SuppressWarnings("unchecked")
  private static void formRows(String part, Model model) {
    Map<String, String> form = (Map<String, String>) model.getAttribute("form");
    switch (part) {
      case "values" -> model.addAttribute("rows", range(StrategyForms.rows(form, "values") + 1));
      case "trade-offs" ->
          model.addAttribute("rows", range(StrategyForms.rows(form, "tradeOffs") + 1));
      case "priorities" -> {
        int priorities = StrategyForms.rows(form, "priorities") + 1;
        List<List<Integer>> goals = new ArrayList<>();
        for (int i = 0; i < priorities; i++) {
          goals.add(range(StrategyForms.rows(form, "priorities[" + i + "].goals") + 1));
        }
        model.addAttribute("rows", range(priorities));
        model.addAttribute("goalRows", goals);
      }
      default -> {}
    }
  }

  private static List<Integer> range(int n) {
    return IntStream.range(0, n).boxed().toList();
  }
}
