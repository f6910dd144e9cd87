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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.baton.BatonIntegrationTest;
import org.baton.advice.AdviceRequest;
import org.baton.advice.AdviceService;
import org.baton.identity.Accounts;
import org.baton.identity.ApiTokens;
import org.baton.identity.BatonUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET /api/v1/stream over real HTTP: events reach the people concerned, and nobody else. */
@BatonIntegrationTest
class LiveStreamIntegrationTest {

  @LocalServerPort int port;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired AdviceService advice;

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aRestrictedRequestReachesThePanelsStreamButNotAnOutsiders() throws Exception {
    BatonUser priya = account("priya@example.com");
    BlockingQueue<String> priyaLines = open("priya@example.com");
    BlockingQueue<String> henryLines = open("henry@example.com");
    await(priyaLines, "event:ready");
    await(henryLines, "event:ready");

    AdviceRequest asked =
        advice.ask(
            account("olivia@example.com"),
            new AdviceService.Ask(
                null,
                "Confidential supplier change?",
                "",
                Instant.now().plus(Duration.ofDays(1)),
                List.of(),
                List.of(priya.personId()),
                true,
                null,
                null));

    assertThat(await(priyaLines, "event:advice-" + asked.id())).isTrue();
    assertThat(await(henryLines, "event:advice-" + asked.id(), 1500)).isFalse();
  }

  private BlockingQueue<String> open(String email) {
    String token = tokens.create(account(email), "stream test").secret();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/stream"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .build();
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    CompletableFuture<HttpResponse<Stream<String>>> response =
        client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    response.thenAccept(
        r -> {
          Thread reader =
              new Thread(() -> r.body().forEach(line -> lines.add(line.replace(" ", ""))));
          reader.setDaemon(true);
          reader.start();
        });
    return lines;
  }

  private static boolean await(BlockingQueue<String> lines, String wanted)
      throws InterruptedException {
    return await(lines, wanted, 10_000);
  }

  private static boolean await(BlockingQueue<String> lines, String wanted, long millis)
      throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < end) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private BatonUser account(String email) {
    return (BatonUser) accounts.loadUserByUsername(email);
  }
}
