package org.baton.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.baton.BatonApplication;
import org.baton.platform.Money;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Recording decisions in process (check, validation and hash chain included, no HTTP) with
 * {@code clients} threads for {@code seconds}, then pgbench single-row inserts with as many
 * clients on the same embedded PostgreSQL, in the same run.
 *
 * <pre>java ... org.baton.bench.RecordingLoad [seconds] [clients]</pre>
 */
public final class RecordingLoad {

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    home = Files.createTempDirectory("baton-recording-load");
    ConfigurableApplicationContext baton =
        SpringApplication.run(
            BatonApplication.class,
            "--baton.home=" + home,
            "--server.port=0",
            "--logging.level.root=WARN");
    try {
      DecisionRecord decisions = baton.getBean(DecisionRecord.class);
      Accounts accounts = baton.getBean(Accounts.class);
      List<BatonUser> clerks =
          List.of("henry@example.com", "anna@example.com", "nina@example.com", "omar@example.com").stream()
              .map(email -> (BatonUser) accounts.loadUserByUsername(email))
              .toList();
      record(decisions, clerks, 3, clients); // warm-up
      double perSecond = record(decisions, clerks, seconds, clients);
      System.out.printf("recording, %d clients, %d s: %.0f decisions/s (chain intact: %s)%n",
          clients, seconds, perSecond, decisions.verify().intact());

      String port = Files.readAllLines(home.resolve("postgres/data/postmaster.pid")).get(3).strip();
      Path script = home.resolve("insert.sql");
      Files.writeString(script, "insert into bench_insert (note) values ('a single-row insert');\n");
      run("psql", "-q", "-h", "localhost", "-p", port, "-U", "postgres", "baton", "-c",
          "create table bench_insert (id bigserial primary key, note text not null)");
      String out = run("pgbench", "-n", "-h", "localhost", "-p", port, "-U", "postgres",
          "-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds),
          "-f", script.toString(), "baton");
      String tps = out.lines().filter(l -> l.startsWith("tps")).findFirst().orElse(out);
      System.out.printf("pgbench single-row insert, %d clients, same PostgreSQL: %s%n", clients, tps);
      double pg = Double.parseDouble(tps.replaceAll(".*tps = ([0-9.]+).*", "$1"));
      System.out.printf("recording / pgbench: %.0f%%%n", 100 * perSecond / pg);
    } finally {
      baton.close();
    }
  }

  private static double record(DecisionRecord decisions, List<BatonUser> clerks, int seconds, int clients)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong done = new AtomicLong();
    long start = System.nanoTime();
    List<Future<?>> futures = new java.util.ArrayList<>();
    for (int c = 0; c < clients; c++) {
      BatonUser clerk = clerks.get(c % clerks.size());
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          decisions.record(clerk, new DecisionDraft("customer.goodwill", "Load credit", "Measuring",
              Money.of("1", "EUR"), Map.of(), List.of(), null, null, null));
          done.incrementAndGet();
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static Path home;

  private static String run(String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // the embedded database asks for a password: the owner's, generated under BATON_HOME
    java.util.Properties credentials = new java.util.Properties();
    try (var in = Files.newBufferedReader(home.resolve("postgres/credentials.properties"))) {
      credentials.load(in);
    }
    builder.environment().put("PGPASSWORD", credentials.getProperty("owner-password"));
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes());
    process.waitFor();
    return out;
  }
}
