package org.baton.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.baton.BatonProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook deliveries that cannot be lost: Baton, with 1,000 deliveries waiting for a receiver on
 * loopback, is killed with SIGKILL mid-way through sending them; after a restart every one arrives.
 * Delivery is at least once: a delivery is marked delivered right after the receiver answered, so
 * only those under way at the kill (at most the per-endpoint limit) can arrive twice, and then with
 * the same webhook-id, by which receivers drop the repeat (Standard Webhooks).
 */
class WebhooksSurviveKillIntegrationTest {

  private static final int DELIVERIES = 1000;
  private static final int PER_ENDPOINT = 8;

  @TempDir Path home;

  private BatonProcess baton;
  private HttpServer receiver;
  private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

  @AfterEach
  void stopEverything() throws Exception {
    if (baton != null) {
      baton.close();
    }
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  @Test
  void aThousandDeliveriesAllArriveAfterAKillDashNineMidSending() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    receiver.setExecutor(Executors.newFixedThreadPool(PER_ENDPOINT * 2));
    receiver.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          sleep(20); // a receiver that takes its time, so that the kill falls mid-way
          received
              .computeIfAbsent(
                  exchange.getRequestHeaders().getFirst("webhook-id"), k -> new AtomicInteger())
              .incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    baton = new BatonProcess(home);

    Process sending = baton.start("sending", settings());
    HttpResponse<String> created =
        baton.call(
            "POST",
            "/api/v1/webhooks",
            "application/json",
            """
            {"url": "http://127.0.0.1:%d/hook", "events": ["report-out.posted"],
             "description": "kill test"}
            """
                .formatted(receiver.getAddress().getPort()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    try (Connection db = baton.database();
        Statement sql = db.createStatement()) {
      // What WebhookEvents writes for each event, written here in one go: no person can act
      // through the admin token, and a thousand report-outs would only slow the test down.
      sql.execute(
          """
          insert into webhook_delivery (endpoint_id, message_id, event_type, payload, created_at,
                                        next_attempt_at, retry_until)
          select (select max(id) from webhook_endpoint), 'msg_kill_' || g, 'report-out.posted',
                 '{"type":"report-out.posted","timestamp":"2026-11-24T00:00:00Z",'
                   || '"data":{"reportOutId":' || g || '}}',
                 now(), now(), now() + interval '3 days'
          from generate_series(1, %d) g
          """
              .formatted(DELIVERIES));
    }
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> received.size() >= 100);
    baton.kill(sending);
    assertThat(received.size()).as("killed mid-way through sending").isLessThan(DELIVERIES);

    baton.start("restarted", settings());
    // Those under way at the kill (the receiver may have had them, Baton never heard back) are
    // taken again once their lease (timeout + 30 s) is over: wait until every one is marked.
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> delivered() == DELIVERIES);
    // A marker queued after every delivery is marked: once it arrives, the sender has gone round
    // again, and anything it would send twice more has been sent.
    try (Connection db = baton.database();
        Statement sql = db.createStatement()) {
      sql.execute(
          """
          insert into webhook_delivery (endpoint_id, message_id, event_type, payload, created_at,
                                        next_attempt_at, retry_until)
          select max(id), 'msg_marker', 'report-out.posted',
                 '{"type":"report-out.posted","timestamp":"2026-11-24T00:00:00Z",'
                   || '"data":{"reportOutId":0}}',
                 now(), now(), now() + interval '3 days'
          from webhook_endpoint
          """);
    }
    await()
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> received.containsKey("msg_marker"));
    received.remove("msg_marker");

    assertThat(received).as("every delivery arrived").hasSize(DELIVERIES);
    long twice = received.values().stream().filter(n -> n.get() > 1).count();
    assertThat(twice)
        .as("only deliveries under way at the kill may arrive again, with the same webhook-id")
        .isLessThanOrEqualTo(PER_ENDPOINT);
  }

  private int delivered() throws Exception {
    try (Connection db = baton.database();
        Statement sql = db.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "select count(*) from webhook_delivery where message_id like 'msg_kill_%'"
                    + " and delivered_at is not null")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static List<String> settings() {
    return List.of(
        "--baton.webhooks.allow-private-addresses=true",
        "--baton.webhooks.timeout=PT2S",
        "--baton.webhooks.per-endpoint=" + PER_ENDPOINT);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
