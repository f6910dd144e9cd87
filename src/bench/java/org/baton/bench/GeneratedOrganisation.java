package org.baton.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.baton.directory.Organisation;
import org.baton.directory.Team;

/**
 * The organisation the directory benchmarks run on: 10 divisions, 100 departments and 1,000 teams
 * (each team its own leader's id), and people spread over the teams round-robin, each with one or
 * two of eight perspectives drawn from the random source given.
 */
public final class GeneratedOrganisation {

  public static final String[] PERSPECTIVES = {
    "finance", "quality", "production-engineering", "customer-service", "safety", "legal", "r-and-d", "logistics"
  };

  private GeneratedOrganisation() {}

  public static Organisation of(int people, Random random) {
    List<Team> teams = new ArrayList<>();
    for (long division = 1; division <= 10; division++) {
      teams.add(new Team(division, "Division " + division, null, null, null, true));
    }
    for (long department = 11; department <= 110; department++) {
      teams.add(new Team(department, "Department " + department, 1 + (department - 11) / 10, null, null, true));
    }
    for (long team = 111; team <= 1110; team++) {
      teams.add(new Team(team, "Team " + team, 11 + (team - 111) / 10, team, null, true));
    }
    List<Organisation.Member> members = new ArrayList<>();
    for (long person = 1; person <= people; person++) {
      List<String> perspectives = new ArrayList<>();
      perspectives.add(PERSPECTIVES[random.nextInt(PERSPECTIVES.length)]);
      if (random.nextBoolean()) {
        String second = PERSPECTIVES[random.nextInt(PERSPECTIVES.length)];
        if (!perspectives.contains(second)) {
          perspectives.add(second);
        }
      }
      members.add(new Organisation.Member(person, "Person " + person, 111 + (person % 1000), true, perspectives));
    }
    return new Organisation(members, teams);
  }
}
