package org.baton.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A soak on loopback, bounded in time (docs/PERFORMANCE.md): {@code streams} Server-Sent Event
 * streams stay open for everyone in the demo organisation while {@code workers} closed-loop clients
 * repeat a mixed load for {@code minutes} after a minute of warm-up: authority checks, decisions
 * recorded, the decision record (mine and everyone's), initiatives, advice asked (and left open, so
 * that open asks pile up), a panel proposal and an adviser's list of requests. Decisions and open
 * advice requests grow all the time. Prints p50/p99 per minute, overall and per kind of request,
 * and the last minute's p99 against the first's.
 *
 * <pre>java ... org.baton.bench.SoakLoad BASE_URL [minutes] [streams] [workers]</pre>
 */
public final class SoakLoad {

  private static final String CHECK =
      "{\"person\": \"henry@example.com\", \"decisionType\": \"customer.goodwill\","
          + " \"amount\": {\"value\": 150, \"currency\": \"EUR\"}}";
  private static final String DECISION =
      "{\"decisionType\": \"customer.goodwill\", \"title\": \"Soak credit\","
          + " \"reason\": \"Soaking the record\", \"amount\": {\"value\": 1, \"currency\": \"EUR\"}}";

  /** One timed request: the minute (after warm-up) it started in, its kind, its time. */
  private record Sample(int minute, String name, long nanos) {}

  /** One kind of request: who sends it, and what. */
  private record Call(String name, String who, String method, String path, String body) {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int streams = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int workers = args.length > 3 ? Integer.parseInt(args[3]) : 8;

    List<String> everyone = LiveLoad.people(base);
    Map<String, String> tokens = new ConcurrentHashMap<>();
    for (String email : everyone) {
      tokens.put(email, LiveLoad.token(base, email));
    }
    HttpClient streaming = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    CountDownLatch ready = new CountDownLatch(streams);
    List<Object> open = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      String email = everyone.get(i % everyone.size());
      open.add(
          LiveLoad.stream(
              streaming,
              base,
              tokens.get(email),
              line -> {
                if (line.startsWith("event:ready") || line.startsWith("event: ready")) {
                  ready.countDown();
                }
              }));
    }
    if (!ready.await(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException(ready.getCount() + " streams did not open");
    }
    System.out.printf("%,d streams open for %d people%n", streams, everyone.size());

    List<Call> mix =
        List.of(
            new Call("check", "henry@example.com", "POST", "/api/v1/authority/checks", CHECK),
            new Call("decide", "henry@example.com", "POST", "/api/v1/decisions", DECISION),
            new Call("my decisions", "henry@example.com", "GET", "/api/v1/decisions?scope=mine", null),
            new Call("check", "henry@example.com", "POST", "/api/v1/authority/checks", CHECK),
            new Call("all decisions", "olivia@example.com", "GET", "/api/v1/decisions?scope=all", null),
            new Call("ask for advice", "olivia@example.com", "POST", "/api/v1/advice-requests", null),
            new Call("initiatives", "olivia@example.com", "GET", "/api/v1/initiatives?scope=all", null),
            new Call(
                "panel proposal",
                "olivia@example.com",
                "GET",
                "/api/v1/advice-requests/panel-proposal?perspectives=finance&perspectives=quality",
                null),
            new Call("adviser's requests", "priya@example.com", "GET", "/api/v1/advice-requests", null));

    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    long warmUpNanos = TimeUnit.MINUTES.toNanos(1);
    long start = System.nanoTime();
    long end = start + warmUpNanos + TimeUnit.MINUTES.toNanos(minutes);
    ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    AtomicLong failures = new AtomicLong();
    AtomicLong asked = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    for (int w = 0; w < workers; w++) {
      int offset = w;
      pool.submit(
          () -> {
            int i = offset;
            while (System.nanoTime() < end) {
              Call call = mix.get(i++ % mix.size());
              String body =
                  call.body() != null
                      ? call.body()
                      : call.method().equals("POST")
                          ? "{\"question\": \"Soak question " + asked.incrementAndGet() + "\","
                              + " \"deadline\": \"" + Instant.now().plus(Duration.ofDays(3)) + "\","
                              + " \"perspectives\": [\"finance\", \"quality\"]}"
                          : null;
              HttpRequest.Builder request =
                  HttpRequest.newBuilder(URI.create(base + call.path()))
                      .header("Authorization", "Bearer " + tokens.get(call.who()))
                      .timeout(Duration.ofSeconds(30));
              if (body != null) {
                request
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
              }
              long sent = System.nanoTime();
              try {
                HttpResponse<Void> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() >= 300) {
                  failures.incrementAndGet();
                  continue;
                }
              } catch (Exception e) {
                failures.incrementAndGet();
                continue;
              }
              long took = System.nanoTime() - sent;
              if (sent - start >= warmUpNanos) {
                samples.add(
                    new Sample((int) ((sent - start - warmUpNanos) / 60_000_000_000L), call.name(), took));
              }
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(minutes + 5, TimeUnit.MINUTES);

    System.out.printf("%-8s %9s %9s %9s%n", "minute", "requests", "p50 (ms)", "p99 (ms)");
    double firstP99 = 0;
    double lastP99 = 0;
    for (int minute = 0; minute < minutes; minute++) {
      int m = minute;
      long[] times = samples.stream().filter(s -> s.minute() == m).mapToLong(Sample::nanos).toArray();
      double[] p = percentiles(times);
      System.out.printf("%-8d %9d %9.1f %9.1f%n", minute + 1, times.length, p[0], p[1]);
      if (minute == 0) {
        firstP99 = p[1];
      }
      lastP99 = p[1];
    }
    System.out.printf("%nper kind of request, first minute and last (p99 ms):%n");
    for (String name : mix.stream().map(Call::name).distinct().toList()) {
      double first = percentiles(times(samples, name, 0))[1];
      double last = percentiles(times(samples, name, minutes - 1))[1];
      System.out.printf("%-22s %9.1f %9.1f %9.2f%n", name, first, last, last / first);
    }
    System.out.printf(
        "%nlast minute's p99 / first minute's: %.2f (%.1f ms / %.1f ms); %d failed requests;"
            + " %d advice requests left open%n",
        lastP99 / firstP99, lastP99, firstP99, failures.get(), asked.get());
    System.exit(0);
  }

  private static long[] times(java.util.Collection<Sample> samples, String name, int minute) {
    return samples.stream()
        .filter(s -> s.minute() == minute && s.name().equals(name))
        .mapToLong(Sample::nanos)
        .toArray();
  }

  private static double[] percentiles(long[] nanos) {
    if (nanos.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    Arrays.sort(nanos);
    return new double[] {
      nanos[nanos.length / 2] / 1e6, nanos[Math.min(nanos.length - 1, (int) (nanos.length * 0.99))] / 1e6
    };
  }
}
