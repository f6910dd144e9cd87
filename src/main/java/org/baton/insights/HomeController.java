package org.baton.insights;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.baton.decisions.DecisionRecord;
import org.baton.decisions.HolderRequests;
import org.baton.identity.BatonUser;
import org.baton.platform.Htmx;
import org.baton.platform.PageOf;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home: what waits for me, most urgent first, "Can I decide?" and "Spot something" one tap
 * away, the answers to my latest requests to holders, the initiatives I lead or support, and my
 * recent decisions. Open homes reload the agenda when the stream says a notification arrived (the
 * same handler serves the page and its agenda fragment).
 */
@Controller
class HomeController {

  private final Agenda agenda;
  private final DecisionRecord decisions;
  private final HolderRequests requests;
  private final java.time.Clock clock;
  private final org.baton.initiatives.Initiatives initiatives;

  HomeController(
      Agenda agenda,
      DecisionRecord decisions,
      HolderRequests requests,
      java.time.Clock clock,
      org.baton.initiatives.Initiatives initiatives) {
    this.initiatives = initiatives;
    this.agenda = agenda;
    this.decisions = decisions;
    this.requests = requests;
    this.clock = clock;
  }

  /** The most urgent first, fifty at a time: a long agenda is read from its top. */
  static final int PAGE_SIZE = 50;

  @GetMapping("/")
  String home(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    List<AgendaItem> all = agenda.of(me);
    int shown = Math.max(0, Math.min(page, (all.size() - 1) / PAGE_SIZE));
    PageOf<AgendaItem> items =
        new PageOf<>(
            all.subList(shown * PAGE_SIZE, Math.min(all.size(), (shown + 1) * PAGE_SIZE)),
            shown,
            PAGE_SIZE,
            all.size());
    model.addAttribute("agendaPage", items);
    model.addAttribute("items", items.items());
    model.addAttribute("now", clock.instant());
    model.addAttribute("requests", requests.latestSentBy(me, 3));
    if (me.personId() != null) {
      model.addAttribute("recent", decisions.list(me, "mine", null, null, null, 5).items());
      // the ones still moving: done and dropped ones are on the initiatives page
      model.addAttribute(
          "myInitiatives",
          initiatives.list(me, "mine", null, null, null, 10).items().stream()
              .filter(i -> !i.status().isFinal())
              .limit(5)
              .toList());
    }
    return Htmx.view(request, "insights/home", "agenda");
  }
}
