package org.baton.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.baton.BatonApplication;

/**
 * E-mail digests and webhook deliveries under load, over loopback (docs/PERFORMANCE.md). Starts a
 * real SMTP server (GreenMail) and a webhook receiver in this JVM, and Baton in its own, then:
 *
 * <ol>
 *   <li>the p95 of a main list (GET /api/v1/decisions?scope=all) when idle: the baseline;
 *   <li>a daily digest for {@code people} new people, each with a notification waiting for it:
 *       the time from their commit to the last digest received by the SMTP server, and the main
 *       list's p95 meanwhile;
 *   <li>{@code deliveries} webhook deliveries waiting for one loopback endpoint: the rate at which
 *       the receiver gets them, whether any webhook-id came twice, and the main list's p95.
 * </ol>
 *
 * <pre>java ... org.baton.bench.NotificationLoad [people] [deliveries]</pre>
 */
public final class NotificationLoad {

  private static final String TOKEN = "perf-admin-token-0123456789";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public static void main(String[] args) throws Exception {
    int people = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int deliveries = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    // GreenMail announces every mailbox it makes: ten thousand lines
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen"))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    Path home = Files.createTempDirectory("baton-notification-load");
    int smtpPort = freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    int port = freePort();
    Process baton = start(home, port, smtpPort);
    try (Connection db = database(home)) {
      String list = "http://localhost:" + port + "/api/v1/decisions?scope=all";
      long[] idle = sample(list, 300);
      System.out.printf("baseline: GET /api/v1/decisions?scope=all p50 %.1f ms, p95 %.1f ms (%d requests)%n",
          p(idle, 50), p(idle, 95), idle.length);

      digest(db, smtp, people, list);
      webhooks(db, deliveries, port, list);
    } finally {
      baton.destroy();
      baton.waitFor();
      smtp.stop();
    }
  }

  private static void digest(Connection db, GreenMail smtp, int people, String list) throws Exception {
    int before = smtp.getReceivedMessages().length;
    long start;
    try (Statement sql = db.createStatement()) {
      db.setAutoCommit(false);
      sql.execute(
          "insert into person (email, name) select 'digest-' || g || '@example.com', 'Digest Reader ' || g"
              + " from generate_series(1, " + people + ") g");
      sql.execute(
          "insert into notification (person_id, kind, text, link, digest_pending)"
              + " select id, 'ADVICE_ACTIVITY', 'Priya advised: support', '/advice/1', true"
              + " from person where email like 'digest-%'");
      db.commit();
      db.setAutoCommit(true);
      start = System.nanoTime();
    }
    AtomicBoolean done = new AtomicBoolean();
    List<Long> during = new ArrayList<>();
    Thread sampler = sampler(list, done, during);
    while (digestsReceived(smtp, before) < people) {
      Thread.sleep(100);
      if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
        throw new IllegalStateException("digests not all sent in 10 minutes");
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    done.set(true);
    sampler.join();
    long[] latencies = during.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("digest: %d people, written and received by SMTP in %.1f s; meanwhile the list's p50 %.1f ms, p95 %.1f ms (%d requests)%n",
        people, seconds, p(latencies, 50), p(latencies, 95), latencies.length);
  }

  private static int digestsReceived(GreenMail smtp, int before) throws Exception {
    int count = 0;
    var messages = smtp.getReceivedMessages();
    for (int i = before; i < messages.length; i++) {
      if (messages[i].getSubject().startsWith("Your Baton digest")
          && messages[i].getAllRecipients()[0].toString().startsWith("digest-")) {
        count++;
      }
    }
    return count;
  }

  private static void webhooks(Connection db, int deliveries, int port, String list) throws Exception {
    AtomicInteger received = new AtomicInteger();
    Set<String> ids = ConcurrentHashMap.newKeySet();
    AtomicInteger repeats = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    receiver.setExecutor(Executors.newFixedThreadPool(16));
    receiver.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          if (!ids.add(exchange.getRequestHeaders().getFirst("webhook-id"))) {
            repeats.incrementAndGet();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
          received.incrementAndGet();
        });
    receiver.start();
    String body =
        "{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\","
            + " \"events\": [\"report-out.posted\"], \"description\": \"load\"}";
    HttpResponse<String> created =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/webhooks"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException(created.body());
    }
    long start;
    try (Statement sql = db.createStatement()) {
      // what WebhookEvents writes for each event, written here in one go
      sql.execute(
          "insert into webhook_delivery (endpoint_id, message_id, event_type, payload, created_at,"
              + " next_attempt_at, retry_until)"
              + " select (select max(id) from webhook_endpoint), 'msg_load_' || g, 'report-out.posted',"
              + " '{\"type\":\"report-out.posted\",\"timestamp\":\"2026-11-24T00:00:00Z\",\"data\":{\"reportOutId\":' || g"
              + " || ',\"links\":{\"page\":\"http://localhost:8080/report-outs/' || g || '\"}}}', now(), now(),"
              + " now() + interval '3 days' from generate_series(1, " + deliveries + ") g");
      start = System.nanoTime();
    }
    AtomicBoolean done = new AtomicBoolean();
    List<Long> during = new ArrayList<>();
    Thread sampler = sampler(list, done, during);
    while (received.get() < deliveries) {
      Thread.sleep(50);
      if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
        throw new IllegalStateException("deliveries not all received in 10 minutes: " + received.get());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    done.set(true);
    sampler.join();
    Thread.sleep(2000); // anything sent twice would arrive now
    long[] latencies = during.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("webhooks: %d deliveries to one loopback endpoint in %.1f s = %.0f per second; %d webhook-ids twice; meanwhile the list's p50 %.1f ms, p95 %.1f ms (%d requests)%n",
        deliveries, seconds, deliveries / seconds, repeats.get(), p(latencies, 50), p(latencies, 95), latencies.length);
    receiver.stop(0);
  }

