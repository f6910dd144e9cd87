package org.baton.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.baton.authority.Evaluation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The authority check in process, one thread, on the generated policy of 10,000 rules over
 * 100,000 people: checks per second. Compare with {@link DmnCheckBenchmark} from the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
@Threads(1)
public class AuthorityCheckBenchmark {

  private GeneratedPolicy generated;
  private int next;

  @Setup
  public void generate() {
    generated = new GeneratedPolicy();
  }

  @Benchmark
  public Evaluation check() {
    GeneratedPolicy.Question q = generated.questions[next++ & (GeneratedPolicy.QUESTIONS - 1)];
    return generated.policy.evaluate(
        q.who(), q.type(), q.amount(), Map.of(), generated.at, generated.positions::get);
  }
}
