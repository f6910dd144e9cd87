package org.baton.notifications;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.baton.identity.BatonUser;
import org.baton.platform.Forms;
import org.baton.platform.Htmx;
import org.baton.platform.PageOf;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admins' webhook pages: endpoints, their secret (shown once), and the delivery log. */
@Controller
class WebhooksController {

  private static final int PAGE_SIZE = 20;

  private final Webhooks webhooks;

  WebhooksController(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  @GetMapping("/admin/webhooks")
  String list(@AuthenticationPrincipal BatonUser me, Model model) {
    model.addAttribute("endpoints", webhooks.list(me));
    model.addAttribute("types", WebhookEventType.values());
    return "notifications/webhooks";
  }

  @PostMapping("/admin/webhooks")
  String register(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(required = false) String url,
      @RequestParam(required = false) List<String> events,
      @RequestParam(required = false) String description,
      @RequestParam(defaultValue = "false") boolean confidential,
      Model model,
      HttpServletResponse response) {
    return Forms.showAgain(
        model,
        response,
        null,
        () -> {
          Webhooks.WithSecret created =
              webhooks.register(
                  me, url, events == null ? List.of() : events, description, confidential);
          model.addAttribute("endpoint", created.endpoint());
          model.addAttribute("secret", created.secret());
          return "notifications/webhook-secret";
        },
        () -> {
          model.addAttribute("url", url);
          model.addAttribute("chosen", events == null ? List.of() : events);
          model.addAttribute("description", description);
          model.addAttribute("confidential", confidential);
          return list(me, model);
        });
  }

  /** One endpoint: its settings, and its delivery log (paged; the log alone for htmx). */
  @GetMapping("/admin/webhooks/{id}")
  String endpoint(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("endpoint", webhooks.find(me, id));
    PageOf<Webhooks.Delivery> deliveries = webhooks.deliveries(me, id, page, PAGE_SIZE);
    model.addAttribute("deliveries", deliveries);
    model.addAttribute(
        "attempts",
        webhooks.attempts(deliveries.items().stream().map(Webhooks.Delivery::id).toList()));
    return Htmx.view(request, "notifications/webhook", "deliveries");
  }

  @PostMapping("/admin/webhooks/{id}/secret")
  String rotate(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    Webhooks.WithSecret rotated = webhooks.rotate(me, id);
    model.addAttribute("endpoint", rotated.endpoint());
    model.addAttribute("secret", rotated.secret());
    model.addAttribute("rotated", true);
    return "notifications/webhook-secret";
  }

  @PostMapping("/admin/webhooks/{id}/enable")
  String enable(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    webhooks.enable(me, id);
    return "redirect:/admin/webhooks/" + id;
  }

  @PostMapping("/admin/webhooks/{id}/disable")
  String disable(@AuthenticationPrincipal BatonUser me, @PathVariable long id) {
    webhooks.disable(me, id);
    return "redirect:/admin/webhooks/" + id;
  }

  /** Deleting needs the box ticked: the endpoint goes with its whole delivery log. */
  @PostMapping("/admin/webhooks/{id}/delete")
  String delete(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "false") boolean confirm) {
    if (!confirm) {
      webhooks.find(me, id);
      return "redirect:/admin/webhooks/" + id + "?confirm";
    }
    webhooks.delete(me, id);
    return "redirect:/admin/webhooks?deleted";
  }

  @PostMapping("/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver")
  String redeliver(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, @PathVariable long deliveryId) {
    webhooks.redeliver(me, id, deliveryId);
    return "redirect:/admin/webhooks/" + id + "?redelivered";
  }
}
