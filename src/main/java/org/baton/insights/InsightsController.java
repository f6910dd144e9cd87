package org.baton.insights;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.baton.directory.Directory;
import org.baton.platform.Htmx;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The insights page: where decisions are made, how fast, who leads and where work waits, filtered
 * by period, team and kind of decision; a team's own page; each measure as CSV.
 */
@Controller
class InsightsController {

  private final WhereDecisionsAreMade where;
  private final HowFast howFast;
  private final LeadershipSpread spread;
  private final Bottlenecks bottlenecks;
  private final LearningAndAlignment learning;
  private final Directory directory;
  private final JsonMapper json;
  private final java.time.Clock clock;
  private final org.baton.platform.When when;

  InsightsController(
      WhereDecisionsAreMade where,
      HowFast howFast,
      LeadershipSpread spread,
      Bottlenecks bottlenecks,
      LearningAndAlignment learning,
      Directory directory,
      JsonMapper json,
      java.time.Clock clock,
      org.baton.platform.When when) {
    this.when = when;
    this.clock = clock;
    this.where = where;
    this.howFast = howFast;
    this.spread = spread;
    this.bottlenecks = bottlenecks;
    this.learning = learning;
    this.directory = directory;
    this.json = json;
  }

  /**
   * The overview: where decisions are made, with the other measures loaded after it has shown (each
   * from its own page's handler), so that no one request computes them all.
   */
  @GetMapping("/insights")
  String insights(
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(required = false) Long team,
      @RequestParam(defaultValue = "") String decisionType,
      HttpServletResponse response,
      Model model) {
    filters(model, "/insights", from, to, team, decisionType);
    model.addAttribute("overview", true);
    try {
      WhereDecisionsAreMade.Answer places = where.answer(query(from, to, team, decisionType));
      model.addAttribute("where", places);
      model.addAttribute("summary", InsightsSummary.of(places, LocalDate.now(clock)));
      model.addAttribute(
          "period", "From " + when.day(places.from()) + " to " + when.day(places.to()));
      model.addAttribute("charts", Map.of("places", placesChart(places)));
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.byField());
      response.setStatus(422);
    }
    return "insights/insights";
  }

  /** A team's own page: the same insights for the team and the teams below it. */
  @GetMapping("/insights/teams/{id}")
  String team(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(defaultValue = "") String decisionType,
      HttpServletResponse response,
      Model model) {
    model.addAttribute(
        "teamName",
        directory
            .findTeam(id)
            .orElseThrow(() -> new NotFoundException("No team " + id + "."))
            .name());
    return insights(from, to, id, decisionType, response, model);
  }

  /** One measure: its own page (with the filters), or, asked by the overview, its section alone. */
  @GetMapping("/insights/{measure:how-fast|leadership-spread|bottlenecks|learning-and-alignment}")
  String measure(
      @PathVariable String measure,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(required = false) Long team,
      @RequestParam(defaultValue = "") String decisionType,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    filters(model, "/insights/" + measure, from, to, team, decisionType);
    model.addAttribute("overview", false);
    String section =
        switch (measure) {
          case "how-fast" -> "fast";
          case "leadership-spread" -> "spread";
          case "bottlenecks" -> "bottlenecks";
          default -> "learning";
        };
    try {
      InsightsQuery query = query(from, to, team, decisionType);
      Map<String, Chart> charts = new LinkedHashMap<>();
      switch (section) {
        case "fast" -> {
          HowFast.Answer fast = howFast.answer(query);
          model.addAttribute("fast", fast);
          model.addAttribute("period", fast.from() + " to " + fast.to());
          charts.put("fast", fastChart(fast));
        }
        case "spread" -> {
          LeadershipSpread.Answer leading = spread.answer(query);
          model.addAttribute("spread", leading);
          model.addAttribute("period", leading.from() + " to " + leading.to());
          charts.put("spread", spreadChart(leading));
        }
        case "bottlenecks" -> {
          Bottlenecks.Answer waiting = bottlenecks.answer(query);
          model.addAttribute("bottlenecks", waiting);
          model.addAttribute("period", waiting.from() + " to " + waiting.to());
        }
        default -> {
          LearningAndAlignment.Answer learned = learning.answer(query);
          model.addAttribute("learning", learned);
          model.addAttribute("period", learned.from() + " to " + learned.to());
        }
      }
      model.addAttribute("charts", charts);
    } catch (InvalidInputException e) {
      model.addAttribute("errors", e.byField());
      response.setStatus(422);
      return "insights/insights";
    }
    return Htmx.isFragmentRequest(request)
        ? "insights/measures :: " + section
        : "insights/insights";
  }

  private void filters(
      Model model, String action, String from, String to, Long team, String decisionType) {
    model.addAttribute("formAction", action);
    model.addAttribute("teams", directory.teams());
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("team", team);
    model.addAttribute("decisionType", decisionType);
  }

  /** Each measure as CSV, for a spreadsheet, with the page's filters. */
  @GetMapping(value = "/insights/{measure}.csv", produces = "text/csv")
  @ResponseBody
  byte[] csv(
      @PathVariable String measure,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String to,
      @RequestParam(required = false) Long team,
      @RequestParam(defaultValue = "") String decisionType,
      HttpServletResponse response) {
    InsightsQuery query = query(from, to, team, decisionType);
    String csv =
        switch (measure) {
          case "where-decisions-are-made" -> WhereDecisionsAreMade.csv(where.answer(query));
          case "how-fast" -> HowFast.csv(howFast.answer(query));
          case "leadership-spread" -> LeadershipSpread.csv(spread.answer(query));
          case "bottlenecks" -> Bottlenecks.csv(bottlenecks.answer(query));
          case "learning-and-alignment" -> LearningAndAlignment.csv(learning.answer(query));
          default -> throw new NotFoundException("No measure " + measure + ".");
        };
    response.setHeader("Content-Disposition", "attachment; filename=\"" + measure + ".csv\"");
    return csv.getBytes(StandardCharsets.UTF_8);
  }

  /** What each chart draws: its month labels and its series, as the page's tables show them. */
  record Chart(String labels, String series) {}

  private Chart placesChart(WhereDecisionsAreMade.Answer places) {
    List<WhereDecisionsAreMade.Month> months = places.byMonth();
    return chart(
        months.stream().map(WhereDecisionsAreMade.Month::month).toList(),
        Map.of(
            "Front line", months.stream().map(m -> (Object) m.frontLine()).toList(),
            "Team leaders", months.stream().map(m -> (Object) m.teamLeaders()).toList(),
            "Via holders", months.stream().map(m -> (Object) m.viaHolders()).toList()));
  }

  /** Each measure's monthly median, in hours, on the months any measure has. */
  private Chart fastChart(HowFast.Answer fast) {
    List<LocalDate> fastMonths =
        fast.measures().stream()
            .flatMap(m -> m.byMonth().stream().map(HowFast.Month::month))
            .distinct()
            .sorted()
            .toList();
    Map<String, List<Object>> medians = new LinkedHashMap<>();
    for (HowFast.Measure measure : fast.measures()) {
      Map<LocalDate, Long> byMonth = new LinkedHashMap<>();
      measure.byMonth().forEach(m -> byMonth.put(m.month(), m.medianSeconds()));
      medians.put(
          measure.title() + " (median, hours)",
          fastMonths.stream()
              .map(
                  month ->
                      byMonth.containsKey(month)
                          ? (Object) (Math.round(byMonth.get(month) / 360.0) / 10.0)
                          : null)
              .toList());
    }
    return chart(fastMonths, medians);
  }

  private Chart spreadChart(LeadershipSpread.Answer leading) {
    List<LeadershipSpread.Month> months = leading.byMonth();
    return chart(
        months.stream().map(LeadershipSpread.Month::month).toList(),
        Map.of(
            "People leading", months.stream().map(m -> (Object) m.leading()).toList(),
            "Hand-overs", months.stream().map(m -> (Object) m.handOvers()).toList()));
  }

  private Chart chart(List<LocalDate> months, Map<String, List<Object>> series) {
    List<Map<String, Object>> datasets = new ArrayList<>();
    new java.util.TreeMap<>(series)
        .forEach((label, data) -> datasets.add(Map.of("label", label, "data", data)));
    // the month in progress is marked, so that half a month does not read as a collapse
    LocalDate current = LocalDate.now(clock).withDayOfMonth(1);
    Function<LocalDate, String> month =
        m -> when.shortMonth(m) + (m.equals(current) ? " (so far)" : "");
    return new Chart(
        String.join(",", months.stream().map(month).toList()), json.writeValueAsString(datasets));
  }

  private static InsightsQuery query(String from, String to, Long team, String decisionType) {
    return new InsightsQuery(
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
