package org.baton.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TeamTreeTest {

  // Leadership ─┬─ Production ─┬─ Shift A
  //             │              └─ Shift B
  //             └─ Service Desk
  // Elsewhere (a second tree)
  private final TeamTree tree =
      new TeamTree(
          List.of(
              team(1, "Leadership", null),
              team(2, "Production", 1L),
              team(3, "Shift A", 2L),
              team(4, "Shift B", 2L),
              team(5, "Service Desk", 1L),
              team(6, "Elsewhere", null)));

  @Test
  void aTeamsAncestorsRunFromItsParentToTheRoot() {
    assertThat(tree.ancestors(3))
        .extracting(Team::name)
        .containsExactly("Production", "Leadership");
    assertThat(tree.ancestorsFromRoot(3))
        .extracting(Team::name)
        .containsExactly("Leadership", "Production");
    assertThat(tree.ancestors(1)).isEmpty();
  }

  @Test
  void childrenAreListedByName() {
    assertThat(tree.children(2)).extracting(Team::name).containsExactly("Shift A", "Shift B");
    assertThat(tree.roots()).extracting(Team::name).containsExactly("Elsewhere", "Leadership");
  }

  @Test
  void aTeamCannotBePlacedBelowItselfOrItsSubTeams() {
    assertThat(tree.wouldCreateCycle(2, 2L)).isTrue();
    assertThat(tree.wouldCreateCycle(2, 3L)).isTrue();
    assertThat(tree.wouldCreateCycle(1, 4L)).isTrue();
    assertThat(tree.wouldCreateCycle(3, 5L)).isFalse();
    assertThat(tree.wouldCreateCycle(3, null)).isFalse();
  }

  @Test
  void distanceCountsStepsThroughTheNearestCommonAncestor() {
    assertThat(tree.distance(3, 3)).contains(0);
    assertThat(tree.distance(3, 2)).contains(1);
    assertThat(tree.distance(3, 4)).contains(2);
    assertThat(tree.distance(3, 5)).contains(3);
    assertThat(tree.distance(3, 6)).isEmpty();
  }

  private static Team team(long id, String name, Long parent) {
    return new Team(id, name, parent, null, null, true);
  }
}
