package org.baton.roles;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.baton.bench.GeneratedOrganisation;
import org.baton.directory.Organisation;
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

  private Organisation org;
  private final Map<Long, RoleProfile> profiles = new HashMap<>();
  private Role role;

  @Setup
  public void generate() {
    Random random = new Random(42);
    org = GeneratedOrganisation.of(100_000, random);
    for (long person = 5; person <= 100_000; person += 5) {
      profiles.put(
          person,
          new RoleProfile(
              person,
              person % 10 == 0,
              person % 15 == 0 ? List.of("sustainability") : List.of("football"),
              new BigDecimal(random.nextInt(6)),
              BigDecimal.ZERO));
    }
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
