package org.baton.decisions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.baton.authority.CheckQuestion;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.Forms;
import org.baton.platform.Htmx;
import org.baton.platform.InvalidInputException;
import org.baton.platform.KeyedPage;
import org.baton.platform.Money;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Recording and reading decisions, and answering requests to decide. */
@Controller
class DecisionsController {

  static final int PAGE_SIZE = 20;

  private final DecisionRecord decisions;
  private final HolderRequests requests;
  private final Directory directory;

  private final List<DecisionOrigins> origins;
  private final org.baton.strategy.Strategy strategy;

  private final NamedAdvice namedAdvice;

  DecisionsController(
      DecisionRecord decisions,
      HolderRequests requests,
      Directory directory,
      List<DecisionOrigins> origins,
      org.baton.strategy.Strategy strategy,
      NamedAdvice namedAdvice) {
    this.namedAdvice = namedAdvice;
    this.origins = origins;
    this.strategy = strategy;
    this.decisions = decisions;
    this.requests = requests;
    this.directory = directory;
  }

  /** The one action after a check: record it. Errors come back on a page of their own. */
  @PostMapping("/decisions")
  String record(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam Map<String, String> form,
      @RequestParam(required = false) List<Long> affectedTeamIds,
      @RequestParam(required = false) List<String> learningsShown,
      @RequestParam(required = false) List<String> learningsAcknowledged,
      HttpServletResponse response,
      Model model) {
    return Forms.showAgain(
        model,
        response,
        form,
        () -> {
          DecisionDraft base = draft(form);
          DecisionDraft draft =
              new DecisionDraft(
                  base.decisionType(),
                  base.title(),
                  base.reason(),
                  base.amount(),
                  base.context(),
                  affectedTeamIds,
                  followUp(form.get("followUpOn")),
                  base.adviceConsidered(),
                  null,
                  learningsShown,
                  learningsAcknowledged,
                  priority(form.get("priorityId")));
          Decision d = decisions.record(me, draft.withAdvice(advisers(form), null));
          return "redirect:/decisions/" + d.id() + "?recorded";
        },
        () -> {
          model.addAttribute(
              "affectedTeamIds", affectedTeamIds == null ? List.of() : affectedTeamIds);
          model.addAttribute("teams", directory.teams());
          model.addAttribute("learningsShown", learningsShown == null ? List.of() : learningsShown);
          model.addAttribute(
              "learningsAcknowledged",
              learningsAcknowledged == null ? List.of() : learningsAcknowledged);
          model.addAttribute(
              "adviserFields",
              form.entrySet().stream().filter(f -> f.getKey().startsWith("adviser-")).toList());
          model.addAttribute("asking", false);
          return "decisions/record-failed";
        });
  }

