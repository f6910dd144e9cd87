package org.baton.advice;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.baton.decisions.DecisionDraft;
import org.baton.directory.Directory;
import org.baton.identity.BatonUser;
import org.baton.platform.Forms;
import org.baton.platform.Htmx;
import org.baton.platform.InvalidInputException;
import org.baton.platform.KeyedPage;
import org.baton.platform.Money;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Asking for advice, the request page where advice arrives live, giving and closing. */
@Controller
class AdviceController {

  private static final int PAGE_SIZE = 25;

  private final AdviceService advice;
  private final Directory directory;
  private final org.baton.strategy.Strategy strategy;
  private final java.time.Clock clock;
  private final org.baton.initiatives.Initiatives initiatives;
  private final org.baton.authority.KindsOfDecision kinds;

  AdviceController(
      AdviceService advice,
      Directory directory,
      org.baton.strategy.Strategy strategy,
      java.time.Clock clock,
      org.baton.initiatives.Initiatives initiatives,
      org.baton.authority.KindsOfDecision kinds) {
    this.initiatives = initiatives;
    this.kinds = kinds;
    this.advice = advice;
    this.strategy = strategy;
    this.directory = directory;
    this.clock = clock;
  }

  @GetMapping("/advice")
  String list(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(required = false) String after,
      HttpServletRequest request,
      Model model) {
    KeyedPage<AdviceRequest> requests = advice.involving(me, after, PAGE_SIZE);
    model.addAttribute("requests", requests);
    model.addAttribute(
        "names", directory.names(requests.items().stream().map(AdviceRequest::askerId).toList()));
    model.addAttribute("now", clock.instant());
    return Htmx.view(request, "advice/list", "results");
  }

