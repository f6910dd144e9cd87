package org.baton.authority;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.baton.identity.BatonUser;
import org.baton.platform.FieldProblem;
import org.baton.platform.Forms;
import org.baton.platform.Htmx;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Can I decide this?" on a phone, the policy for everyone to read, and one's delegations. */
@Controller
class AuthorityController {

  private final Authority authority;
  private final AuthorityAdministration administration;
  private final Delegations delegations;
  private final Directory directory;
  private final RuleChanges ruleChanges;

  private final KindsOfDecision kinds;
  private final Words words;
  private final ObjectProvider<AnswerAside> asides;

  AuthorityController(
      Authority authority,
      AuthorityAdministration administration,
      Delegations delegations,
      Directory directory,
      RuleChanges ruleChanges,
      KindsOfDecision kinds,
      Words words,
      ObjectProvider<AnswerAside> asides) {
    this.asides = asides;
    this.kinds = kinds;
    this.words = words;
    this.ruleChanges = ruleChanges;
    this.authority = authority;
    this.administration = administration;
    this.delegations = delegations;
    this.directory = directory;
  }

  /**
   * The check form, and its answer when a type is given. Asking through the form is a POST
   * (CSRF-protected) and is logged like the API; a GET (a link from elsewhere) shows the same
   * answer but only reads, so no third-party page can write to the check log through a link.
   */
  @RequestMapping(
      value = "/authority/check",
      method = {RequestMethod.GET, RequestMethod.POST})
  String check(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "EUR") String currency,
      @RequestParam(defaultValue = "") String context,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    boolean asked = RequestMethod.POST.name().equals(request.getMethod());
    return answer(me, type, amount, currency, context, asked, request, response, model);
  }

  /** The form, with the answer when a type was given; htmx asks for the answer alone. */
  private String answer(
      BatonUser me,
      String type,
      String amount,
      String currency,
      String context,
      boolean logged,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("types", kinds.usualFirst(me.personId()));
    model.addAttribute("teams", directory.teams());
    model.addAttribute("type", type);
    model.addAttribute("amount", amount);
    model.addAttribute("currency", currency);
    model.addAttribute("context", context);
    if (!type.isBlank() && me.personId() == null) {
      // an operator account decides nothing: say so rather than answer with nothing
      model.addAttribute(
          "errors",
          Map.of(
              "decisionType",
              "Sign in as yourself: the check answers whether a decision is yours, and an"
                  + " operator account decides nothing."));
      return withFieldErrors(request, response);
    }
    if (!type.isBlank() && me.personId() != null) {
      KindsOfDecision.Match kind = kinds.match(type);
      if (kind.code() == null) {
        // the amount is checked too, so that one answer names every problem
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("decisionType", kind.problem(type));
        try {
          Money.fromForm(amount, currency, "amount");
        } catch (InvalidInputException e) {
          errors.put("amount", e.problems().get(0).message());
        }
        model.addAttribute("errors", errors);
        return withFieldErrors(request, response);
      }
      // the field says the kind's name from now on, however it was typed
      model.addAttribute("type", words.type(kind.code()));
      try {
        CheckQuestion question = question(me.personId(), kind.code(), amount, currency, context);
        CheckResult result =
            logged ? authority.check(me, question) : authority.answer(me, question);
        model.addAttribute("result", result);
        List<AnswerAside> shown = asides.orderedStream().toList();
        shown.forEach(aside -> aside.addTo(me, result, model.asMap()));
        model.addAttribute("asides", shown);
      } catch (InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem problem : e.problems()) {
          errors.putIfAbsent(
              problem.field().startsWith("amount") ? "amount" : problem.field(), problem.message());
        }
        model.addAttribute("errors", errors);
        return withFieldErrors(request, response);
      }
    }
    return Htmx.view(request, "authority/check", "answer");
  }

  /**
   * The page with each field's error beside it: the fields are outside the answer htmx swaps, so a
   * refused question swaps the page's whole main instead, keeping what was typed in each field.
   */
  private static String withFieldErrors(HttpServletRequest request, HttpServletResponse response) {
    if (Htmx.isFragmentRequest(request)) {
      response.setHeader("HX-Retarget", "#main");
      response.setHeader("HX-Reselect", "#main");
      response.setHeader("HX-Reswap", "outerHTML");
    }
    return "authority/check";
  }

  /** Turns what the form sent into a question; a malformed field is that field's error. */
  static CheckQuestion question(
      long personId, String type, String amount, String currency, String context) {
    Money money = Money.fromForm(amount, currency, "amount");
    return new CheckQuestion(
        personId, type.strip(), money, CheckQuestion.contextFromLines(context));
  }

  @GetMapping("/authority/rules")
  String rules(Model model) {
    model.addAttribute("rules", administration.rules());
    model.addAttribute("types", administration.types());
    return "authority/rules";
  }

  @GetMapping("/authority/rules/{id}")
  String rule(@AuthenticationPrincipal BatonUser me, @PathVariable long id, Model model) {
    AuthorityAdministration.RuleWithHistory rule = administration.rule(id);
    model.addAttribute("rule", rule);
    model.addAttribute("mayChange", AuthorityPermissions.mayChange(me, rule.rule()));
    model.addAttribute("proposals", ruleChanges.views(me, id));
    return "authority/rule";
  }

  @GetMapping("/authority/delegations")
  String delegations(@AuthenticationPrincipal BatonUser me, Model model) {
    model.addAttribute("types", administration.types());
    model.addAttribute(
        "delegations",
        me.personId() == null ? java.util.List.of() : delegations.involving(me.personId()));
    return "authority/delegations";
  }

  @PostMapping("/authority/delegations")
  String delegate(
      @AuthenticationPrincipal BatonUser me,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(defaultValue = "") String type,
      @RequestParam(defaultValue = "") String limit,
      @RequestParam(defaultValue = "EUR") String currency,
      @RequestParam(defaultValue = "") String until,
      @RequestParam(defaultValue = "") String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Map<String, String> typed =
        Map.of(
            "to",
            to,
            "type",
            type,
            "limit",
            limit,
            "currency",
            currency,
            "until",
            until,
            "reason",
            reason);
    return Forms.showAgain(
        model,
        response,
        typed,
        () -> {
          Person delegate = directory.resolvePerson(to, "to");
          Money money = Money.fromForm(limit, currency, "limit");
          if (money == null) {
            throw new InvalidInputException("limit", "Give the delegated limit.");
          }
          // the kind as typed: its name (as the suggestions show it), a word of it or its code
          delegations.delegate(
              me, delegate.id(), kinds.codeFor(type), money, null, end(until), reason);
          redirect.addFlashAttribute("message", "Delegated to " + delegate.name() + ".");
          return "redirect:/authority/delegations";
        },
        () -> delegations(me, model));
  }

  /** The delegation's last day, typed as a date: it ends when that day is over. */
  private static Instant end(String until) {
    try {
      return LocalDate.parse(until).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      throw new InvalidInputException("until", "Choose the last day of the delegation.");
    }
  }

  @PostMapping("/authority/delegations/{id}/revoke")
  String revoke(
      @AuthenticationPrincipal BatonUser me, @PathVariable long id, RedirectAttributes redirect) {
    delegations.revoke(me, id);
    redirect.addFlashAttribute("message", "The delegation has ended.");
    return "redirect:/authority/delegations";
  }
}
