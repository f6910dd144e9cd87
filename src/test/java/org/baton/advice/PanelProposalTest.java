package org.baton.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.baton.directory.Organisation;
import org.baton.directory.Team;
import org.junit.jupiter.api.Test;

class PanelProposalTest {

  // Plant ─┬─ Line (leader 1: Olivia's shift leader)
  //        ├─ Quality
  //        └─ Finance
  private final Organisation org =
      new Organisation(
          List.of(
              new Organisation.Member(1, "Ines", 11L, true, List.of()),
              new Organisation.Member(2, "Olivia", 11L, true, List.of("quality")),
              new Organisation.Member(3, "Adam", 12L, true, List.of("quality")),
              new Organisation.Member(4, "Clara", 12L, true, List.of("quality")),
              new Organisation.Member(5, "Felix", 13L, true, List.of("finance")),
              new Organisation.Member(6, "Gone", 13L, false, List.of("finance"))),
          List.of(
              new Team(10, "Plant", null, null, null, true),
              new Team(11, "Line", 10L, 1L, "Ines", true),
              new Team(12, "Quality", 10L, null, null, true),
              new Team(13, "Finance", 10L, null, null, true)));

  @Test
  void everyPerspectiveIsCoveredAndTheAskerIsNeverOnThePanel() {
    List<PanelProposal.Member> panel =
        PanelProposal.propose(org, 2, List.of("quality", "finance"), List.of(), Map.of());
    assertThat(panel)
        .extracting(PanelProposal.Member::perspective)
        .containsExactly("quality", "finance");
    assertThat(panel).extracting(PanelProposal.Member::personId).doesNotContain(2L, 6L);
    assertThat(panel.get(0).reason()).contains("Covers quality", "no open requests");
  }

  @Test
  void theLeastBusyAdviserIsChosen() {
    List<PanelProposal.Member> panel =
        PanelProposal.propose(org, 2, List.of("quality"), List.of(), Map.of(3L, 4));
    assertThat(panel).extracting(PanelProposal.Member::name).containsExactly("Clara");
  }

  @Test
  void theSpecialistWhoDoesTheWorkComesBeforeTheOneWhoLeadsATeam() {
    // Ines leads the line and knows finance; Felix, the controller, is busier and still first
    Organisation withLeader =
        new Organisation(
            List.of(
                new Organisation.Member(1, "Ines", 11L, true, List.of("finance")),
                new Organisation.Member(2, "Olivia", 11L, true, List.of()),
                new Organisation.Member(5, "Felix", 13L, true, List.of("finance"))),
            List.of(
                new Team(10, "Plant", null, null, null, true),
                new Team(11, "Line", 10L, 1L, "Ines", true),
                new Team(13, "Finance", 10L, null, null, true)));
    List<PanelProposal.Member> panel =
        PanelProposal.propose(withLeader, 2, List.of("finance"), List.of(), Map.of(5L, 2));
    assertThat(panel).extracting(PanelProposal.Member::name).containsExactly("Felix");
  }

  @Test
  void everyAffectedTeamGetsAVoiceNotTwice() {
    List<PanelProposal.Member> panel =
        PanelProposal.propose(org, 2, List.of("quality"), List.of(11L, 12L), Map.of());
    assertThat(panel).extracting(PanelProposal.Member::name).containsExactly("Adam", "Ines");
    assertThat(panel.get(1).reason()).isEqualTo("Speaks for Line, an affected team");
  }

  @Test
  void onlyThoseAProposalCouldNameHaveTheirOpenAsksCounted() {
    // whoever has the perspectives, and the affected team's leader and active members; nobody else
    assertThat(PanelProposal.candidates(org, List.of("finance"), List.of(11L)))
        .containsExactlyInAnyOrder(5L, 1L, 2L);
    // and each proposal made from that count is the one made from everybody's
    Map<Long, Integer> everybody = Map.of(3L, 4, 4L, 1, 5L, 2, 1L, 7);
    Map<Long, Integer> theirs = new java.util.HashMap<>(everybody);
    theirs.keySet().retainAll(PanelProposal.candidates(org, List.of("quality"), List.of(13L)));
    assertThat(PanelProposal.propose(org, 2, List.of("quality"), List.of(13L), theirs))
        .isEqualTo(PanelProposal.propose(org, 2, List.of("quality"), List.of(13L), everybody));
  }
}
