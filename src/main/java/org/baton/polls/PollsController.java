package org.baton.polls;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.decisions.Decision;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.Forms;
import org.baton.platform.Money;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The polls' pages: what waits for my say and my polls, a new poll, and a poll with its vote (in
 * one tap on a phone), its live count, the proposer's answers and amendments, and the outcome.
 */
@Controller
class PollsController {

  private final Polls polls;
  private final PollOutcomes outcomes;
  private final Directory directory;
  private final org.baton.authority.KindsOfDecision kinds;

  PollsController(
      Polls polls,
      PollOutcomes outcomes,
      Directory directory,
      org.baton.authority.KindsOfDecision kinds) {
    this.polls = polls;
    this.outcomes = outcomes;
    this.directory = directory;
    this.kinds = kinds;
  }

  @GetMapping("/polls")
  String list(@AuthenticationPrincipal BatonUser me, Model model) {
    model.addAttribute("waiting", polls.waitingFor(me, 20));
    model.addAttribute("mine", polls.involving(me, 50));
    model.addAttribute("now", polls.now());
    return "polls/list";
  }

  @GetMapping("/polls/new")
  String newPoll(@RequestParam(required = false) String kind, Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", PollForms.blank(kind));
    }
    model.addAttribute("kinds", PollKind.values());
    model.addAttribute("windows", PollForms.WINDOWS);
    return "polls/new";
  }

  @PostMapping("/polls")
  String start(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      Model model) {
    return Forms.showAgain(
        model,
        response,
        new LinkedHashMap<>(form),
        () -> {
          PollForms.Read read = PollForms.draft(form, directory, polls.now());
          Poll poll = polls.start(me, read.draft(), read.problems());
          return "redirect:/polls/" + poll.id();
        },
        () -> newPoll(form.get("kind"), model),
        "closesAt",
        "closesIn");
  }

  /** A poll, with its vote, its count, and the author's answers and outcome. */
  @GetMapping("/polls/{id}")
  String show(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    model.addAttribute("view", polls.view(me, id));
    model.addAttribute("now", polls.now());
    model.addAttribute("stances", Stance.values());
    if (!model.containsAttribute("typed")) {
      model.addAttribute("typed", Map.of());
    }
    return "polls/show";
  }

  /**
   * The count alone, which the page reloads when the live stream says the poll changed. A path of
   * its own: the voter's own signal often arrives before the browser follows the vote's redirect,
   * and a reload of the page's path would take the "your vote is in" message meant for it.
   */
  @GetMapping("/polls/{id}/count")
  String count(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    show(me, id, model);
    return "polls/show :: count";
  }

  @PostMapping("/polls/{id}/votes")
  String vote(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      @RequestParam(name = "options", required = false) List<String> options,
      RedirectAttributes redirect) {
    String back = "redirect:/polls/" + id + "#vote";
    return Forms.back(
        redirect,
        back,
        Map.of("typed", new LinkedHashMap<>(form)),
        () -> {
          polls.vote(me, id, PollForms.vote(form, options == null ? List.of() : options));
          redirect.addFlashAttribute(
              "message", "Your vote is in. You can change it until the poll closes.");
          return "redirect:/polls/" + id;
        });
  }

  @PostMapping("/polls/{id}/amendment")
  String amend(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String details,
      @RequestParam(defaultValue = "") String note,
      RedirectAttributes redirect) {
    return Forms.back(
        redirect,
        "redirect:/polls/" + id + "#amend",
        Map.of("typed", Map.of("details", details, "note", note)),
        () -> {
          polls.amend(me, id, details, note);
          redirect.addFlashAttribute(
              "message", "Amended. Everyone asked is told, and answers the new version.");
          return "redirect:/polls/" + id;
        });
  }

  @PostMapping("/polls/{id}/objections/answer")
  String answer(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String key,
      @RequestParam(defaultValue = "") String answer,
      RedirectAttributes redirect) {
    return Forms.back(
        redirect,
        "redirect:/polls/" + id + "#objections",
        Map.of("typed", Map.of("answerFor", key, "answer", answer)),
        () -> {
          polls.answer(me, id, key, answer);
          redirect.addFlashAttribute(
              "message", "Answered. The objector and everyone asked can read it.");
          return "redirect:/polls/" + id + "#objections";
        });
  }

  @PostMapping("/polls/{id}/close")
  String close(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, RedirectAttributes redirect) {
    return Forms.back(
        redirect,
        "redirect:/polls/" + id,
        "Closed. Record the outcome below: it becomes your decision.",
        () -> polls.close(me, id));
  }

  @PostMapping("/polls/{id}/outcome")
  String outcome(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    return Forms.back(
        redirect,
        "redirect:/polls/" + id + "#outcome",
        Map.of("typed", new LinkedHashMap<>(form)),
        () -> {
          String option = form.getOrDefault("optionId", "");
          Decision decision =
              outcomes.record(
                  me,
                  id,
                  new PollOutcomes.Outcome(
                      option.matches("\\d{1,18}") ? Long.valueOf(option) : null,
                      // the kind as typed: its name (as the suggestions show it), a word or code
                      form.get("decisionType") == null || form.get("decisionType").isBlank()
                          ? null
                          : kinds.codeFor(form.get("decisionType")),
                      form.get("title"),
                      form.get("reason"),
                      Money.fromForm(
                          form.get("amount"), form.getOrDefault("currency", "EUR"), "amount"),
                      form.get("otherThanTheCount")));
          return "redirect:/decisions/" + decision.id() + "?recorded";
        });
  }
}
