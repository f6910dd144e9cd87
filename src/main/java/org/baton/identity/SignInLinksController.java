package org.baton.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.baton.platform.Forms;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of invitations and password resets: choosing a password from a link (anyone holding
 * it), asking for a reset (anyone), and the admins' invitations.
 */
@Controller
class SignInLinksController {

  private final SignInLinks links;
  private final Clock clock;

  SignInLinksController(SignInLinks links, Clock clock) {
    this.links = links;
    this.clock = clock;
  }

  @GetMapping("/invitation")
  String invitation(@RequestParam(defaultValue = "") String token, Model model) {
    return passwordForm(SignInLinks.Purpose.INVITATION, token, model);
  }

  @PostMapping("/invitation")
  String acceptInvitation(
      @RequestParam(defaultValue = "") String token,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return accept(SignInLinks.Purpose.INVITATION, token, password, request, response, model);
  }

  @GetMapping("/password-reset")
  String resetForm() {
    return "identity/password-reset";
  }

  /** Always the same answer, so that it does not tell who has an account. */
  @PostMapping("/password-reset")
  String requestReset(@RequestParam(defaultValue = "") String email, Model model) {
    links.requestReset(email);
    model.addAttribute("sentTo", email.strip());
    return "identity/password-reset";
  }

  @GetMapping("/password-reset/new")
  String newPassword(@RequestParam(defaultValue = "") String token, Model model) {
    return passwordForm(SignInLinks.Purpose.PASSWORD_RESET, token, model);
  }

  @PostMapping("/password-reset/new")
  String acceptReset(
      @RequestParam(defaultValue = "") String token,
      @RequestParam(defaultValue = "") String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return accept(SignInLinks.Purpose.PASSWORD_RESET, token, password, request, response, model);
  }

  private String passwordForm(SignInLinks.Purpose purpose, String token, Model model) {
    model.addAttribute("purpose", purpose.name());
    model.addAttribute("token", token);
    java.util.Optional<String> address = links.addressOf(purpose, token);
    if (address.isEmpty()) {
      model.addAttribute("closed", true);
    }
    model.addAttribute("address", address.orElse(null));
    return "identity/set-password";
  }

  private String accept(
      SignInLinks.Purpose purpose,
      String token,
      String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return Forms.showAgain(
        model,
        response,
        null, // a password is never shown again
        () -> {
          links.accept(purpose, token, password, request.getRemoteAddr());
          return purpose == SignInLinks.Purpose.INVITATION
              ? "redirect:/login?welcome"
              : "redirect:/login?passwordChanged";
        },
        () -> passwordForm(purpose, token, model));
  }

  @GetMapping("/admin/invitations")
  String invitations(
      @AuthenticationPrincipal BatonUser admin,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("invitees", links.invitees(admin, page, 50));
    model.addAttribute("now", clock.instant());
    return "identity/invitations";
  }

  @PostMapping("/admin/invitations")
  String inviteEveryoneNew(@AuthenticationPrincipal BatonUser admin, RedirectAttributes redirect) {
    int invited = links.inviteEveryoneNew(admin);
    redirect.addFlashAttribute("message", invitedMessage(invited));
    return "redirect:/admin/invitations";
  }

  @PostMapping("/admin/people/{id}/invitation")
  String invitePerson(
      @AuthenticationPrincipal BatonUser admin,
      @PathVariable long id,
      RedirectAttributes redirect) {
    links.invite(admin, id);
    redirect.addFlashAttribute(
        "message", "Invitation written; it is in the mail (see Mail without SMTP).");
    return "redirect:/people/" + id;
  }

  @PostMapping("/admin/teams/{id}/invitations")
  String inviteTeam(
      @AuthenticationPrincipal BatonUser admin,
      @PathVariable long id,
      RedirectAttributes redirect) {
    redirect.addFlashAttribute("message", invitedMessage(links.inviteTeam(admin, id)));
    return "redirect:/teams/" + id;
  }

  @PostMapping("/admin/invitations/{id}/revoke")
  String revoke(
      @AuthenticationPrincipal BatonUser admin,
      @PathVariable long id,
      RedirectAttributes redirect) {
    links.revoke(admin, id);
    redirect.addFlashAttribute("message", "The link no longer works.");
    return "redirect:/admin/invitations";
  }

  private static String invitedMessage(int invited) {
    return invited == 0
        ? "Nobody to invite: everyone has signed in already."
        : invited + (invited == 1 ? " person" : " people") + " invited.";
  }
}
