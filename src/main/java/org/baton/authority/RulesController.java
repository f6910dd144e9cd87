package org.baton.authority;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.Forms;
import org.baton.platform.InvalidInputException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Drafting a rule or a change to one, previewing it against the last months of real questions, and
 * saving it as a new version.
 */
@Controller
class RulesController {

  private final AuthorityAdministration administration;
  private final PolicyPreview preview;
  private final Directory directory;
  private final RuleChanges ruleChanges;

  RulesController(
      AuthorityAdministration administration,
      PolicyPreview preview,
      Directory directory,
      RuleChanges ruleChanges) {
    this.ruleChanges = ruleChanges;
    this.administration = administration;
    this.preview = preview;
    this.directory = directory;
  }

  @GetMapping("/authority/rules/new")
  String newRule(@AuthenticationPrincipal BatonUser me, Model model) {
    AuthorityAccess.makeRules(me);
    model.addAttribute("form", new RuleForm());
    return form(model, null);
  }

  @GetMapping("/authority/rules/{id}/edit")
  String edit(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    AuthorityAdministration.RuleWithHistory rule = administration.rule(id);
    AuthorityAccess.change(me, rule.rule());
    model.addAttribute("form", RuleForm.of(rule, directory));
    return form(model, id);
  }

  @PostMapping("/authority/rules")
  String create(
      @AuthenticationPrincipal BatonUser me,
      @ModelAttribute("form") RuleForm form,
      BindingResult result,
      HttpServletResponse response,
      Model model) {
    return Forms.showAgain(
        result,
        response,
        () -> {
          long id = administration.createRule(me, form.draft(directory)).current().id();
          return "redirect:/authority/rules/" + id + "?saved";
        },
        () -> form(model, null));
  }

  @PostMapping("/authority/rules/{id}")
  String change(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @ModelAttribute("form") RuleForm form,
      BindingResult result,
      HttpServletResponse response,
      Model model) {
    return Forms.showAgain(
        result,
        response,
        () -> {
          AuthorityAdministration.ChangeResult changed =
              administration.changeRule(me, id, form.draft(directory), form.isRetire());
          return "redirect:/authority/rules/" + id + (changed.applied() ? "?saved" : "?proposed");
        },
        () -> form(model, id));
  }

  /** Proposed changes waiting for an admin (admins), or one's own proposals. */
  @GetMapping("/authority/rule-changes")
  String ruleChanges(@AuthenticationPrincipal BatonUser me, Model model) {
    model.addAttribute("changes", ruleChanges.visibleTo(me));
    return "authority/rule-changes";
  }

  @PostMapping("/authority/rule-changes/{id}/approval")
  String approve(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    return answered(me, id, () -> ruleChanges.approve(me, id, reason), redirect);
  }

  @PostMapping("/authority/rule-changes/{id}/decline")
  String decline(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    return answered(me, id, () -> ruleChanges.decline(me, id, reason), redirect);
  }

  private String answered(
      BatonUser me,
      long id,
      java.util.function.Supplier<RuleChange> answer,
      RedirectAttributes redirect) {
    // Found through the visibility filter first: a change the actor may not see is a 404, and
    // the redirect never tells them which rule it was proposed for.
    long ruleId = ruleChanges.find(me, id).ruleId();
    return Forms.back(
        redirect,
        "redirect:/authority/rules/" + ruleId,
        Map.of(),
        () -> {
          answer.get();
          return "redirect:/authority/rules/" + ruleId + "?answered";
        });
  }

  /** The impact of the draft, for the form's preview area (htmx) or as a page of its own. */
  @PostMapping("/authority/rules/preview")
  String preview(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(required = false) Long ruleId,
      @ModelAttribute("form") RuleForm form,
      BindingResult result,
      Model model) {
    try {
      model.addAttribute(
          "impact", preview.preview(me, ruleId, form.draft(directory), form.getMonths()));
    } catch (InvalidInputException e) {
      model.addAttribute("previewErrors", e.problems());
    }
    return "authority/rule-form :: preview";
  }

  private String form(Model model, Long ruleId) {
    model.addAttribute("ruleId", ruleId);
    model.addAttribute("types", administration.types());
    model.addAttribute("teams", directory.teams());
    model.addAttribute("roles", administration.roleNames());
    model.addAttribute("kinds", Holder.Kind.values());
    return "authority/rule-form";
  }
}
