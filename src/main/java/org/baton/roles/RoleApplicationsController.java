package org.baton.roles;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.baton.identity.BatonUser;
import org.baton.platform.Forms;
import org.baton.platform.Htmx;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An application for a role after it was made: its thread, the time asked for, the match, and its
 * end (declined, withdrawn). Each action returns to the application, a refused one with what was
 * typed.
 */
@Controller
class RoleApplicationsController {

  private final Applications applications;

  RoleApplicationsController(Applications applications) {
    this.applications = applications;
  }

  /** An application and its thread; the thread is the fragment its live signal reloads. */
  @GetMapping("/roles/{id}/applications/{aid}")
  String application(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long aid,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("view", applications.view(me, id, aid));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of());
    }
    return Htmx.isFragmentRequest(request)
        ? "roles/application :: conversation"
        : "roles/application";
  }

  @PostMapping("/roles/{id}/applications/{aid}/messages")
  String message(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long aid,
      @RequestParam(defaultValue = "") String body,
      RedirectAttributes redirect) {
    return act(
        id, aid, redirect, Map.of("body", body), () -> applications.message(me, id, aid, body));
  }

  @PostMapping("/roles/{id}/applications/{aid}/time")
  String time(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long aid,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    return act(
        id, aid, redirect, form, () -> applications.answerTime(me, id, aid, RoleForms.time(form)));
  }

  @PostMapping("/roles/{id}/applications/{aid}/match")
  String match(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long aid,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    return act(
        id, aid, redirect, form, () -> applications.match(me, id, aid, RoleForms.match(form)));
  }

  @PostMapping("/roles/{id}/applications/{aid}/decline")
  String decline(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long aid,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    return act(
        id,
        aid,
        redirect,
        Map.of("reason", reason),
        () -> applications.decline(me, id, aid, reason));
  }

  @PostMapping("/roles/{id}/applications/{aid}/withdraw")
  String withdraw(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @PathVariable long aid,
      RedirectAttributes redirect) {
    return act(id, aid, redirect, Map.of(), () -> applications.withdraw(me, id, aid));
  }

  private static String act(
      long id, long aid, RedirectAttributes redirect, Map<String, String> form, Runnable action) {
    String back = "redirect:/roles/" + id + "/applications/" + aid;
    return Forms.back(
        redirect,
        back,
        Map.of("form", new LinkedHashMap<>(form)),
        () -> {
          action.run();
          return back;
        });
  }
}
