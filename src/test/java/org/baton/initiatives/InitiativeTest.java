package org.baton.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.baton.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class InitiativeTest {

  static final long OLIVIA = 1;
  static final long PRIYA = 2;
  static final long FELIX = 3;
  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final Initiative burr = initiative(InitiativeStatus.OPEN, NOW, List.of(FELIX));

  @Test
  void onlyTheLeaderHandsOverAndNeverToThemselvesOrSomeoneWhoLeft() {
    burr.checkHandOver(OLIVIA, PRIYA, true);
    assertThatThrownBy(() -> burr.checkHandOver(FELIX, PRIYA, true))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> burr.checkHandOver(OLIVIA, OLIVIA, true))
        .hasMessageContaining("choose someone else");
    assertThatThrownBy(() -> burr.checkHandOver(OLIVIA, PRIYA, false))
        .hasMessageContaining("still with the company");
  }

  @Test
  void nobodyJoinsTwiceAndTheLeaderDoesNotJoin() {
    burr.checkJoin(PRIYA);
    assertThatThrownBy(() -> burr.checkJoin(FELIX))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("already");
    assertThatThrownBy(() -> burr.checkJoin(OLIVIA))
        .hasMessageContaining("lead this initiative already");
  }

  @Test
  void doneNeedsAnOutcomeDroppedNeedsAReasonAndBothAreFinal() {
    assertThatThrownBy(() -> burr.checkStatusChange(OLIVIA, InitiativeStatus.DONE, ""))
        .hasMessageContaining("outcome");
    assertThatThrownBy(() -> burr.checkStatusChange(OLIVIA, InitiativeStatus.DROPPED, " "))
        .hasMessageContaining("why");
    burr.checkStatusChange(OLIVIA, InitiativeStatus.EXPLORING, null);
    Initiative done = initiative(InitiativeStatus.DONE, NOW, List.of());
    assertThatThrownBy(() -> done.checkJoin(PRIYA)).hasMessageContaining("done");
    assertThatThrownBy(() -> done.checkStatusChange(OLIVIA, InitiativeStatus.OPEN, null))
        .hasMessageContaining("done");
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
