package org.baton.advice;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Proposing a panel on a generated organisation of 100,000 people (1,110 teams; 8 perspectives,
 * one or two each; 5,000 people already on open panels): three perspectives and two affected
 * teams, as an initiative's request would ask. Time per proposal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class PanelProposalBenchmark {

  private Organisation org;
  private final Map<Long, Integer> openRequests = new HashMap<>();
  private int next;

  @Setup
  public void generate() {
    Random random = new Random(42);
    org = GeneratedOrganisation.of(100_000, random);
    for (int i = 0; i < 5_000; i++) {
      openRequests.merge(1L + random.nextInt(100_000), 1, Integer::sum);
    }
  }

  @Benchmark
  public List<PanelProposal.Member> propose() {
    long asker = 1 + (next++ % 100_000);
    long team = 111 + (asker % 1000);
    return PanelProposal.propose(
        org, asker, List.of("quality", "production-engineering", "finance"), List.of(team, 111 + ((team + 7) % 1000)),
        openRequests);
  }
}
