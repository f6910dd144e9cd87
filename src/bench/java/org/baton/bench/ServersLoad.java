package org.baton.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Recording decisions over several Baton servers on one database, closed loop: each client sends
 * its next decision to the next server in turn (as a round-robin load balancer would), for a fixed
 * time. Prints decisions per second, the latency's p50 and p99, and how many were not recorded.
 *
 * <p>Arguments: comma-separated base URLs, a member's token, clients, seconds.
 */
public final class ServersLoad {

  private static final String DECISION =
      "{\"decisionType\": \"customer.goodwill\", \"title\": \"Servers load\","
          + " \"reason\": \"Measuring appends across servers\","
          + " \"amount\": {\"value\": 1, \"currency\": \"EUR\"}}";

  private ServersLoad() {}

  public static void main(String[] args) throws Exception {
    String[] bases = args[0].split(",");
    String token = args[1];
    int clients = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger turn = new AtomicInteger();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread thread =
          new Thread(
                  () -> {
                    while (System.nanoTime() < end) {
                      String base = bases[Math.floorMod(turn.getAndIncrement(), bases.length)];
                      HttpRequest request =
                          HttpRequest.newBuilder(URI.create(base + "/api/v1/decisions"))
                              .header("Authorization", "Bearer " + token)
                              .header("Content-Type", "application/json")
                              .timeout(Duration.ofSeconds(30))
                              .POST(HttpRequest.BodyPublishers.ofString(DECISION))
                              .build();
                      long started = System.nanoTime();
                      try {
                        HttpResponse<String> response =
                            http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 201) {
                          latencies.add(System.nanoTime() - started);
                        } else {
                          failed.incrementAndGet();
                          System.err.println(response.statusCode() + " " + response.body());
                        }
                      } catch (Exception e) {
                        failed.incrementAndGet();
                        System.err.println(e);
                      }
                    }
                  });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1e6;
    double p99 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99)) / 1e6;
    System.out.printf(
        "%d server(s), %d clients, %d s: %.0f decisions/s, p50 %.1f ms, p99 %.1f ms,"
            + " not recorded %d%n",
        bases.length, clients, seconds, sorted.size() / (double) seconds, p50, p99, failed.get());
  }
}
