package org.baton.initiatives;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitiativesPermissionsTest {

  private static final long LEADER = 1;
  private static final long SUPPORTER = 2;
  private static final long STRANGER = 3;

  private final Initiative open = initiative(InitiativeStatus.EXPLORING);

  @Test
  void onlyAnUnattendedInitiativeIsPickedUpAndNeverByItsLeader() {
    InitiativesPermissions.PickUpFacts attended =
        new InitiativesPermissions.PickUpFacts(false, true, true);
    InitiativesPermissions.PickUpFacts unattended =
        new InitiativesPermissions.PickUpFacts(true, false, false);
    assertThat(InitiativesPermissions.mayPickUp(SUPPORTER, open, attended)).isFalse();
    assertThat(InitiativesPermissions.mayPickUp(SUPPORTER, open, unattended)).isTrue();
    assertThat(InitiativesPermissions.mayPickUp(LEADER, open, unattended)).isFalse();
    assertThat(InitiativesPermissions.mayPickUp(STRANGER, open, unattended)).isFalse();
    assertThat(InitiativesPermissions.mayPickUp(null, open, unattended)).isFalse();
  }

  @Test
  void theDepartedLeadersOwnLeaderAndAnAffectedTeamsLeaderMayPickItUp() {
    assertThat(
            InitiativesPermissions.mayPickUp(
                STRANGER, open, new InitiativesPermissions.PickUpFacts(true, false, true)))
        .as("led the leaver")
        .isTrue();
    assertThat(
            InitiativesPermissions.mayPickUp(
                STRANGER, open, new InitiativesPermissions.PickUpFacts(true, true, false)))
        .as("leads an affected team")
        .isTrue();
  }

  @Test
  void leaderAndSupportersAskForAdviceOthersJoinAndAffectedLeadersOfferHelp() {
    assertThat(InitiativesPermissions.mayAskForAdvice(LEADER, open)).isTrue();
    assertThat(InitiativesPermissions.mayAskForAdvice(SUPPORTER, open)).isTrue();
    assertThat(InitiativesPermissions.mayAskForAdvice(STRANGER, open)).isFalse();
    assertThat(InitiativesPermissions.mayAskForAdvice(LEADER, initiative(InitiativeStatus.DONE)))
        .as("not for a finished initiative")
        .isFalse();
    assertThat(InitiativesPermissions.mayJoin(STRANGER, open)).isTrue();
    assertThat(InitiativesPermissions.mayJoin(SUPPORTER, open)).isFalse();
    assertThat(InitiativesPermissions.mayJoin(STRANGER, initiative(InitiativeStatus.DONE)))
        .isFalse();
    assertThat(
            InitiativesPermissions.mayOfferHelp(
                STRANGER, new InitiativesPermissions.PickUpFacts(false, true, false)))
        .isTrue();
    assertThat(
            InitiativesPermissions.mayOfferHelp(
                SUPPORTER, new InitiativesPermissions.PickUpFacts(false, false, false)))
        .isFalse();
  }

  private static Initiative initiative(InitiativeStatus status) {
    return new Initiative(
        7,
        "Burr on parts",
        "",
        "",
        null,
        status,
        null,
        LEADER,
        LEADER,
        Instant.parse("2026-12-01T00:00:00Z"),
        Instant.parse("2026-12-01T00:00:00Z"),
        List.of(),
        List.of(SUPPORTER),
        null,
        null);
  }
}
