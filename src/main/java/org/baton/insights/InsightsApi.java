package org.baton.insights;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/insights")
@Tag(name = "Insights", description = "Where and how fast decisions are made")
class InsightsApi {

  private final WhereDecisionsAreMade where;

  InsightsApi(WhereDecisionsAreMade where) {
    this.where = where;
  }

  @GetMapping(value = "/where-decisions-are-made", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Decisions at the front line, by team leaders and via holders, by month; a team"
              + " includes the teams below it, a type the types below it; confidential ones are"
              + " never counted. Also as CSV (Accept: text/csv).")
  WhereDecisionsAreMade.Answer whereDecisionsAreMade(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long team,
      @RequestParam(required = false) String decisionType) {
    return where.answer(new WhereDecisionsAreMade.Query(from, to, team, decisionType));
  }

  @GetMapping(value = "/where-decisions-are-made", produces = "text/csv")
  String whereDecisionsAreMadeCsv(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long team,
      @RequestParam(required = false) String decisionType) {
    return WhereDecisionsAreMade.csv(
        where.answer(new WhereDecisionsAreMade.Query(from, to, team, decisionType)));
  }
}
