package org.baton.roles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.baton.directory.Organisation;

/**
 * Who might fit an open role, each with the reasons, as panel proposals do: the knowledge the role
 * draws on (perspectives), stated interests that meet what the role is about, time free beyond what
 * they committed, and being in the team the circle belongs to. Only a suggestion: nobody is
 * assigned, and people already holding the role or applying are left out. Pure and in memory, so a
 * role's page asks it among 100,000 people without the database.
 */
final class RoleSuggestions {

  static final int MAX = 5;

  private RoleSuggestions() {}

  static List<RoleSuggestion> suggest(
      Role role,
      Long circleTeamId,
      Organisation org,
      Map<Long, RoleProfile> profiles,
      Set<Long> leaveOut,
      Map<String, String> perspectiveNames) {
    Comparator<RoleSuggestion> worstFirst =
        Comparator.comparingInt(RoleSuggestion::score)
            .thenComparing(RoleSuggestion::personId, Comparator.reverseOrder());
    PriorityQueue<RoleSuggestion> best = new PriorityQueue<>(worstFirst);
    for (Organisation.Member member : org.members()) {
      if (!member.active() || leaveOut.contains(member.id())) {
        continue;
      }
      RoleProfile profile = profiles.get(member.id());
      int score = 0;
      List<String> reasons = new ArrayList<>(4);
      for (String perspective : member.perspectives()) {
        if (role.perspectives().contains(perspective)) {
          score += 3;
          reasons.add("knows " + perspectiveNames.getOrDefault(perspective, perspective));
        }
      }
      if (profile != null && interestsMeet(profile.interests(), role)) {
        score += 3;
        reasons.add("interested in " + String.join(", ", profile.interests()));
      }
      if (score == 0) {
        continue; // neither knowledge nor interest: time alone is no reason
      }
      if (profile != null && profile.openToRoles()) {
        score += 2;
        reasons.add("open to roles");
      }
      BigDecimal free = profile == null ? null : profile.hoursFree();
      if (free != null && free.compareTo(role.hoursPerWeek()) >= 0) {
        score += 1;
        reasons.add(free.toPlainString() + " hours a week free");
      }
      if (circleTeamId != null && org.teamPath(member.id()).contains(circleTeamId)) {
        score += 1;
        reasons.add("works in the circle's team");
      }
      RoleSuggestion suggestion = new RoleSuggestion(member.id(), member.name(), score, reasons);
      if (best.size() < MAX) {
        best.add(suggestion);
      } else if (worstFirst.compare(suggestion, best.peek()) > 0) {
        best.poll();
        best.add(suggestion);
      }
    }
    List<RoleSuggestion> ranked = new ArrayList<>(best);
    ranked.sort(worstFirst.reversed());
    return ranked;
  }

  /** Whether any stated interest appears in what the role is named, for, or accountable for. */
  static boolean interestsMeet(Collection<String> interests, Role role) {
    if (interests.isEmpty()) {
      return false;
    }
    String about =
        (role.name()
                + " "
                + role.purpose()
                + " "
                + role.accountabilities()
                + " "
                + role.whyItMatters())
            .toLowerCase(Locale.ROOT);
    for (String interest : interests) {
      String word = interest.strip().toLowerCase(Locale.ROOT);
      if (word.length() >= 3 && about.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
