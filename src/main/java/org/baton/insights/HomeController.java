package org.baton.insights;

import jakarta.servlet.http.HttpServletRequest;
import org.baton.decisions.DecisionRecord;
import org.baton.identity.BatonUser;
import org.baton.platform.Htmx;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home: what waits for me, most urgent first, "Can I decide?" one tap away, and my recent
 * decisions. Open homes reload the agenda when the stream says a notification arrived (the same
 * handler serves the page and its agenda fragment).
 */
@Controller
class HomeController {

  private final Agenda agenda;
  private final DecisionRecord decisions;
  private final java.time.Clock clock;

  HomeController(Agenda agenda, DecisionRecord decisions, java.time.Clock clock) {
    this.agenda = agenda;
    this.decisions = decisions;
    this.clock = clock;
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal BatonUser me, HttpServletRequest request, Model model) {
    model.addAttribute("items", agenda.of(me));
    model.addAttribute("now", clock.instant());
    if (me.personId() != null) {
      model.addAttribute("recent", decisions.list(me, "mine", null, null, 0, 5).items());
    }
    return Htmx.view(request, "insights/home", "agenda");
  }
}
