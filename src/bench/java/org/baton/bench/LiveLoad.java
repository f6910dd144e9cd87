package org.baton.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live fan-out on loopback, bounded in count and time: opens {@code streams} Server-Sent Event
 * streams for people who are not involved (the background), then has panel members give advice
 * {@code rounds} times and measures, for each, the time from sending the advice to the event
 * arriving on the asker's and the panel's own streams. Optionally reports the server's heap
 * before and after the background streams (via jcmd, given the server's pid).
 *
 * <pre>java ... org.baton.bench.LiveLoad BASE_URL [streams] [rounds] [server-pid]</pre>
 */
public final class LiveLoad {

  private static final String PASSWORD = "baton-demo";
  private static final List<String> INVOLVED =
      List.of("olivia@example.com", "priya@example.com", "felix@example.com", "adam@example.com");

  public static void main(String[] args) throws Exception {
    String base = args[0];
    int streams = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    String pid = args.length > 3 ? args[3] : null;

    List<String> everyone = people(base);
    Map<String, String> tokens = new ConcurrentHashMap<>();
    for (String email : everyone) {
      tokens.put(email, token(base, email));
    }
    List<String> background = everyone.stream().filter(e -> !INVOLVED.contains(e)).toList();

    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long heapBefore = heap(pid);
    CountDownLatch ready = new CountDownLatch(streams);
    List<Object> open = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      String email = background.get(i % background.size());
      open.add(stream(client, base, tokens.get(email), line -> {
        if (line.startsWith("event:ready") || line.startsWith("event: ready")) {
          ready.countDown();
        }
      }));
    }
    if (!ready.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("only " + (streams - ready.getCount()) + " streams opened");
    }
    long heapAfter = heap(pid);
    if (pid != null && System.getenv("LIVE_LOAD_HISTOGRAM") != null) {
      run("jcmd", pid, "GC.class_histogram").lines().limit(25).forEach(System.out::println);
    }

    // The involved people's streams: the asker and three panel members.
    Map<String, Map<Integer, Long>> arrivals = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> counted = new ConcurrentHashMap<>();
    CountDownLatch involvedReady = new CountDownLatch(INVOLVED.size());
    AtomicInteger requestId = new AtomicInteger();
    for (String email : INVOLVED) {
      Map<Integer, Long> mine = new ConcurrentHashMap<>();
      arrivals.put(email, mine);
      AtomicInteger seen = new AtomicInteger();
      counted.put(email, seen);
      stream(client, base, tokens.get(email), line -> {
        String compact = line.replace(" ", "");
        if (compact.equals("event:ready")) {
          involvedReady.countDown();
        } else if (requestId.get() > 0 && compact.equals("event:advice-" + requestId.get())) {
          mine.put(seen.incrementAndGet(), System.nanoTime());
        }
      });
    }
    involvedReady.await(30, TimeUnit.SECONDS);

    String ask =
        "{\"question\": \"Fan-out test\", \"deadline\": \"" + Instant.now().plus(Duration.ofDays(1))
            + "\", \"panel\": " + ids(base, tokens.get("olivia@example.com"), INVOLVED.subList(1, 4)) + "}";
    String created = post(client, base + "/api/v1/advice-requests", tokens.get("olivia@example.com"), ask);
    Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(created);
    id.find();
    requestId.set(Integer.parseInt(id.group(1)));
    Thread.sleep(500);
    // the ask's own event may or may not have been counted: each stream counts from here
    for (String email : INVOLVED) {
      counted.get(email).set(0);
      arrivals.get(email).clear();
    }

    List<Long> latencies = new ArrayList<>();
    AtomicInteger round = new AtomicInteger();
    for (int r = 0; r < rounds; r++) {
      String adviser = INVOLVED.get(1 + r % 3);
      int expected = round.incrementAndGet();
      long sent = System.nanoTime();
      post(client, base + "/api/v1/advice-requests/" + requestId.get() + "/advice", tokens.get(adviser),
          "{\"stance\": \"SUPPORT\", \"reasons\": \"round " + r + "\"}");
      long deadline = System.nanoTime() + 5_000_000_000L;
      for (String email : INVOLVED) {
        Map<Integer, Long> mine = arrivals.get(email);
        while (!mine.containsKey(expected) && System.nanoTime() < deadline) {
          Thread.sleep(1);
        }
        Long at = mine.get(expected);
        latencies.add(at == null ? Long.MAX_VALUE : at - sent);
      }
      Thread.sleep(20);
    }
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf("open background streams: %d (over %d people)%n", streams, background.size());
    System.out.printf("advice to event on the asker's and panel's streams, %d events: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        sorted.length, sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
        sorted[sorted.length - 1] / 1e6);
    if (pid != null) {
      System.out.printf("server heap after GC: %.1f MB before, %.1f MB with the streams: %.1f MB per 1,000 streams%n",
          heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1e6 / streams * 1000);
    }
    System.exit(0);
  }

  static Object stream(HttpClient client, String base, String token, java.util.function.Consumer<String> onLine) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/stream"))
        .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
    return client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
      public void onSubscribe(java.util.concurrent.Flow.Subscription s) { s.request(Long.MAX_VALUE); }
      public void onNext(String line) { onLine.accept(line); }
      public void onError(Throwable t) {}
      public void onComplete() {}
    }));
  }

  /** Every demo person's e-mail, from the directory (admin token from BATON_ADMIN_TOKEN). */
  static List<String> people(String base) throws Exception {
    String admin = System.getenv("BATON_ADMIN_TOKEN");
    HttpClient client = HttpClient.newHttpClient();
    String body = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/people?size=100"))
        .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("\"email\":\"([^\"]+)\"").matcher(body);
    List<String> emails = new ArrayList<>();
    while (m.find()) {
      emails.add(m.group(1));
    }
    return emails;
  }

  private static String ids(String base, String token, List<String> emails) throws Exception {
    List<String> ids = new ArrayList<>();
    HttpClient client = HttpClient.newHttpClient();
    String admin = System.getenv("BATON_ADMIN_TOKEN");
    for (String email : emails) {
      String body = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/people?q=" + email.substring(0, email.indexOf('@'))))
          .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = Pattern.compile("\"id\":(\\d+),\"email\":\"" + Pattern.quote(email)).matcher(body);
      if (m.find()) {
        ids.add(m.group(1));
      }
    }
    return "[" + String.join(",", ids) + "]";
  }

  /** Signs in as the person and creates a personal token, as they would in the browser. */
  static String token(String base, String email) throws Exception {
    HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
    String csrf = csrf(login);
    client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + email + "&password=" + PASSWORD + "&_csrf=" + csrf)).build(),
        HttpResponse.BodyHandlers.discarding());
    String page = client.send(HttpRequest.newBuilder(URI.create(base + "/me/tokens")).build(), HttpResponse.BodyHandlers.ofString()).body();
    String created = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/tokens"))
        .header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf(page))
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"live load\"}")).build(), HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(created);
    if (!m.find()) {
      throw new IllegalStateException("no token for " + email + ": " + created);
    }
    return m.group(1);
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the page");
    }
    return m.group(1);
  }

  private static String post(HttpClient client, String url, String token, String json) throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static long heap(String pid) throws Exception {
    if (pid == null) {
      return 0;
    }
    run("jcmd", pid, "GC.run");
    String info = run("jcmd", pid, "GC.heap_info");
    Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
    return m.find() ? Long.parseLong(m.group(1)) * 1024 : 0;
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return out;
  }

}