  /** GETs the list one after another until told to stop, recording each latency. */
  private static Thread sampler(String url, AtomicBoolean done, List<Long> into) {
    Thread thread =
        new Thread(
            () -> {
              while (!done.get()) {
                try {
                  long[] one = sample(url, 1);
                  synchronized (into) {
                    into.add(one[0]);
                  }
                  Thread.sleep(20);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              }
            });
    thread.start();
    return thread;
  }

  private static long[] sample(String url, int count) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN).GET().build();
    long[] latencies = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(response.statusCode() + " " + response.body());
      }
      latencies[i] = System.nanoTime() - start;
    }
    Arrays.sort(latencies);
    return latencies;
  }

  private static double p(long[] sorted, int percentile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
  }

  private static Process start(Path home, int port, int smtpPort) throws Exception {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx1g",
            "-cp",
            System.getProperty("java.class.path"),
            BatonApplication.class.getName(),
            "--baton.home=" + home,
            "--server.port=" + port,
            "--baton.admin-token=" + TOKEN,
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=" + smtpPort,
            "--baton.mail.poll=PT0.2S",
            "--baton.webhooks.allow-private-addresses=true",
            "--baton.notifications.digest-at=00:00",
            "--baton.notifications.digest-poll=PT1S",
            "--baton.notifications.digest-initial-delay=PT1S",
            "--logging.level.root=WARN");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(home.resolve("baton.log").toFile()).start();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      try {
        if (HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return process;
        }
      } catch (java.io.IOException notYet) {
        // starting
      }
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException("Baton did not start; see " + home.resolve("baton.log"));
      }
      Thread.sleep(200);
    }
  }

  /** The embedded database, as its owner: its port from the pid file, the password from home. */
  private static Connection database(Path home) throws Exception {
    Path pid;
    try (var files = Files.walk(home)) {
      pid = files.filter(f -> f.getFileName().toString().equals("postmaster.pid")).findFirst().orElseThrow();
    }
    String dbPort = Files.readAllLines(pid).get(3).strip();
    Properties credentials = new Properties();
    try (var in = Files.newInputStream(home.resolve("postgres/credentials.properties"))) {
      credentials.load(in);
    }
    return DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + dbPort + "/baton", "postgres", credentials.getProperty("owner-password"));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
