package org.baton.roles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.baton.directory.Organisation;
import org.baton.directory.Team;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Suggesting people for an open role among 100,000 (1,110 teams; 8 perspectives, one or two each;
 * 20,000 with a role profile, half of them open to roles, some interested in "sustainability"),
 * for a role drawing on two perspectives in a circle that belongs to a department. The baseline,
 * measured in the same run, is one plain pass over the same people counting perspective matches:
 * the least any suggestion over everyone must do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class RoleSuggestionsBenchmark {

  static final String[] PERSPECTIVES = {
    "finance", "quality", "production-engineering", "customer-service", "safety", "legal", "r-and-d", "logistics"
  };

  private Organisation org;
  private final Map<Long, RoleProfile> profiles = new HashMap<>();
  private Role role;

  @Setup
  public void generate() {
    Random random = new Random(42);
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
    List<Organisation.Member> people = new ArrayList<>();
    for (long person = 1; person <= 100_000; person++) {
      List<String> perspectives = new ArrayList<>();
      perspectives.add(PERSPECTIVES[random.nextInt(PERSPECTIVES.length)]);
      if (random.nextBoolean()) {
        String second = PERSPECTIVES[random.nextInt(PERSPECTIVES.length)];
        if (!perspectives.contains(second)) {
          perspectives.add(second);
        }
      }
      people.add(new Organisation.Member(person, "Person " + person, 111 + (person % 1000), true, perspectives));
      if (person % 5 == 0) {
        profiles.put(
            person,
            new RoleProfile(
                person,
                person % 10 == 0,
                person % 15 == 0 ? List.of("sustainability") : List.of("football"),
                new BigDecimal(random.nextInt(6)),
                BigDecimal.ZERO));
      }
    }
    org = new Organisation(people, teams);
    role =
        new Role(
            1, 1, "Supplier sustainability lead", "Suppliers onto the sustainability plan", "",
            List.of("purchasing.tools"), List.of("quality", "logistics"), new BigDecimal("2"), 1,
            null, true, "Most of our footprint is in what we buy.", "");
  }

  @Benchmark
  public List<RoleSuggestion> suggest() {
    return RoleSuggestions.suggest(role, 12L, org, profiles, Set.of(5L, 6L), Map.of());
  }

  @Benchmark
  public int baselineOnePass() {
    int matches = 0;
    for (Organisation.Member member : org.members()) {
      for (String perspective : member.perspectives()) {
        if (role.perspectives().contains(perspective)) {
          matches++;
        }
      }
    }
    return matches;
  }
}
