package org.baton.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.baton.platform.FieldProblem;
import org.junit.jupiter.api.Test;

class InitiativeTest {

  static final long OLIVIA = 1;
  static final long PRIYA = 2;
  static final long FELIX = 3;
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final Initiative burr = initiative(InitiativeStatus.OPEN, NOW, List.of(FELIX));

  @Test
  void onlyTheLeaderLeadsAndTheLeadGoesToSomeoneElseWhoIsStillHere() {
    assertThat(InitiativesPermissions.mayLead(OLIVIA, burr)).isTrue();
    assertThat(InitiativesPermissions.mayLead(FELIX, burr)).isFalse();
    assertThat(InitiativeRules.handOver(burr, PRIYA, true)).isEmpty();
    assertThat(messages(InitiativeRules.handOver(burr, OLIVIA, true)))
        .singleElement(STRING)
        .contains("choose someone else");
    assertThat(messages(InitiativeRules.handOver(burr, PRIYA, false)))
        .singleElement(STRING)
        .contains("still with the company");
  }

  @Test
  void nobodyJoinsTwiceAndTheLeaderDoesNotJoin() {
    assertThat(InitiativeRules.join(burr, PRIYA)).isEmpty();
    assertThat(messages(InitiativeRules.join(burr, FELIX)))
        .containsExactly("You support this initiative already.");
    assertThat(messages(InitiativeRules.join(burr, OLIVIA)))
        .containsExactly("You lead this initiative already.");
  }

  @Test
  void doneNeedsAnOutcomeDroppedNeedsAReasonAndBothAreFinal() {
    assertThat(messages(InitiativeRules.statusChange(burr, InitiativeStatus.DONE, "")))
        .singleElement(STRING)
        .contains("outcome");
    assertThat(messages(InitiativeRules.statusChange(burr, InitiativeStatus.DROPPED, " ")))
        .singleElement(STRING)
        .contains("why");
    assertThat(InitiativeRules.statusChange(burr, InitiativeStatus.EXPLORING, null)).isEmpty();
    assertThat(messages(InitiativeRules.statusChange(burr, null, null)))
        .containsExactly("Choose a status.");
    Initiative done = initiative(InitiativeStatus.DONE, NOW, List.of());
    assertThat(messages(InitiativeRules.join(done, PRIYA))).singleElement(STRING).contains("done");
    assertThat(messages(InitiativeRules.statusChange(done, InitiativeStatus.OPEN, null)))
        .singleElement(STRING)
        .contains("done");
  }

  @Test
  void aNewInitiativeNamesEveryProblemAtOnce() {
    InitiativeRules.Known known =
        new InitiativeRules.Known(Set.of(11L), priority -> priority == 7, contribution -> false);
    assertThat(
            InitiativeRules.start(" ", "", "x".repeat(201), List.of(11L, 99L), 8L, 5L, known)
                .stream()
                .map(FieldProblem::field))
        .containsExactly("title", "location", "teamIds", "priorityId", "contributionId");
    assertThat(InitiativeRules.start("Burr", null, null, List.of(11L), 7L, null, known)).isEmpty();
    assertThat(messages(InitiativeRules.comment(" "))).containsExactly("Write something first.");
  }

  private static List<String> messages(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::message).toList();
  }

  @Test
  void anInitiativeIsUnattendedWhenItsLeaderLeftOrAfterAMonthOfSilence() {
    assertThat(burr.isUnattended(true, NOW)).isFalse();
    assertThat(burr.isUnattended(false, NOW)).isTrue();
    assertThat(burr.isUnattended(true, NOW.plus(Initiative.SILENCE).plus(Duration.ofMinutes(1))))
        .isTrue();
    assertThat(initiative(InitiativeStatus.DONE, NOW, List.of()).isUnattended(false, NOW))
        .isFalse();
  }

  private static Initiative initiative(
      InitiativeStatus status, Instant lastActivity, List<Long> supporters) {
    return new Initiative(
        10,
        "Burr after tool change",
        "",
        "Line 3",
        null,
        status,
        "",
        OLIVIA,
        OLIVIA,
        NOW.minus(Duration.ofDays(1)),
        lastActivity,
        List.of(),
        supporters,
        null,
        null);
  }
}
