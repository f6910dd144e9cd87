package org.baton.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Provisioning as an identity provider does it, over loopback: each user is one request (a lookup
 * by userName, then a create), {@code workers} at a time. The baseline, in the same run, is as many
 * trivial authenticated SCIM calls (GET /ServiceProviderConfig with the same token).
 *
 * <pre>
 * java ... org.baton.bench.ScimLoad BASE_URL SCIM_TOKEN [users] [workers]
 * </pre>
 */
public final class ScimLoad {

  private final String base;
  private final String token;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private ScimLoad(String base, String token) {
    this.base = base + "/scim/v2";
    this.token = token;
  }

  public static void main(String[] args) throws Exception {
    int users = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int workers = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    ScimLoad load = new ScimLoad(args[0], args[1]);
    load.run(users / 10, workers, load::trivial); // warm-up
    double baseline = load.run(users, workers, load::trivial);
    String prefix = "load-" + System.nanoTime() + "-";
    double provisioning = load.run(users, workers, i -> load.provision(prefix, i));
    System.out.printf(
        "trivial SCIM calls: %d in %.1f s (%.0f/s)%n", users, baseline, users / baseline);
    System.out.printf(
        "provisioning: %d users (lookup + create each) in %.1f s (%.0f users/s)%n",
        users, provisioning, users / provisioning);
    System.out.printf("ratio provisioning / trivial calls: %.2f%n", provisioning / baseline);
    System.exit(provisioning <= 60 ? 0 : 1);
  }

  interface Call {
    void run(int i) throws Exception;
  }

  private double run(int count, int workers, Call call) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      running.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  try {
                    call.run(i);
                  } catch (Exception e) {
                    if (failures.incrementAndGet() < 5) {
                      System.err.println("failed: " + e.getMessage());
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : running) {
      worker.get();
    }
    pool.shutdown();
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " requests failed");
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private void trivial(int i) throws Exception {
    expect(200, send("GET", "/ServiceProviderConfig", null));
  }

  private void provision(String prefix, int i) throws Exception {
    String email = prefix + i + "@example.com";
    HttpResponse<String> found =
        send("GET", "/Users?filter=" + java.net.URLEncoder.encode(
            "userName eq \"" + email + "\"", java.nio.charset.StandardCharsets.UTF_8), null);
    expect(200, found);
    expect(
        201,
        send(
            "POST",
            "/Users",
            "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                + email
                + "\",\"name\":{\"givenName\":\"Load\",\"familyName\":\"Person "
                + i
                + "\"},\"displayName\":\"Load Person "
                + i
                + "\",\"title\":\"Operator\",\"active\":true,"
                + "\"emails\":[{\"value\":\""
                + email
                + "\",\"type\":\"work\",\"primary\":true}]}"));
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/scim+json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
  }
}