  /** The ask form; the proposed panel follows the perspectives typed (htmx, same handler). */
  @GetMapping("/advice/new")
  String ask(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(required = false) Long initiative,
      @RequestParam(defaultValue = "") String perspectives,
      @RequestParam(defaultValue = "") String question,
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "EUR") String currency,
      @RequestParam(required = false) Long priorityId,
      @RequestParam(defaultValue = "") String deadline,
      HttpServletRequest request,
      Model model) {
    model.addAttribute("initiative", initiative);
    model.addAttribute("deadline", deadline);
    boolean retry = model.containsAttribute("errors"); // what was typed stays as typed
    if (initiative != null) {
      // Asked for an initiative: its title and priority start the question (advisers read its
      // description beside the question, so it is not copied into the context).
      org.baton.initiatives.Initiative forIt = initiatives.find(initiative);
      model.addAttribute("initiativeTitle", forIt.title());
      if (question.isBlank() && !retry) {
        question = forIt.title() + ": what do you advise?";
      }
      if (priorityId == null && !retry) {
        priorityId = forIt.priorityId();
      }
    }
    if (!model.containsAttribute("context")) {
      model.addAttribute("context", "");
    }
    if (!model.containsAttribute("restricted")) {
      model.addAttribute("restricted", false);
    }
    model.addAttribute("priorityId", priorityId);
    // Those linked to the kind of decision first: what matters for this question.
    List<org.baton.strategy.Direction.Priority> related = strategy.prioritiesFor(type);
    List<org.baton.strategy.Direction.Priority> priorities = new java.util.ArrayList<>(related);
    strategy.currentPriorities().stream()
        .filter(p -> !related.contains(p))
        .forEach(priorities::add);
    model.addAttribute("priorities", priorities);
    model.addAttribute("perspectives", perspectives);
    model.addAttribute("question", question);
    model.addAttribute("type", type);
    model.addAttribute("amount", amount);
    model.addAttribute("currency", currency);
    model.addAttribute("allPerspectives", directory.perspectives());
    model.addAttribute(
        "proposed",
        // nobody to propose for an account that is no person: asking tells it to sign in as itself
        me.personId() == null || (perspectives.isBlank() && initiative == null)
            ? List.of()
            : advice.proposePanel(me, split(perspectives), initiative));
    return Htmx.view(request, "advice/new", "panel");
  }

  @PostMapping("/advice")
  String create(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(required = false) Long initiative,
      @RequestParam(defaultValue = "") String question,
      @RequestParam(defaultValue = "") String context,
      @RequestParam(defaultValue = "") String deadline,
      @RequestParam(defaultValue = "") String perspectives,
      @RequestParam(required = false) List<Long> panel,
      @RequestParam(defaultValue = "false") boolean restricted,
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "EUR") String currency,
      @RequestParam(defaultValue = "") String addEmail,
      @RequestParam(required = false) Long priorityId,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return Forms.showAgain(
        model,
        response,
        null,
        () -> {
          List<Long> chosen = new java.util.ArrayList<>(panel == null ? List.of() : panel);
          // the people picker sends one e-mail address (or id); a list separated by commas works
          for (String someone : addEmail.split(",")) {
            if (!someone.isBlank()) {
              chosen.add(directory.resolvePerson(someone.strip(), "addEmail").id());
            }
          }
          AdviceRequest asked =
              advice.ask(
                  me,
                  new AdviceService.Ask(
                      initiative,
                      question,
                      context,
                      deadline(deadline),
                      split(perspectives),
                      chosen,
                      restricted,
                      type,
                      Money.fromForm(amount, currency, "amount"),
                      priorityId));
          return "redirect:/advice/" + asked.id();
        },
        () -> {
          model.addAttribute("restricted", restricted); // a restricted ask must not come back open
          model.addAttribute("context", context);
          model.addAttribute("deadline", deadline);
          model.addAttribute("addEmail", addEmail);
          return ask(
              me,
              initiative,
              perspectives,
              question,
              type,
              amount,
              currency,
              priorityId,
              deadline,
              request,
              model);
        });
  }

  /** The request page; pages open on it refresh the advice when the stream says it changed. */
  @GetMapping("/advice/{id}")
  String show(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      HttpServletRequest request,
      Model model) {
    AdviceService.View view = advice.view(me, id);
    model.addAttribute("view", view);
    model.addAttribute("r", view.request());
    model.addAttribute(
        "priority",
        view.request().priorityId() == null
            ? null
            : strategy.priority(view.request().priorityId()).orElse(null));
    model.addAttribute("stances", Stance.values());
    // the kinds the asker decides from; nobody else sees the form
    model.addAttribute("types", view.may().close() ? kinds.usualFirst(me.personId()) : List.of());
    // Advisers read the question beside what the initiative is about.
    org.baton.initiatives.Initiative initiative =
        view.request().initiativeId() == null
            ? null
            : initiatives.find(view.request().initiativeId());
    model.addAttribute("initiative", initiative);
    model.addAttribute(
        "initiativeLeader",
        initiative == null
            ? null
            : directory
                .findPerson(initiative.leaderId())
                .map(org.baton.directory.Person::name)
                .orElse(""));
    model.addAttribute(
        "mine",
        view.current().stream().filter(a -> me.isPerson(a.adviserId())).findFirst().orElse(null));
    return Htmx.view(request, "advice/show", "advice");
  }

  @PostMapping("/advice/{id}/advice")
  String give(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String stance,
      @RequestParam(defaultValue = "") String reasons,
      @RequestParam(defaultValue = "") String conditions,
      RedirectAttributes redirect) {
    String back = "redirect:/advice/" + id;
    Map<String, String> typed =
        Map.of("stance", stance, "reasons", reasons, "conditions", conditions);
    return Forms.back(
        redirect,
        back,
        Map.of("adviceTyped", typed),
        () -> {
          Stance chosen =
              Arrays.stream(Stance.values())
                  .filter(s -> s.name().equals(stance))
                  .findFirst()
                  .orElse(null);
          advice.advise(me, id, chosen, reasons, conditions);
          redirect.addFlashAttribute(
              "message", "Your advice is in. You can revise it while the request is open.");
          return back;
        });
  }

  /** The asker fills a place left by someone who has gone with Baton's proposed replacement. */
  @PostMapping("/advice/{id}/vacancies/fill")
  String fillVacancy(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(required = false) Long person,
      RedirectAttributes redirect) {
    return Forms.back(
        redirect,
        "redirect:/advice/" + id,
        "Asked. The new adviser is told.",
        () -> advice.fillVacancy(me, id, person));
  }

  @PostMapping("/advice/{id}/close")
  String close(
      @AuthenticationPrincipal BatonUser me,
      @PathVariable long id,
      @RequestParam(defaultValue = "decide") String how,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "EUR") String currency,
      @RequestParam(defaultValue = "") String note,
      @RequestParam(defaultValue = "") String adviser,
      RedirectAttributes redirect) {
    // what was typed comes back with the message, in the form it was typed into
    Map<String, String> typed = new java.util.HashMap<>();
    typed.put("how", how);
    typed.put("type", type);
    typed.put("amount", amount);
    typed.put("currency", currency);
    typed.put("title", title);
    typed.put("reason", reason);
    typed.put("note", note);
    typed.put("adviser", adviser);
    String back = "redirect:/advice/" + id;
    return Forms.back(
        redirect,
        back,
        Forms.ERRORS,
        Map.of("closeTyped", typed),
        () -> {
          DecisionDraft decide = null;
          if ("decide".equals(how)) {
            // advice given outside the request (by phone, say) is named; the request's own counts
            List<Long> named =
                adviser.isBlank()
                    ? List.of()
                    : List.of(directory.resolvePerson(adviser, "advisers").id());
            decide =
                new DecisionDraft(
                        kinds.codeFor(type), // the kind as typed: its name, a word or its code
                        title,
                        reason,
                        Money.fromForm(amount, currency, "amount"),
                        Map.of(),
                        List.of(),
                        null,
                        "",
                        null)
                    .withAdvice(named, null);
          }
          AdviceRequest closed = advice.close(me, id, decide, note);
          if (closed.decisionId() != null) {
            return "redirect:/decisions/" + closed.decisionId() + "?recorded";
          }
          redirect.addFlashAttribute("message", "Closed without a decision.");
          return back;
        },
        "decisionType",
        "type");
  }

  private static List<String> split(String perspectives) {
    return Arrays.stream(perspectives.split(","))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .toList();
  }

  /** A deadline as a date (end of that day, UTC) or a date and time. */
  private static java.time.Instant deadline(String text) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return text.contains("T")
          ? LocalDateTime.parse(text).toInstant(ZoneOffset.UTC)
          : LocalDate.parse(text).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("deadline", "Enter the deadline as a date.");
    }
  }
}
