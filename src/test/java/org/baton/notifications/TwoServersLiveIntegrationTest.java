package org.baton.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.baton.BatonApplication;
import org.baton.BatonIntegrationTest;
import org.baton.identity.Accounts;
import org.baton.identity.ApiTokens;
import org.baton.identity.BatonUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Baton servers on one PostgreSQL, with the live bus on LISTEN/NOTIFY: advice asked on one
 * server reaches a stream open on the other.
 */
@BatonIntegrationTest
class TwoServersLiveIntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;

  @Test
  void anEventOnOneServerReachesAStreamOnTheOther() throws Exception {
    String url = ((HikariDataSource) dataSource).getJdbcUrl();
    try (ConfigurableApplicationContext a = server(url);
        ConfigurableApplicationContext b = server(url)) {
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

  private static ConfigurableApplicationContext server(String url) {
    return SpringApplication.run(
        BatonApplication.class,
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=baton_app",
        "--spring.datasource.password=" + org.baton.DatabaseOwner.password("app-password"),
        "--server.port=0",
        "--baton.live.bus=postgres",
        "--baton.demo=false",
        "--baton.admin-password=test-admin-password",
        "--baton.advice.reminder-initial-delay=PT24H",
        "--logging.level.root=WARN");
  }

  private static String base(ConfigurableApplicationContext context) {
    return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
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
