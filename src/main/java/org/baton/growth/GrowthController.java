package org.baton.growth;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.baton.identity.BatonUser;
import org.baton.platform.Forms;
import org.baton.platform.InvalidInputException;
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
 * The growth pages: a person's track record, the suggestions waiting for the rule owner's answer,
 * and one suggestion with the preview of its raise and the owner's three answers.
 */
@Controller
class GrowthController {

  private final TrackRecords records;
  private final GrowthSuggestions suggestions;

  GrowthController(TrackRecords records, GrowthSuggestions suggestions) {
    this.records = records;
    this.suggestions = suggestions;
  }

  @GetMapping("/people/{id}/track-record")
  String trackRecord(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    model.addAttribute("record", records.of(me, id));
    model.addAttribute("self", me.isPerson(id));
    return "growth/track-record";
  }

  @GetMapping("/authority/growth-suggestions")
  String waiting(@AuthenticationPrincipal BatonUser me, Model model) {
    model.addAttribute("suggestions", suggestions.waitingFor(me));
    return "growth/suggestions";
  }

  @GetMapping("/authority/growth-suggestions/{id}")
  String suggestion(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    GrowthSuggestions.SuggestionView view = suggestions.view(me, id);
    model.addAttribute("view", view);
    if (!model.containsAttribute("form")) {
      Map<String, String> form = new LinkedHashMap<>();
      form.put(
          "limit", view.suggestion().proposedLimit().value().stripTrailingZeros().toPlainString());
      model.addAttribute("form", form);
    }
    return "growth/suggestion";
  }

  @PostMapping("/authority/growth-suggestions/{id}/approve")
  String approve(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    return answer(
        me,
        id,
        form,
        response,
        redirect,
        model,
        "The limit is raised; the person is told.",
        () -> {
          // The form opens with the proposed limit: an emptied box is a question, not a yes.
          if (form.getOrDefault("limit", "").isBlank() && suggestions.view(me, id).mayAnswer()) {
            throw new InvalidInputException("limit", "Give the new limit.");
          }
          suggestions.approve(me, id, typedAmount(form.get("limit")), form.get("note"));
        });
  }

  @PostMapping("/authority/growth-suggestions/{id}/decline")
  String decline(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    return answer(
        me,
        id,
        form,
        response,
        redirect,
        model,
        "Declined; the person reads your reason with their record.",
        () -> suggestions.decline(me, id, form.get("reason")));
  }

  @PostMapping("/authority/growth-suggestions/{id}/defer")
  String defer(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    return answer(
        me,
        id,
        form,
        response,
        redirect,
        model,
        "Deferred.",
        () -> suggestions.defer(me, id, date(form.get("until")), form.get("note")));
  }

  private String answer(
      BatonUser me,
      long id,
      Map<String, String> form,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model,
      String done,
      Runnable action) {
    return Forms.showAgain(
        model,
        response,
        new LinkedHashMap<>(form),
        () -> {
          action.run();
          redirect.addFlashAttribute("message", done);
          return "redirect:/authority/growth-suggestions/" + id;
        },
        () -> suggestion(me, id, model));
  }

  /** A typed amount ("1000", "1000,50"); null when left empty, for the proposed limit. */
  private static java.math.BigDecimal typedAmount(String typed) {
    Money money = Money.fromForm(typed, "EUR", "limit");
    return money == null ? null : money.value();
  }

  private static LocalDate date(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(typed.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("until", "Give the date as YYYY-MM-DD.");
    }
  }
}