  @GetMapping("/decisions")
  String list(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "mine") String scope,
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "") String verdict,
      @RequestParam(required = false) String after,
      HttpServletRequest request,
      Model model) {
    KeyedPage<Decision> found = decisions.list(me, scope, type, verdict, after, PAGE_SIZE);
    model.addAttribute("decisions", found);
    model.addAttribute("names", names(found.items()));
    model.addAttribute("scope", scope);
    model.addAttribute("type", type);
    model.addAttribute("verdict", verdict);
    return Htmx.view(request, "decisions/list", "results");
  }

  @GetMapping("/decisions/{id}")
  String show(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    Decision d = decisions.find(me, id);
    List<Decision> followUps = decisions.followUps(me, id);
    List<Decision> all = new java.util.ArrayList<>(followUps);
    all.add(d);
    model.addAttribute("decision", d);
    model.addAttribute("followUps", followUps);
    model.addAttribute(
        "teamNames",
        directory.teams().stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    org.baton.directory.Team::id, org.baton.directory.Team::name)));
    // A decision closing an advice request links to it, found by the decision's id.
    model.addAttribute(
        "adviceRequestId",
        origins.stream()
            .map(o -> o.adviceRequestClosedBy(d.id()))
            .flatMap(java.util.Optional::stream)
            .findFirst()
            .orElse(null));
    model.addAttribute(
        "priority", d.priorityId() == null ? null : strategy.priority(d.priorityId()).orElse(null));
    model.addAttribute("names", names(all));
    model.addAttribute("mayReverse", followUps.isEmpty() && DecisionPermissions.mayReverse(me, d));
    List<NamedAdvice.Named> named = namedAdvice.of(id);
    model.addAttribute("namedAdvisers", named);
    model.addAttribute("mayDispute", DecisionPermissions.mayDisputeAdvice(me, named));
    return "decisions/show";
  }

  /** A person named as an adviser says they did not give that advice. */
  @PostMapping("/decisions/{id}/advice-dispute")
  String disputeAdvice(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String dispute,
      RedirectAttributes redirect) {
    Decision d = decisions.find(me, id);
    String back = "redirect:/decisions/" + id + "#advice";
    return Forms.back(
        redirect,
        back,
        Map.of("disputeTyped", dispute),
        () -> {
          namedAdvice.dispute(me, d, dispute);
          redirect.addFlashAttribute(
              "message", "Your dispute is on the record; the decider is told.");
          return back;
        });
  }

  /**
   * The advisers a form names: one people picker per perspective the rule requires ({@code
   * adviser-finance}), each an e-mail address or id; blank ones are left out.
   */
  private List<Long> advisers(Map<String, String> form) {
    List<Long> ids = new java.util.ArrayList<>();
    for (Map.Entry<String, String> field : form.entrySet()) {
      if (field.getKey().startsWith("adviser-") && !field.getValue().isBlank()) {
        ids.add(directory.resolvePerson(field.getValue(), "advisers").id());
      }
    }
    return ids;
  }

  @PostMapping("/decisions/{id}/reversal")
  String reverse(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes redirect) {
    return Forms.back(
        redirect,
        "redirect:/decisions/" + id,
        Map.of(),
        () -> "redirect:/decisions/" + decisions.reverse(me, id, reason).id() + "?recorded");
  }

  @GetMapping("/authority/requests")
  String requests(@AuthenticationPrincipal BatonUser me, HttpServletRequest request, Model model) {
    model.addAttribute("requests", requests.involving(me));
    return Htmx.view(request, "decisions/requests", "requests");
  }

  @PostMapping("/authority/requests")
  String ask(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    return Forms.showAgain(
        model,
        response,
        form,
        () -> {
          HolderRequest asked = requests.ask(me, holder(form.get("holder")), draft(form));
          redirect.addFlashAttribute(
              "message", "Asked " + asked.holderName() + ". You will see the answer here.");
          return "redirect:/authority/requests";
        },
        () -> {
          model.addAttribute("asking", true);
          model.addAttribute("affectedTeamIds", List.of());
          model.addAttribute("teams", List.of());
          model.addAttribute("learningsShown", List.of());
          model.addAttribute("learningsAcknowledged", List.of());
          model.addAttribute("adviserFields", List.of());
          return "decisions/record-failed";
        });
  }

  /** Whom a request asks: the holder the check named, as its id. */
  private static long holder(String typed) {
    if (typed == null || !typed.matches("\\d{1,18}")) {
      throw new InvalidInputException("holder", "Choose whom to ask.");
    }
    return Long.parseLong(typed);
  }

  @PostMapping("/authority/requests/{id}/approval")
  String approve(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect) {
    // the adviser typed comes back beside the request it was for, with the message under it
    String field = "adviser-" + id;
    Map<String, String> typed =
        Map.of("request", String.valueOf(id), "adviser", form.getOrDefault(field, ""));
    return Forms.back(
        redirect,
        "redirect:/authority/requests",
        Forms.ERRORS,
        Map.of("approveTyped", typed),
        () -> {
          HolderRequest approved =
              requests.approve(me, id, form.getOrDefault("adviceConsidered", ""), advisers(form));
          redirect.addFlashAttribute("message", "Approved and recorded as your decision.");
          return "redirect:/decisions/" + approved.decisionId();
        },
        "advisers",
        field);
  }

  @PostMapping("/authority/requests/{id}/decline")
  String decline(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String answer,
      RedirectAttributes redirect) {
    return Forms.back(
        redirect,
        "redirect:/authority/requests",
        "Declined; the requester sees your reason.",
        () -> requests.decline(me, id, answer));
  }

  @GetMapping("/admin/decisions/verify")
  @PreAuthorize("hasRole('ADMIN')")
  String verify(Model model) {
    model.addAttribute("verification", decisions.verify());
    model.addAttribute("witness", decisions.witnessed());
    return "decisions/verify";
  }

  private Map<Long, String> names(List<Decision> items) {
    List<Long> ids = new java.util.ArrayList<>();
    items.forEach(
        d -> {
          if (d.deciderPersonId() != null) {
            ids.add(d.deciderPersonId());
          }
          if (d.requestedByPersonId() != null) {
            ids.add(d.requestedByPersonId());
          }
        });
    return directory.names(ids);
  }

  private static java.time.LocalDate followUp(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(text.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInputException("followUpOn", "Enter the follow-up date as a date.");
    }
  }

  /** The priority chosen from the list (blank is none). */
  private static Long priority(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("priorityId", "Choose one of the current priorities.");
    }
  }

  /** What the check page's forms send: the checked question plus what was decided. */
  static DecisionDraft draft(Map<String, String> form) {
    Money money =
        Money.fromForm(form.get("amount"), form.getOrDefault("currency", "EUR"), "amount");
    Map<String, String> context = CheckQuestion.contextFromLines(form.get("context"));
    return new DecisionDraft(
        form.getOrDefault("type", ""),
        form.get("title"),
        form.get("reason"),
        money,
        context,
        List.of(),
        null,
        form.get("adviceConsidered"),
        null);
  }
}
