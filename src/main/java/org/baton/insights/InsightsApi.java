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

/**
 * Every measure as JSON, and as CSV with {@code Accept: text/csv}; each filtered by period, team
 * (with the teams below it) and kind of decision (with the kinds below it).
 */
@RestController
@RequestMapping("/api/v1/insights")
@Tag(name = "Insights", description = "Where and how fast decisions are made, and who leads")
class InsightsApi {

  private final WhereDecisionsAreMade where;
  private final HowFast howFast;
  private final LeadershipSpread spread;
  private final Bottlenecks bottlenecks;
  private final LearningAndAlignment learning;

  InsightsApi(
      WhereDecisionsAreMade where,
      HowFast howFast,
      LeadershipSpread spread,
      Bottlenecks bottlenecks,
      LearningAndAlignment learning) {
    this.where = where;
    this.howFast = howFast;
    this.spread = spread;
    this.bottlenecks = bottlenecks;
    this.learning = learning;
  }

  @GetMapping(value = "/learning-and-alignment", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Reversed decisions and how many a published review is about; decisions whose decider"
              + " was shown past learnings, and acknowledged one; review actions due, done on"
              + " time, late or overdue; initiatives and decisions per priority. Also as CSV.")
  LearningAndAlignment.Answer learningAndAlignment(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long team,
      @RequestParam(required = false) String decisionType) {
    return learning.answer(new InsightsQuery(from, to, team, decisionType));
  }

  @GetMapping(value = "/learning-and-alignment", produces = "text/csv")
  String learningAndAlignmentCsv(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long team,
      @RequestParam(required = false) String decisionType) {
    return LearningAndAlignment.csv(
        learning.answer(new InsightsQuery(from, to, team, decisionType)));
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
    return where.answer(new InsightsQuery(from, to, team, decisionType));
  }

  @GetMapping(value = "/where-decisions-are-made", produces = "text/csv")
  String whereDecisionsAreMadeCsv(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long team,
      @RequestParam(required = false) String decisionType) {
    return WhereDecisionsAreMade.csv(where.answer(new InsightsQuery(from, to, team, decisionType)));
  }

  @GetMapping(value = "/how-fast", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Initiatives spotted to decided, advice asked to first advice and to closed, requests"
              + " to holders asked to answered: how many ended in the period, their median and"
              + " 90th percentile in seconds, by the month they ended. Also as CSV.")
  HowFast.Answer howFast(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long team,
      @RequestParam(required = false) String decisionType) {
    return howFast.answer(new InsightsQuery(from, to, team, decisionType));
  }

  @GetMapping(value = "/how-fast", produces = "text/csv")
  String howFastCsv(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long team,
      @RequestParam(required = false) String decisionType) {
    return HowFast.csv(howFast.answer(new InsightsQuery(from, to, team, decisionType)));
  }

  @GetMapping(value = "/leadership-spread", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "How many different people decide or lead initiatives, as a share of headcount, per"
              + " team and month; hand-overs; how concentrated deciding is. Nobody is named."
              + " Counts every kind of decision. Also as CSV.")
  LeadershipSpread.Answer leadershipSpread(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long team) {
    return spread.answer(new InsightsQuery(from, to, team, null));
  }

  @GetMapping(value = "/leadership-spread", produces = "text/csv")
  String leadershipSpreadCsv(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long team) {
    return LeadershipSpread.csv(spread.answer(new InsightsQuery(from, to, team, null)));
  }

  @GetMapping(value = "/bottlenecks", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Holders with the most and oldest waiting requests, advisers with the most open asks"
              + " (both as they are now), and rules whose limit checks most often just exceeded"
              + " (by at most a quarter) in the period. Also as CSV.")
  Bottlenecks.Answer bottlenecks(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long team,
      @RequestParam(required = false) String decisionType) {
    return bottlenecks.answer(new InsightsQuery(from, to, team, decisionType));
  }

  @GetMapping(value = "/bottlenecks", produces = "text/csv")
  String bottlenecksCsv(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long team,
      @RequestParam(required = false) String decisionType) {
    return Bottlenecks.csv(bottlenecks.answer(new InsightsQuery(from, to, team, decisionType)));
  }
}
