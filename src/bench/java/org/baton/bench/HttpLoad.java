package org.baton.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A load harness for Baton over loopback, bounded in time and count, that stops by itself.
 *
 * <pre>
 * java ... org.baton.bench.HttpLoad BASE_URL TOKEN MEMBER_TOKEN [seconds] [workers]
 * </pre>
 *
 * <ol>
 *   <li>Closed loop, as fast as {@code workers} connections go: GET /api/v1/me (a trivial
 *       authenticated call: the baseline) and POST /api/v1/authority/checks.
 *   <li>Open loop at half the check's maximum: requests start on a fixed schedule whatever the
 *       server does, latency measured from the scheduled start (no coordinated omission).
 *   <li>Closed loop of POST /api/v1/decisions (recording, chain included) by a member.
 * </ol>
 */
public final class HttpLoad {

  private static final String CHECK =
      "{\"person\": \"henry@example.com\", \"decisionType\": \"customer.goodwill\","
          + " \"amount\": {\"value\": 150, \"currency\": \"EUR\"}}";
  private static final String DECISION =
      "{\"decisionType\": \"customer.goodwill\", \"title\": \"Load test credit\","
          + " \"reason\": \"Measuring the record\", \"amount\": {\"value\": 1, \"currency\": \"EUR\"}}";

  private final String base;
  private final int seconds;
  private final int workers;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private HttpLoad(String base, int seconds, int workers) {
    this.base = base;
    this.seconds = seconds;
    this.workers = workers;
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String admin = args[1];
    String member = args[2];
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    int workers = args.length > 4 ? Integer.parseInt(args[4]) : 8;
    HttpLoad load = new HttpLoad(base, seconds, workers);

    HttpRequest me = get("/api/v1/me", admin, base);
    HttpRequest check = post("/api/v1/authority/checks", admin, CHECK, base);
    load.closedLoop(me, 3); // warm-up
    load.closedLoop(check, 3);
    double trivial = load.closedLoop(me, seconds);
    double checks = load.closedLoop(check, seconds);
    System.out.printf("closed loop, %d workers, %d s each%n", workers, seconds);
    System.out.printf("  GET /api/v1/me (baseline)        %10.0f req/s%n", trivial);
    System.out.printf("  POST /api/v1/authority/checks    %10.0f req/s  (%.0f%% of baseline)%n", checks, 100 * checks / trivial);

    double rate = checks / 2;
    long[] latencies = load.openLoop(check, rate, seconds);
    System.out.printf("open loop at %.0f req/s (half the maximum), %d requests%n", rate, latencies.length);
    System.out.printf("  check latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        percentile(latencies, 50), percentile(latencies, 99), latencies[latencies.length - 1] / 1e6);

    HttpRequest decide = post("/api/v1/decisions", member, DECISION, base);
    double decisions = load.closedLoop(decide, seconds);
    System.out.printf("closed loop, %d workers: POST /api/v1/decisions %10.0f decisions/s%n", workers, decisions);
  }

  /** Requests per second with every worker sending back to back for the given time. */
  private double closedLoop(HttpRequest request, int forSeconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    long end = System.nanoTime() + forSeconds * 1_000_000_000L;
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    List<Future<?>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int w = 0; w < workers; w++) {
      futures.add(pool.submit(() -> {
        while (System.nanoTime() < end) {
          if (send(request)) {
            done.incrementAndGet();
          } else {
            failed.incrementAndGet();
          }
        }
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    if (failed.get() > 0) {
      System.out.printf("  (%d requests failed)%n", failed.get());
    }
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }

  /** Latencies in nanoseconds, sorted, measured from each request's scheduled start. */
  private long[] openLoop(HttpRequest request, double perSecond, int forSeconds) throws Exception {
    int total = (int) (perSecond * forSeconds);
    long interval = (long) (1e9 / perSecond);
    long[] latencies = new long[total];
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(workers * 4, 32));
    long start = System.nanoTime() + 100_000_000L;
    List<Future<?>> futures = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      long scheduled = start + i * interval;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      int index = i;
      futures.add(pool.submit(() -> {
        send(request);
        latencies[index] = System.nanoTime() - scheduled;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    Arrays.sort(latencies);
    return latencies;
  }

  private boolean send(HttpRequest request) {
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      return response.statusCode() < 300;
    } catch (Exception e) {
      return false;
    }
  }

  private static double percentile(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)] / 1e6;
  }

  private static HttpRequest get(String path, String token, String base) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET().build();
  }

  private static HttpRequest post(String path, String token, String body, String base) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
