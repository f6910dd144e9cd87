package org.baton.initiatives;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.Forms;
import org.baton.platform.Htmx;
import org.baton.platform.KeyedPage;
import org.baton.strategy.Dialogues;
import org.baton.strategy.Strategy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Initiatives: the list and board, spotting one, and everything done on one. */
@Controller
class InitiativesController {

  static final int PAGE_SIZE = 20;

  private final Initiatives initiatives;
  private final Directory directory;

  private final Strategy strategy;
  private final Dialogues dialogues;

  InitiativesController(
      Initiatives initiatives, Directory directory, Strategy strategy, Dialogues dialogues) {
    this.dialogues = dialogues;
    this.initiatives = initiatives;
    this.directory = directory;
    this.strategy = strategy;
  }

  @GetMapping("/initiatives")
  String list(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "mine") String scope,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "") String stalled,
      @RequestParam(required = false) String after,
      HttpServletRequest request,
      Model model) {
    InitiativeStatus wanted = parseStatus(status);
    Integer stalledDays =
        stalled.matches("\\d{1,4}") ? Math.max(1, Integer.parseInt(stalled)) : null;
    KeyedPage<Initiative> found =
        initiatives.list(me, scope, wanted, stalledDays, after, PAGE_SIZE);
    model.addAttribute("initiatives", found);
    model.addAttribute(
        "names", directory.names(found.items().stream().map(Initiative::leaderId).toList()));
    model.addAttribute("scope", scope);
    model.addAttribute("status", status);
    model.addAttribute("stalled", stalled);
    model.addAttribute("statuses", InitiativeStatus.values());
    return Htmx.view(request, "initiatives/list", "results");
  }

  @GetMapping("/initiatives/board")
  String board(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "all") String scope,
      Model model) {
    Map<InitiativeStatus, List<Initiative>> columns =
        new java.util.EnumMap<>(InitiativeStatus.class);
    for (InitiativeStatus s : InitiativeStatus.values()) {
      columns.put(s, initiatives.list(me, scope, s, null, null, 50).items());
    }
    model.addAttribute("columns", columns);
    model.addAttribute("scope", scope);
    model.addAttribute(
        "names",
        directory.names(
            columns.values().stream().flatMap(List::stream).map(Initiative::leaderId).toList()));
    return "initiatives/board";
  }

  /**
   * The spot form; from an adopted contribution ({@code ?contribution=}), it carries that out and
   * starts with the contribution's words.
   */
  @GetMapping("/initiatives/new")
  String spot(@RequestParam(required = false) Long contribution, Model model) {
    model.addAttribute("teams", directory.teams());
    model.addAttribute("priorities", strategy.currentPriorities());
    Dialogues.Adopted adopted =
        contribution == null ? null : dialogues.adopted(contribution).orElse(null);
    model.addAttribute("contribution", adopted);
    if (adopted != null && !model.containsAttribute("form")) {
      String firstLine = adopted.body().strip().lines().findFirst().orElse("");
      model.addAttribute(
          "form",
          Map.of(
              "title",
              firstLine.length() > 200 ? firstLine.substring(0, 200) : firstLine,
              "description",
              adopted.body(),
              "location",
              ""));
    }
    return "initiatives/new";
  }

  @PostMapping("/initiatives")
  String start(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(defaultValue = "") String location,
      @RequestParam(required = false) List<Long> teamIds,
      @RequestParam(required = false) Long priorityId,
      @RequestParam(required = false) Long contributionId,
      jakarta.servlet.http.HttpServletResponse response,
      Model model) {
    return Forms.showAgain(
        model,
        response,
        null,
        () -> {
          Initiative started =
              initiatives.start(
                  me, title, description, location, null, teamIds, priorityId, contributionId);
          return "redirect:/initiatives/" + started.id() + "?started";
        },
        () -> {
          model.addAttribute(
              "form", Map.of("title", title, "description", description, "location", location));
          model.addAttribute("priorityId", priorityId);
          model.addAttribute("teamIds", teamIds == null ? List.of() : teamIds);
          return spot(contributionId, model);
        });
  }

  @GetMapping("/initiatives/{id}")
  String show(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    Initiatives.View view = initiatives.view(me, id);
    model.addAttribute("view", view);
    model.addAttribute("i", view.initiative());
    model.addAttribute(
        "priority",
        view.initiative().priorityId() == null
            ? null
            : strategy.priority(view.initiative().priorityId()).orElse(null));
    Long contribution = view.initiative().contributionId();
    model.addAttribute(
        "contributionLink",
        contribution == null
            ? null
            : dialogues
                .roundOf(contribution)
                .map(round -> "/dialogues/" + round + "/contributions/" + contribution)
                .orElse(null));
    model.addAttribute(
        "statuses",
        Arrays.stream(InitiativeStatus.values())
            .filter(s -> s != view.initiative().status())
            .toList());
    return "initiatives/show";
  }

  @PostMapping("/initiatives/{id}/join")
  String join(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, RedirectAttributes redirect) {
    return act(
        id, redirect, () -> initiatives.join(me, id), "You support this initiative.", Typed.NONE);
  }

  @PostMapping("/initiatives/{id}/handover")
  String handOver(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(defaultValue = "") String note,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () -> initiatives.handOver(me, id, to, note),
        "You handed the lead over; you support it now.",
        new Typed("handover", Map.of("to", to, "note", note), "note", "handover-note"));
  }

  @PostMapping("/initiatives/{id}/pickup")
  String pickUp(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () -> initiatives.pickUp(me, id, "Picked up an unattended initiative"),
        "You lead it now.",
        Typed.NONE);
  }

  @PostMapping("/initiatives/{id}/status")
  String status(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "") String note,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () -> initiatives.changeStatus(me, id, parseStatus(status), note),
        "Status changed.",
        new Typed("status", Map.of("status", status, "note", note), "note", "status-note"));
  }

  @PostMapping("/initiatives/{id}/comments")
  String comment(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(defaultValue = "false") boolean offerOfHelp,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () -> initiatives.comment(me, id, body, offerOfHelp),
        null,
        new Typed(
            "comment", Map.of("body", body, "offerOfHelp", String.valueOf(offerOfHelp)), "", ""));
  }

  /** A status from a form or link; anything unknown is no status at all. */
  static InitiativeStatus parseStatus(String text) {
    return Arrays.stream(InitiativeStatus.values())
        .filter(s -> s.name().equals(text))
        .findFirst()
        .orElse(null);
  }

  /**
   * What was typed into one of the page's forms, kept when it is refused; {@code field} is named
   * {@code onThePage} there (the page has two notes), so that its message stands under it.
   */
  record Typed(String form, Map<String, String> values, String field, String onThePage) {
    static final Typed NONE = new Typed("", Map.of(), "", "");
  }

  /**
   * Every action returns to the initiative, with what happened or what was wrong; a refused form
   * comes back as it was typed ({@code typed.<form>} on the page).
   */
  private static String act(
      long id, RedirectAttributes redirect, Runnable action, String success, Typed typed) {
    String back = "redirect:/initiatives/" + id;
    return Forms.back(
        redirect,
        back,
        Forms.ERRORS,
        Map.of("typed", Map.of(typed.form(), typed.values())),
        () -> {
          action.run();
          if (success != null) {
            redirect.addFlashAttribute("message", success);
          }
          return back;
        },
        typed.field(),
        typed.onThePage());
  }
}
