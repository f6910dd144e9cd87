package org.baton.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.baton.BatonIntegrationTest;
import org.baton.OtherServer;
import org.baton.identity.Accounts;
import org.baton.identity.ApiTokens;
import org.baton.identity.BatonUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Baton servers on one PostgreSQL, with the live bus and server signals on LISTEN/NOTIFY:
 * advice asked on one server reaches a stream open on the other, a rule added on one answers checks
 * on the other, and a session started on one works on the other.
 */
@BatonIntegrationTest
class TwoServersLiveIntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;

  @Test
  void anEventOnOneServerReachesAStreamOnTheOther() throws Exception {
    try (ConfigurableApplicationContext a = server();
        ConfigurableApplicationContext b = server()) {
      String priya = tokens.create(account("priya@example.com"), "server b").secret();
      String olivia = tokens.create(account("olivia@example.com"), "server a").secret();
      BlockingQueue<String> onB = new LinkedBlockingQueue<>();
      HttpClient client = HttpClient.newHttpClient();
      client.sendAsync(
          HttpRequest.newBuilder(URI.create(base(b) + "/api/v1/stream"))
              .header("Authorization", "Bearer " + priya)
              .build(),
          HttpResponse.BodyHandlers.fromLineSubscriber(
              new java.util.concurrent.Flow.Subscriber<String>() {
                public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                  s.request(Long.MAX_VALUE);
                }

                public void onNext(String line) {
                  onB.add(line.replace(" ", ""));
                }

                public void onError(Throwable t) {}

                public void onComplete() {}
              }));
      assertThat(await(onB, "event:ready")).isTrue();

      String body =
          "{\"question\": \"Across servers?\", \"deadline\": \""
              + Instant.now().plus(Duration.ofDays(1))
              + "\", \"panel\": ["
              + account("priya@example.com").personId()
              + "]}";
      HttpResponse<String> asked =
          client.send(
              HttpRequest.newBuilder(URI.create(base(a) + "/api/v1/advice-requests"))
                  .header("Authorization", "Bearer " + olivia)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(asked.statusCode()).isEqualTo(201);
      String id = asked.body().replaceAll("^\\{\"id\":(\\d+).*", "$1");
      assertThat(await(onB, "event:advice-" + id)).as("the event crossed to server B").isTrue();
    }
  }

  /**
   * Each server answers checks from its policy in memory: a rule added on one server must reach the
   * checks of the other at once, or the other would keep answering from the old policy.
   */
  @Test
  void aRuleAddedOnOneServerAnswersChecksOnTheOther() throws Exception {
    try (ConfigurableApplicationContext a = server();
        ConfigurableApplicationContext b = server()) {
      String admin = tokens.create(account("admin"), "two servers").secret();
      String type = "signals.test" + System.nanoTime() % 100_000;
      HttpClient client = HttpClient.newHttpClient();
      assertThat(
              send(
                  client,
                  a,
                  admin,
                  "/api/v1/decision-types",
                  "{\"code\": \""
                      + type
                      + "\", \"name\": \"Signal test\", \"carriesAmount\": true}"))
          .startsWith("201");
      String check =
          "{\"person\": \"henry@example.com\", \"decisionType\": \""
              + type
              + "\", \"amount\": {\"value\": 50, \"currency\": \"EUR\"}}";
      assertThat(send(client, b, admin, "/api/v1/authority/checks", check))
          .contains("OUTSIDE_AUTHORITY");

      long henry = account("henry@example.com").personId();
      assertThat(
              send(
                  client,
                  a,
                  admin,
                  "/api/v1/authority/rules",
                  "{\"decisionType\": \""
                      + type
                      + "\", \"holderKind\": \"PERSON\", \"holderPersonId\": "
                      + henry
                      + ", \"limit\": 100, \"currency\": \"EUR\", \"reason\": \"Across servers\"}"))
          .startsWith("201");
      long end = System.currentTimeMillis() + 10_000;
      String answer = "";
      while (System.currentTimeMillis() < end && !answer.contains("WITHIN_AUTHORITY")) {
        answer = send(client, b, admin, "/api/v1/authority/checks", check);
        Thread.sleep(100);
      }
      assertThat(answer).as("server B answers from the new rule").contains("WITHIN_AUTHORITY");
    }
  }

  /**
   * Sixteen clients recording at once, every other decision through the other server: each append
   * races the other server's for the chain's head, and every one must still be recorded (a lost
   * race retries, then appends under the head's lock), leaving one intact chain. The benchmark of
   * the same with more writes and servers is scripts/perf-servers.sh.
   */
  @Test
  void decisionsFromSixteenClientsOverTwoServersAllSucceedInOneIntactChain() throws Exception {
    try (ConfigurableApplicationContext a = server();
        ConfigurableApplicationContext b = server()) {
      String henry = tokens.create(account("henry@example.com"), "two servers record").secret();
      String admin = tokens.create(account("admin"), "two servers verify").secret();
      String decision =
          "{\"decisionType\": \"customer.goodwill\", \"title\": \"Two servers\","
              + " \"reason\": \"Contention\", \"amount\": {\"value\": 1, \"currency\": \"EUR\"}}";
      HttpClient client = HttpClient.newHttpClient();
      java.util.concurrent.ExecutorService clients =
          java.util.concurrent.Executors.newFixedThreadPool(16);
      List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 160; i++) {
        ConfigurableApplicationContext to = i % 2 == 0 ? a : b;
        answers.add(clients.submit(() -> send(client, to, henry, "/api/v1/decisions", decision)));
      }
      clients.shutdown();
      List<String> failed = new java.util.ArrayList<>();
      for (java.util.concurrent.Future<String> answer : answers) {
        String got = answer.get(60, TimeUnit.SECONDS);
        if (!got.startsWith("201")) {
          failed.add(got);
        }
      }

      assertThat(failed).as("decisions refused or failed under contention").isEmpty();
      HttpResponse<String> verified =
          client.send(
              HttpRequest.newBuilder(URI.create(base(a) + "/api/v1/decisions/verify"))
                  .header("Authorization", "Bearer " + admin)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(verified.body()).contains("\"intact\":true");
    }
  }

  /**
   * Sessions live in the database: signed in on one server, a browser is signed in on the other
   * (behind a load balancer, without sticky sessions), and signing out on one ends it on both.
   */
  @Test
  void aSessionStartedOnOneServerWorksOnTheOtherUntilSignedOut() throws Exception {
    try (ConfigurableApplicationContext a = server();
        ConfigurableApplicationContext b = server()) {
      // one browser: both servers are "localhost", as behind one host name
      HttpClient browser =
          HttpClient.newBuilder()
              .cookieHandler(new java.net.CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      String csrf = csrfOf(browser, base(a) + "/login");
      HttpResponse<String> signedIn =
          browser.send(
              HttpRequest.newBuilder(URI.create(base(a) + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "username=henry%40example.com&password="
                              + BatonIntegrationTest.DEMO_PASSWORD
                              + "&_csrf="
                              + csrf))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

      assertThat(status(browser, base(b) + "/people")).as("signed in on B too").isEqualTo(200);

      String logoutCsrf = csrfOf(browser, base(b) + "/people");
      browser.send(
          HttpRequest.newBuilder(URI.create(base(a) + "/logout"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + logoutCsrf))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(status(browser, base(b) + "/people")).as("signed out on B too").isEqualTo(302);
    }
  }

  private static String csrfOf(HttpClient browser, String page) throws Exception {
    String html =
        browser
            .send(
                HttpRequest.newBuilder(URI.create(page)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    java.util.regex.Matcher token =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(token.find()).as("a CSRF token on " + page).isTrue();
    return token.group(1);
  }

  private static int status(HttpClient browser, String page) throws Exception {
    return browser
        .send(
            HttpRequest.newBuilder(URI.create(page)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static String send(
      HttpClient client,
      ConfigurableApplicationContext server,
      String token,
      String path,
      String body)
      throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(base(server) + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private ConfigurableApplicationContext server() {
    return OtherServer.start(dataSource, "--baton.live.bus=postgres");
  }

  private static String base(ConfigurableApplicationContext context) {
    return "http://localhost:" + OtherServer.port(context);
  }

  private static boolean await(BlockingQueue<String> lines, String wanted)
      throws InterruptedException {
    long end = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < end) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (wanted.equals(line)) {
        return true;
      }
    }
    return false;
  }

  private BatonUser account(String email) {
    return (BatonUser) accounts.loadUserByUsername(email);
  }
}
