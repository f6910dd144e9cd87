package org.baton.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One client of a Baton under load over loopback: a browser's session (signed in through the
 * sign-in form, pages asked for as HTML) and an API token, timing GETs as p50/p95 in milliseconds.
 */
final class LoopbackSession {

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .cookieHandler(new CookieManager())
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private final String token;
  private final int requests;

  LoopbackSession(String base, String token, int requests) {
    this.base = base;
    this.token = token;
    this.requests = requests;
  }

  void signIn(String username, String password) throws Exception {
    String login =
        client
            .send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
    if (!csrf.find()) {
      throw new IllegalStateException("No CSRF token on the sign-in page");
    }
    String form =
        "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
    client.send(
        HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** A GET with the API token, or as the signed-in browser asking for HTML. */
  void send(String path, boolean api) throws Exception {
    send(path, api, api ? null : "text/html");
  }

  /** A GET with the API token or the browser's session, asking for {@code accept}. */
  void send(String path, boolean api, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (api) {
      request.header("Authorization", "Bearer " + token);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    HttpResponse<Void> response =
        client.send(request.build(), HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode());
    }
  }

  /** A POST of JSON with the API token; its answer's body. */
  String post(String path, String json) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  void warm(String path, boolean api) throws Exception {
    for (int i = 0; i < 30; i++) {
      send(path, api);
    }
  }

  /** p50 and p95 of {@code requests} GETs, in milliseconds. */
  double[] measure(String path, boolean api) throws Exception {
    return measure(path, api, api ? null : "text/html");
  }

  /** p50 and p95 of {@code requests} GETs asking for {@code accept}, in milliseconds. */
  double[] measure(String path, boolean api, String accept) throws Exception {
    long[] nanos = new long[requests];
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      send(path, api, accept);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return new double[] {nanos[requests / 2] / 1e6, nanos[(int) (requests * 0.95)] / 1e6};
  }

  static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
