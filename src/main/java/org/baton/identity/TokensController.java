package org.baton.identity;

import org.baton.platform.Forms;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page where a person creates, sees and revokes their personal API tokens. */
@Controller
class TokensController {

  private final ApiTokens tokens;

  TokensController(ApiTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/me/tokens")
  String list(@AuthenticationPrincipal BatonUser me, Model model) {
    model.addAttribute("tokens", tokens.list(me));
    return "identity/tokens";
  }

  @PostMapping("/me/tokens")
  String create(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "") String name,
      jakarta.servlet.http.HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    return Forms.showAgain(
        model,
        response,
        null,
        () -> {
          // shown in this answer, not carried through a redirect: sessions live in the database,
          // and a secret shown once must not be stored there on its way
          model.addAttribute("created", tokens.create(me, name));
          return list(me, model);
        },
        () -> {
          model.addAttribute("name", name);
          return list(me, model);
        });
  }

  @PostMapping("/me/tokens/{id}/revoke")
  String revoke(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, RedirectAttributes redirect) {
    ApiTokens.TokenInfo token = tokens.revoke(me, id);
    redirect.addFlashAttribute("revoked", token.name());
    return "redirect:/me/tokens";
  }
}
