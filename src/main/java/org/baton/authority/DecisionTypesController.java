package org.baton.authority;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.baton.platform.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins keep the catalogue of decision types. */
@Controller
class DecisionTypesController {

  private final AuthorityAdministration administration;

  DecisionTypesController(AuthorityAdministration administration) {
    this.administration = administration;
  }

  @GetMapping("/admin/authority/types")
  String types(Model model) {
    model.addAttribute("types", administration.types());
    return "authority/types";
  }

  @PostMapping("/admin/authority/types")
  String save(
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String description,
      @RequestParam(defaultValue = "false") boolean carriesAmount,
      @RequestParam(defaultValue = "false") boolean confidential,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Map<String, Object> typed =
        Map.of(
            "code",
            code,
            "name",
            name,
            "description",
            description,
            "carriesAmount",
            carriesAmount,
            "confidential",
            confidential);
    return Forms.showAgain(
        model,
        response,
        typed,
        () -> {
          DecisionType saved =
              administration.saveType(
                  new DecisionType(code.strip(), name, description, carriesAmount, confidential));
          redirect.addFlashAttribute("message", "Saved " + saved.code() + ".");
          return "redirect:/admin/authority/types";
        },
        () -> types(model));
  }
}
