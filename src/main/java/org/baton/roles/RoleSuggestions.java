package org.baton.roles;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.baton.directory.Organisation;
import org.baton.directory.Team;

/**
 * Who might fit an open role, each with the reasons, as panel proposals do: the knowledge the role
 * draws on (perspectives), stated interests that meet what the role is about, being open to roles,
 * time free beyond what they committed, and being in the circle's team. Only a suggestion: nobody
 * is assigned, and people already holding the role or applying are left out. Pure and in memory:
 * one pass over the people scores them without allocating, and only the few best are worded.
 */
final class RoleSuggestions {

  static final int MAX = 5;

  private static final int KNOWS = 3;
  private static final int INTERESTED = 3;
  private static final int OPEN = 2;
  private static final int TIME_FREE = 1;
  private static final int IN_TEAM = 1;

  private record Scored(Organisation.Member member, int score) {}

  private RoleSuggestions() {}

  static List<RoleSuggestion> suggest(
      Role role,
      Long circleTeamId,
      Organisation org,
      Map<Long, RoleProfile> profiles,
      Set<Long> leaveOut,
      Map<String, String> perspectiveNames) {
    String about = about(role);
    Set<Long> circleTeams = subtree(org, circleTeamId);
    Comparator<Scored> worstFirst =
        Comparator.comparingInt(Scored::score)
            .thenComparing(s -> s.member().id(), Comparator.reverseOrder());
    PriorityQueue<Scored> best = new PriorityQueue<>(worstFirst);
    for (Organisation.Member member : org.members()) {
      if (!member.active() || leaveOut.contains(member.id())) {
        continue;
      }
      RoleProfile profile = profiles.get(member.id());
      int score = score(member, profile, role, about, circleTeams);
      if (score == 0) {
        continue;
      }
      if (best.size() < MAX) {
        best.add(new Scored(member, score));
      } else if (score > best.peek().score()
          || (score == best.peek().score() && member.id() < best.peek().member().id())) {
        best.poll();
        best.add(new Scored(member, score));
      }
    }
    List<Scored> ranked = new ArrayList<>(best);
    ranked.sort(worstFirst.reversed());
    return ranked.stream()
        .map(
            s ->
                new RoleSuggestion(
                    s.member().id(),
                    s.member().name(),
                    s.score(),
                    reasons(
                        s.member(),
                        profiles.get(s.member().id()),
                        role,
                        about,
                        circleTeams,
                        perspectiveNames)))
        .toList();
  }

  /** 0 for someone with neither the knowledge nor the interest: time alone is no reason. */
  private static int score(
      Organisation.Member member,
      RoleProfile profile,
      Role role,
      String about,
      Set<Long> circleTeams) {
    int score = 0;
    for (String perspective : member.perspectives()) {
      if (role.perspectives().contains(perspective)) {
        score += KNOWS;
      }
    }
    if (profile != null && interestsMeet(profile.interests(), about)) {
      score += INTERESTED;
    }
    if (score == 0) {
      return 0;
    }
    if (profile != null && profile.openToRoles()) {
      score += OPEN;
    }
    BigDecimal free = profile == null ? null : profile.hoursFree();
    if (free != null && free.compareTo(role.hoursPerWeek()) >= 0) {
      score += TIME_FREE;
    }
    if (member.teamId() != null && circleTeams.contains(member.teamId())) {
      score += IN_TEAM;
    }
    return score;
  }

  private static List<String> reasons(
      Organisation.Member member,
      RoleProfile profile,
      Role role,
      String about,
      Set<Long> circleTeams,
      Map<String, String> perspectiveNames) {
    List<String> reasons = new ArrayList<>();
    for (String perspective : member.perspectives()) {
      if (role.perspectives().contains(perspective)) {
        reasons.add("knows " + perspectiveNames.getOrDefault(perspective, perspective));
      }
    }
    if (profile != null && interestsMeet(profile.interests(), about)) {
      reasons.add("interested in " + String.join(", ", profile.interests()));
    }
    if (profile != null && profile.openToRoles()) {
      reasons.add("open to roles");
    }
    BigDecimal free = profile == null ? null : profile.hoursFree();
    if (free != null && free.compareTo(role.hoursPerWeek()) >= 0) {
      reasons.add(free.toPlainString() + " hours a week free");
    }
    if (member.teamId() != null && circleTeams.contains(member.teamId())) {
      reasons.add("works in the circle's team");
    }
    return reasons;
  }

  /** The circle's team and every team below it. */
  private static Set<Long> subtree(Organisation org, Long teamId) {
    Set<Long> teams = new HashSet<>();
    if (teamId == null) {
      return teams;
    }
    ArrayDeque<Long> next = new ArrayDeque<>(List.of(teamId));
    while (!next.isEmpty()) {
      long id = next.poll();
      if (teams.add(id)) {
        org.tree().children(id).stream().map(Team::id).forEach(next::add);
      }
    }
    return teams;
  }

  /** What the role is named, for and accountable for, in lower case: where interests are sought. */
  static String about(Role role) {
    return (role.name()
            + " "
            + role.purpose()
            + " "
            + role.accountabilities()
            + " "
            + role.whyItMatters())
        .toLowerCase(Locale.ROOT);
  }

  /** Whether any stated interest (of three letters or more) appears in what the role is about. */
  static boolean interestsMeet(Collection<String> interests, String about) {
    for (String interest : interests) {
      String word = interest.strip().toLowerCase(Locale.ROOT);
      if (word.length() >= 3 && about.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
