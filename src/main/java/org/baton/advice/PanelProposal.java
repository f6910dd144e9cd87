package org.baton.advice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baton.directory.Organisation;
import org.baton.directory.Team;

/**
 * Proposes a panel, each rule a named policy: cover every perspective asked for with the best
 * adviser for it (the specialists who do the work before those who lead a team, so the controller
 * before the CFO or the CEO; then the least busy with open requests; then the nearest to the asker
 * in the team tree); give every affected team a voice ({@link #VOICE_OF_AFFECTED_TEAM}: its leader,
 * or its least busy member); never the asker. Each member comes with the reason.
 */
final class PanelProposal {

  /** A proposed member: who, for which perspective (or team), and why. */
  record Member(long personId, String name, String perspective, String reason) {}

  /**
   * Team leaders come after the people who do the work; busier advisers later; among equals, those
   * nearest the asker first. Distances are computed once per team, not once per comparison: a
   * perspective may have 30,000 candidates.
   */
  static Comparator<Organisation.Member> bestForPerspective(
      Organisation org, long asker, Map<Long, Integer> openRequests) {
    Long askerTeam = org.member(asker).map(Organisation.Member::teamId).orElse(null);
    Map<Long, Integer> distanceByTeam = new java.util.HashMap<>();
    java.util.function.ToIntFunction<Organisation.Member> distance =
        m ->
            askerTeam == null || m.teamId() == null
                ? Integer.MAX_VALUE
                : distanceByTeam.computeIfAbsent(
                    m.teamId(),
                    team -> org.tree().distance(askerTeam, team).orElse(Integer.MAX_VALUE));
    return Comparator.<Organisation.Member>comparingInt(
            m -> org.teamsLedBy(m.id()).isEmpty() ? 0 : 1)
        .thenComparingInt(m -> openRequests.getOrDefault(m.id(), 0))
        .thenComparingInt(distance)
        .thenComparing(Organisation.Member::name);
  }

  private PanelProposal() {}

  /**
   * Everyone a proposal for these perspectives and teams could name: the only people whose open
   * asks it needs to know, so that proposing does not count every open panel place there is.
   */
  static java.util.Set<Long> candidates(
      Organisation org, List<String> perspectives, List<Long> affectedTeams) {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    perspectives.forEach(p -> org.activeWithPerspective(p).forEach(m -> ids.add(m.id())));
    for (Long teamId : affectedTeams) {
      org.tree().team(teamId).map(Team::leaderId).ifPresent(ids::add);
      org.activeMembersOf(teamId).forEach(m -> ids.add(m.id()));
    }
    return ids;
  }

  static List<Member> propose(
      Organisation org,
      long asker,
      List<String> perspectives,
      List<Long> affectedTeams,
      Map<Long, Integer> openRequests) {
    Map<Long, Member> panel = new LinkedHashMap<>();
    Comparator<Organisation.Member> best = bestForPerspective(org, asker, openRequests);
    for (String perspective : perspectives) {
      org.activeWithPerspective(perspective).stream()
          .filter(m -> m.id() != asker && !panel.containsKey(m.id()))
          .min(best)
          .ifPresent(
              m ->
                  panel.put(
                      m.id(),
                      new Member(
                          m.id(),
                          m.name(),
                          perspective,
                          "Covers "
                              + perspective.replace('-', ' ')
                              + "; "
                              + load(openRequests, m.id())
                              + distance(org, asker, m.id()))));
    }
    for (Long teamId : affectedTeams) {
      Team team = org.tree().team(teamId).orElse(null);
      if (team == null
          || panel.values().stream().anyMatch(m -> inTeam(org, m.personId(), teamId))) {
        continue;
      }
      List<Organisation.Member> candidates = new ArrayList<>();
      if (team.leaderId() != null) {
        org.member(team.leaderId()).filter(Organisation.Member::active).ifPresent(candidates::add);
      }
      if (candidates.isEmpty() || candidates.get(0).id() == asker) {
        candidates =
            org.activeMembersOf(teamId).stream().filter(m -> m.id() != asker).sorted(best).toList();
      }
      candidates.stream()
          .filter(m -> m.id() != asker && !panel.containsKey(m.id()))
          .findFirst()
          .ifPresent(
              m ->
                  panel.put(
                      m.id(),
                      new Member(
                          m.id(),
                          m.name(),
                          null,
                          "Speaks for " + team.name() + ", an affected team")));
    }
    return new ArrayList<>(panel.values());
  }

  private static boolean inTeam(Organisation org, long personId, long teamId) {
    return org.member(personId).map(m -> Long.valueOf(teamId).equals(m.teamId())).orElse(false);
  }

  private static String load(Map<Long, Integer> openRequests, long personId) {
    int open = openRequests.getOrDefault(personId, 0);
    return open == 0 ? "no open requests" : open + " open request" + (open == 1 ? "" : "s");
  }

  private static String distance(Organisation org, long asker, long personId) {
    int steps = org.distance(asker, personId);
    return steps == Integer.MAX_VALUE
        ? ""
        : "; " + steps + " step" + (steps == 1 ? "" : "s") + " from you in the team tree";
  }
}
