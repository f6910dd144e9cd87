package org.baton.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.baton.identity.BatonUser;
import org.baton.identity.TestUsers;
import org.junit.jupiter.api.Test;

/** Strategy's rules from facts handed in: figures by level, progress, and who leads a round. */
class StrategyPermissionsTest {

  private final BatonUser admin = TestUsers.admin();
  private final BatonUser henry = TestUsers.person(10);
  private final BatonUser maria = TestUsers.person(20);

  @Test
  void aFigureIsSeenByItsLevelAndAdminsSeeEveryOne() {
    assertThat(StrategyPermissions.maySee(henry, Visibility.EVERYONE, List.of(), false)).isTrue();
    assertThat(StrategyPermissions.maySee(henry, Visibility.LEADERS, List.of(), false)).isFalse();
    assertThat(StrategyPermissions.maySee(maria, Visibility.LEADERS, List.of(), true)).isTrue();
    assertThat(StrategyPermissions.maySee(henry, Visibility.PEOPLE, List.of(10L), false)).isTrue();
    assertThat(StrategyPermissions.maySee(maria, Visibility.PEOPLE, List.of(10L), true)).isFalse();
    assertThat(StrategyPermissions.maySee(maria, Visibility.ADMINS, List.of(20L), true)).isFalse();
    assertThat(StrategyPermissions.maySee(admin, Visibility.ADMINS, List.of(), false)).isTrue();
  }

  @Test
  void anOpenerLeadsWhileAnEditorAndAnAdminOnlyTakesOverAStrandedRound() {
    DialogueRound round =
        new DialogueRound(
            1,
            "Round",
            "",
            20,
            "Maria",
            List.of(20L, 30L),
            List.of("Maria", "Ines"),
            null,
            null,
            null,
            DialogueRound.State.OPEN,
            List.of(),
            0,
            0,
            null,
            List.of(),
            null);

    assertThat(StrategyPermissions.leadsRound(maria, round, true, true, true)).isTrue();
    assertThat(StrategyPermissions.leadsRound(maria, round, false, false, true))
        .as("no longer an editor, the opener no longer leads")
        .isFalse();
    assertThat(StrategyPermissions.leadsRound(TestUsers.person(30), round, false, false, true))
        .as("a named co-leader keeps leading")
        .isTrue();
    assertThat(StrategyPermissions.leadsRound(henry, round, true, false, false))
        .as("an editor who was not named does not lead")
        .isFalse();
    assertThat(StrategyPermissions.leadsRound(admin, round, true, true, false)).isFalse();
    assertThat(StrategyPermissions.leadsRound(admin, round, true, false, true)).isFalse();
    assertThat(StrategyPermissions.leadsRound(admin, round, true, false, false))
        .as("stranded: the admins lead it")
        .isTrue();
  }
}
