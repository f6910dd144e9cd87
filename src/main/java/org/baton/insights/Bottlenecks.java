package org.baton.insights;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.baton.advice.AdviceReadings;
import org.baton.authority.RulesJustExceeded;
import org.baton.decisions.HolderRequests;
import org.baton.directory.Directory;
import org.baton.platform.Csv;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where work waits, each with what to do about it: holders with the most and oldest waiting
 * requests (answer them, or offer a delegation), advisers with the most open asks (propose a panel
 * change), and rules whose limit is most often just exceeded (open the rule: its preview shows what
 * a higher limit would have allowed). Waiting is as it is now; the rules over the period. A team
 * counts what its people asked. Restricted and confidential work is never counted.
 */
@Service
public class Bottlenecks {

  static final int HOW_MANY = 5;

  @Schema(name = "WaitingHolder")
  public record Holder(long personId, String name, long waiting, java.time.Instant oldestSince) {}

  @Schema(name = "BusyAdviser")
  public record Adviser(long personId, String name, long openAsks, java.time.Instant oldestSince) {}

  @Schema(name = "RuleJustExceeded")
  public record Rule(
      long ruleId,
      String decisionType,
      String holder,
      @Schema(nullable = true) String limit,
      long checks) {}

  @Schema(name = "Bottlenecks")
  public record Answer(
      LocalDate from,
      LocalDate to,
      @Schema(nullable = true) Long team,
      @Schema(nullable = true) String decisionType,
      List<Holder> holders,
      List<Adviser> advisers,
      List<Rule> rulesJustExceeded) {}

  private final HolderRequests holderRequests;
  private final AdviceReadings advice;
  private final RulesJustExceeded rules;
  private final Directory directory;
  private final Clock clock;

  Bottlenecks(
      HolderRequests holderRequests,
      AdviceReadings advice,
      RulesJustExceeded rules,
      Directory directory,
      Clock clock) {
    this.holderRequests = holderRequests;
    this.advice = advice;
    this.rules = rules;
    this.directory = directory;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Answer answer(InsightsQuery query) {
    Scope scope = Scope.of(query, directory, clock);
    List<Long> people = scope.people(directory.organisation());
    String type = scope.decisionType();
    return new Answer(
        scope.from(),
        scope.to(),
        scope.team(),
        type,
        holderRequests.mostWaitedOn(people, type, HOW_MANY).stream()
            .map(h -> new Holder(h.holderPersonId(), h.holderName(), h.waiting(), h.oldestSince()))
            .toList(),
        advice.busiestAdvisers(people, type, HOW_MANY).stream()
            .map(a -> new Adviser(a.personId(), a.name(), a.openAsks(), a.oldestSince()))
            .toList(),
        rules.mostOften(scope.from(), scope.to(), scope.teams(), type, HOW_MANY).stream()
            .map(
                r ->
                    new Rule(
                        r.rule().id(),
                        r.rule().decisionType(),
                        r.rule().holder(),
                        r.rule().limit() == null ? null : r.rule().limit().toString(),
                        r.checks()))
            .toList());
  }

  /** The answer as CSV: one line per bottleneck. */
  static String csv(Answer answer) {
    StringBuilder csv = new StringBuilder("kind,id,name,count,oldest_since\n");
    answer
        .holders()
        .forEach(
            h ->
                csv.append("holder,")
                    .append(h.personId())
                    .append(',')
                    .append(Csv.field(h.name()))
                    .append(',')
                    .append(h.waiting())
                    .append(',')
                    .append(h.oldestSince())
                    .append('\n'));
    answer
        .advisers()
        .forEach(
            a ->
                csv.append("adviser,")
                    .append(a.personId())
                    .append(',')
                    .append(Csv.field(a.name()))
                    .append(',')
                    .append(a.openAsks())
                    .append(',')
                    .append(a.oldestSince())
                    .append('\n'));
    answer
        .rulesJustExceeded()
        .forEach(
            r ->
                csv.append("rule,")
                    .append(r.ruleId())
                    .append(',')
                    .append(Csv.field(r.decisionType() + " for " + r.holder()))
                    .append(',')
                    .append(r.checks())
                    .append(",\n"));
    return csv.toString();
  }
}
