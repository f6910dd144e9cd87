package org.baton.learning;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.baton.directory.Directory;
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

/** The live feed of what teams learn, report-outs, and the rounds that ask a team for them. */
@Controller
class ReportOutsController {

  private final ReportOuts reportOuts;
  private final LearningResponses responses;
  private final Directory directory;
  private final LearningFeed feed;

  ReportOutsController(
      ReportOuts reportOuts, LearningResponses responses, Directory directory, LearningFeed feed) {
    this.feed = feed;
    this.reportOuts = reportOuts;
    this.responses = responses;
    this.directory = directory;
  }

  @GetMapping("/learning/feed")
  String feed(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(required = false) Long team,
      @RequestParam(defaultValue = "") String tag,
      @RequestParam(defaultValue = "false") boolean following,
      @RequestParam(required = false) String after,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("team", team);
    model.addAttribute("tag", tag);
    model.addAttribute("following", following);
    model.addAttribute("feed", feed.page(me, new LearningFeed.Filter(team, tag, following), after));
    model.addAttribute("teams", directory.teams());
    if (!Htmx.isFragmentRequest(request)) {
      model.addAttribute("rounds", reportOuts.roundsFor(me));
      model.addAttribute("followed", directory.names(feed.following(me)));
    }
    return Htmx.view(request, "learning/feed", "entries");
  }

  @PostMapping("/learning/follow")
  String follow(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "") String person,
      @RequestParam(defaultValue = "true") boolean follow,
      RedirectAttributes redirect) {
    String back = "redirect:/learning/feed";
    return Forms.back(
        redirect,
        back,
        Map.of(),
        () -> {
          long id = directory.resolvePerson(person, "person").id();
          feed.follow(me, id, follow);
          redirect.addFlashAttribute(
              "message", follow ? "Following: their learnings show in your feed." : "Unfollowed.");
          return back;
        });
  }

  @GetMapping("/report-outs/new")
  String newReportOut(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(required = false) Long round,
      Model model) {
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of("roundId", round == null ? "" : round.toString()));
    }
    model.addAttribute("teams", directory.teams());
    if (round != null) {
      model.addAttribute("round", reportOuts.round(me, round));
    }
    return "learning/report-out-form";
  }

  @PostMapping("/report-outs")
  String postReportOut(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam Map<String, String> form,
      @RequestParam(required = false) List<Long> teamIds,
      jakarta.servlet.http.HttpServletResponse response,
      Model model) {
    return Forms.showAgain(
        model,
        response,
        form,
        () -> {
          Long round =
              LearningInputs.blank(form.get("roundId"))
                  ? null
                  : LearningInputs.parseId(form.get("roundId"), "roundId");
          ReportOut posted =
              reportOuts.post(
                  me,
                  new ReportOuts.Draft(
                      form.get("title"),
                      form.get("body"),
                      LearningInputs.list(form.getOrDefault("tags", "")),
                      teamIds,
                      round));
          return "redirect:/report-outs/" + posted.id();
        },
        () -> {
          model.addAttribute("chosenTeams", teamIds == null ? List.of() : teamIds);
          return newReportOut(me, null, model);
        });
  }

  @GetMapping("/report-outs/{id}")
  String reportOut(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      HttpServletRequest request,
      Model model) {
    ReportOut post = reportOuts.find(me, id);
    model.addAttribute("o", post);
    model.addAttribute("comments", post.comments());
    model.addAttribute("ref", post.ref());
    model.addAttribute("helped", post.helpedCount());
    model.addAttribute("marks", responses.markNames(me, LearningKind.REPORT_OUT, id));
    model.addAttribute("teamNames", teamNames());
    return Htmx.view(request, "learning/report-out", "comments");
  }

  @GetMapping("/learning/rounds/new")
  String newRound(@AuthenticationPrincipal BatonUser me, Model model) {
    model.addAttribute(
        "ledTeams",
        me.personId() == null
            ? List.of()
            : directory.organisation().teamsLedBy(me.personId()).stream()
                .map(directory::team)
                .toList());
    return "learning/round-form";
  }

  @PostMapping("/learning/rounds")
  String startRound(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(required = false) Long teamId,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String due,
      jakarta.servlet.http.HttpServletResponse response,
      Model model) {
    return Forms.showAgain(
        model,
        response,
        null,
        () -> {
          ReportOuts.Round round =
              reportOuts.startRound(me, teamId, title, LearningInputs.date(due, "due"));
          return "redirect:/learning/rounds/" + round.id();
        },
        () -> {
          model.addAttribute("title", title);
          model.addAttribute("due", due);
          model.addAttribute("teamId", teamId);
          return newRound(me, model);
        });
  }

  /** A round and who has posted; refreshed live as posts arrive. */
  @GetMapping("/learning/rounds/{id}")
  String round(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("round", reportOuts.round(me, id));
    return Htmx.view(request, "learning/round", "posts");
  }

  private Map<Long, String> teamNames() {
    Map<Long, String> names = new java.util.HashMap<>();
    directory.teams().forEach(t -> names.put(t.id(), t.name()));
    return names;
  }
}
