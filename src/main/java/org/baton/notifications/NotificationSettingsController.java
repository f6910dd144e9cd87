package org.baton.notifications;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.platform.Forms;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Choosing how notifications reach me ({@code /me/notifications/settings}), the admins' defaults
 * ({@code /admin/notifications}), and the one-click unsubscribe link of every e-mail.
 */
@Controller
class NotificationSettingsController {

  private final NotificationPreferences preferences;
  private final UnsubscribeLinks links;
  private final Directory directory;

  NotificationSettingsController(
      NotificationPreferences preferences, UnsubscribeLinks links, Directory directory) {
    this.preferences = preferences;
    this.links = links;
    this.directory = directory;
  }

  @GetMapping("/me/notifications/settings")
  String settings(@AuthenticationPrincipal BatonUser me, Model model) {
    return form(me, model);
  }

  @PostMapping("/me/notifications/settings")
  String save(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    return Forms.showAgain(
        model,
        response,
        null,
        () -> {
          preferences.save(me, deliveries(form), form.get("digest"));
          return "redirect:/me/notifications/settings?saved";
        },
        () -> form(me, model));
  }

  @GetMapping("/admin/notifications")
  String defaults(Model model) {
    model.addAttribute("defaults", preferences.defaults());
    model.addAttribute("kinds", NotificationKind.values());
    model.addAttribute("deliveries", NotificationKind.Delivery.values());
    return "notifications/defaults";
  }

  @PostMapping("/admin/notifications")
  String saveDefaults(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    return Forms.showAgain(
        model,
        response,
        null,
        () -> {
          preferences.saveDefaults(me, deliveries(form));
          return "redirect:/admin/notifications?saved";
        },
        () -> defaults(model));
  }

  /** The page behind an e-mail's unsubscribe link: says what it stops, and asks to confirm. */
  @GetMapping("/unsubscribe")
  String unsubscribePage(
      @RequestParam(name = "t", required = false) String token,
      @AuthenticationPrincipal BatonUser me,
      Model model,
      HttpServletResponse response) {
    return unsubscribeView(token, me, model, response, false);
  }

  /**
   * One click, from the page or straight from a mail program (RFC 8058: a POST with {@code
   * List-Unsubscribe=One-Click}); the link is the key, no sign-in needed.
   */
  @PostMapping("/unsubscribe")
  String unsubscribe(
      @RequestParam(name = "t", required = false) String token,
      @AuthenticationPrincipal BatonUser me,
      Model model,
      HttpServletResponse response) {
    return unsubscribeView(token, me, model, response, true);
  }

  private String unsubscribeView(
      String token, BatonUser me, Model model, HttpServletResponse response, boolean act) {
    Optional<UnsubscribeLinks.Target> target = links.verify(token);
    Optional<Person> person = target.flatMap(t -> directory.findPerson(t.personId()));
    boolean digest = target.map(t -> UnsubscribeLinks.DIGEST.equals(t.kind())).orElse(false);
    Optional<NotificationKind> kind = target.flatMap(t -> NotificationPreferences.kind(t.kind()));
    if (person.isEmpty() || (!digest && kind.isEmpty())) {
      response.setStatus(400);
      model.addAttribute(
          "problem",
          "This unsubscribe link is not valid: it may have been cut short or changed. Use the"
              + " link in the e-mail as it is, or choose what reaches you in your settings.");
      return "notifications/unsubscribe";
    }
    if (me != null && me.personId() != null && me.personId() != person.get().id()) {
      response.setStatus(403);
      model.addAttribute(
          "problem",
          "This link is for another person's e-mail. You are signed in as "
              + me.displayName()
              + ": change your own e-mail in your settings.");
      return "notifications/unsubscribe";
    }
    model.addAttribute("token", token);
    model.addAttribute("address", masked(person.get().email()));
    model.addAttribute(
        "what", digest ? "your Baton digest" : "e-mails about “" + kind.get().label() + "”");
    if (act) {
      if (digest) {
        preferences.unsubscribeFromDigest(person.get().id());
      } else {
        preferences.unsubscribe(person.get().id(), kind.get());
      }
      model.addAttribute("done", true);
    }
    return "notifications/unsubscribe";
  }

  /** The settings form with the person's choices; operator accounts are told they get none. */
  private String form(BatonUser me, Model model) {
    if (me.personId() == null) {
      model.addAttribute("operator", true);
      return "notifications/settings";
    }
    model.addAttribute("choices", preferences.of(me.personId()));
    model.addAttribute("kinds", NotificationKind.values());
    model.addAttribute("deliveries", NotificationKind.Delivery.values());
    model.addAttribute("digests", NotificationPreferences.Digest.values());
    return "notifications/settings";
  }

  /** The form's {@code deliveries.KIND} fields, as kind name to delivery name. */
  private static Map<String, String> deliveries(Map<String, String> form) {
    Map<String, String> deliveries = new LinkedHashMap<>();
    form.forEach(
        (name, value) -> {
          if (name.startsWith("deliveries.")) {
            deliveries.put(name.substring("deliveries.".length()), value);
          }
        });
    return deliveries;
  }

  /** Enough of an address to recognise it, not enough to harvest it: "m•••@example.com". */
  static String masked(String email) {
    int at = email.indexOf('@');
    return at <= 1
        ? "•••" + email.substring(Math.max(at, 0))
        : email.charAt(0) + "•••" + email.substring(at);
  }
}
