package org.baton.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.directory.Organisation;
import org.baton.directory.Team;
import org.baton.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Who is suggested for a role and why, and what a role, an application or a match must be. */
class RoleSuggestionsTest {

  private final Organisation org =
      new Organisation(
          List.of(
              new Organisation.Member(1, "Ada Quality", 10L, true, List.of("quality")),
              new Organisation.Member(2, "Ben Nothing", 10L, true, List.of("finance")),
              new Organisation.Member(3, "Cleo Keen", 20L, true, List.of("finance")),
              new Organisation.Member(4, "Dan Holder", 10L, true, List.of("quality")),
              new Organisation.Member(5, "Eve Gone", 10L, false, List.of("quality")),
              new Organisation.Member(6, "Finn Outside", 20L, true, List.of("quality"))),
          List.of(
              new Team(1, "Plant", null, null, null, true),
              new Team(10, "Quality", 1L, null, null, true),
              new Team(20, "Finance", null, null, null, true)));

  private final Role role =
      new Role(
          7,
          1,
          "Supplier sustainability lead",
          "Greener suppliers",
          "",
          List.of(),
          List.of("quality"),
          new BigDecimal("2"),
          1,
          null,
          true,
          "",
          "");

  @Test
  void knowledgeOrInterestMakesASuggestionAndTheRestAddToIt() {
    Map<Long, RoleProfile> profiles =
        Map.of(
            2L, profile(2, true, List.of("football"), "10"),
            3L, profile(3, true, List.of("Sustainability"), "4"));
    List<RoleSuggestion> suggestions =
        RoleSuggestions.suggest(role, 1L, org, profiles, Set.of(4L), Map.of("quality", "Quality"));

    // Ben has time and is open to roles, but neither knows quality nor cares for the subject;
    // Dan holds the role already; Eve has left
    assertThat(suggestions)
        .extracting(RoleSuggestion::name)
        .containsExactly("Cleo Keen", "Ada Quality", "Finn Outside");
    assertThat(suggestions.get(0).reasons())
        .containsExactly("interested in Sustainability", "open to roles", "2 hours a week free");
    assertThat(suggestions.get(1).reasons())
        .containsExactly("knows Quality", "works in the circle's team");
    assertThat(suggestions.get(2).reasons()).containsExactly("knows Quality");
  }

  @Test
  void aRoleAnApplicationAndAMatchNameEveryBadField() {
    RoleDrafts.RoleDraft bad =
        new RoleDrafts.RoleDraft(
            1L,
            " ",
            null,
            null,
            List.of("no.such"),
            List.of("astrology"),
            new BigDecimal("168.5"),
            0,
            null,
            true,
            null,
            null);
    assertThatThrownBy(() -> RoleRules.checkRole(bad, Set.of("customer"), Set.of("quality")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).byField())
                    .containsKeys(
                        "name", "decisionTypes", "perspectives", "hoursPerWeek", "seats"));
    LocalDate today = LocalDate.of(2026, 11, 24);
    RoleDrafts.ApplicationDraft late =
        new RoleDrafts.ApplicationDraft(
            "Yes", List.of(), "", List.of(), List.of(), new BigDecimal("2"), today.minusDays(1));
    assertThatThrownBy(() -> RoleRules.checkApplication(late, Set.of(), today))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("from today on");
    assertThatThrownBy(
            () ->
                RoleRules.checkMatch(
                    new RoleDrafts.MatchDraft(new BigDecimal("0"), null, ""), today))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("more than 0");
    assertThatThrownBy(
            () ->
                RoleRules.checkTime(
                    new RoleDrafts.TimeDraft(
                        RoleApplication.TimeAnswerKind.ADJUSTED, new BigDecimal("2"), "")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).byField()).containsKey("note"));
  }

  @Test
  void aMatchPastWhatSomeoneCanGiveIsSeenBeforeItIsAgreed() {
    RoleProfile twoOfFour =
        new RoleProfile(1, true, List.of(), new BigDecimal("4"), new BigDecimal("2"));
    assertThat(twoOfFour.wouldExceed(new BigDecimal("2"))).isFalse();
    assertThat(twoOfFour.wouldExceed(new BigDecimal("2.5"))).isTrue();
    assertThat(
            new RoleProfile(1, false, List.of(), null, new BigDecimal("9"))
                .wouldExceed(BigDecimal.TEN))
        .isFalse();
  }

  private static RoleProfile profile(long id, boolean open, List<String> interests, String hours) {
    return new RoleProfile(id, open, interests, new BigDecimal(hours), new BigDecimal("2"));
  }
}
