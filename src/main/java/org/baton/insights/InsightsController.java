package org.baton.insights;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.baton.directory.Directory;
import org.baton.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The insights page: where decisions are made, filtered by period, team and kind of decision. */
@Controller
class InsightsController {

  private final WhereDecisionsAreMade where;
  private final Directory directory;

  InsightsController(WhereDecisionsAreMade where, Directory directory) {
    this.where = where;
    this.directory = directory;
  }

  @GetMapping("/insights")
  String insights(
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(required = false) Long team,
      @RequestParam(defaultValue = "") String decisionType,
      HttpServletResponse response,
      Model model) {
    model.addAttribute("teams", directory.teams());
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("team", team);
    model.addAttribute("decisionType", decisionType);
    try {
      model.addAttribute("where", where.answer(query(from, to, team, decisionType)));
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.byField());
      response.setStatus(422);
    }
    return "insights/insights";
  }

  /** The same numbers as CSV, for a spreadsheet. */
  @GetMapping(value = "/insights/where-decisions-are-made.csv", produces = "text/csv")
  @ResponseBody
  byte[] csv(
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(required = false) Long team,
      @RequestParam(defaultValue = "") String decisionType,
      HttpServletResponse response) {
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"where-decisions-are-made.csv\"");
    return WhereDecisionsAreMade.csv(where.answer(query(from, to, team, decisionType)))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static WhereDecisionsAreMade.Query query(
      String from, String to, Long team, String decisionType) {
    return new WhereDecisionsAreMade.Query(
        date(from, "from"), date(to, "to"), team, decisionType.isBlank() ? null : decisionType);
  }

  private static LocalDate date(String text, String field) {
    if (text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "Enter a date such as 2026-05-01.");
    }
  }
}
