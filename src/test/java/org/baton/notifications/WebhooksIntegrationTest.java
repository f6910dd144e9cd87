package org.baton.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.baton.BatonIntegrationTest;
import org.baton.decisions.Decision;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against a real receiver on loopback that checks every signature with the Standard
 * Webhooks reference library: a decision recorded arrives signed, with ids and links; confidential
 * ones only where an admin allowed them; 410 Gone disables an endpoint without losing what waits; a
 * rotated secret signs beside the old one; a receiver that hangs holds up nobody else.
 */
@BatonIntegrationTest
class WebhooksIntegrationTest {

  /** One delivery as the receiver got it. */
  record Received(String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.get(name).get(0);
    }

    JsonNode json() {
      return JsonMapper.builder().build().readTree(body);
    }
  }

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired DecisionRecord decisions;
  @Autowired JdbcClient jdbc;
  @Autowired org.baton.strategy.Dialogues dialogues;

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Long> registered = new ArrayList<>();
  private HttpServer receiver;
  private volatile int goneAnswers = 410;
  private String base;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, List<String>> headers = new java.util.HashMap<>();
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v));
          if (path.startsWith("/hang")) {
            sleep(Duration.ofSeconds(15)); // longer than Baton waits
          }
          received.add(new Received(path, headers, body));
          int status = path.startsWith("/gone") ? goneAnswers : 204;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    base = "http://127.0.0.1:" + receiver.getAddress().getPort();
  }

  @AfterEach
  void stopReceiver() throws Exception {
    for (Long id : registered) {
      mvc.perform(delete("/api/v1/webhooks/" + id).with(user(admin())));
    }
    receiver.stop(0);
  }

  @Test
  void aRecordedDecisionArrivesSignedWithIdsAndLinksAndTheLogShowsIt() throws Exception {
    JsonNode created = register("/ok", List.of("decision.recorded"), false);
    String secret = created.get("secret").asText();
    assertThat(secret).startsWith("whsec_");
    long id = created.get("endpoint").get("id").asLong();
    mvc.perform(get("/api/v1/webhooks").with(user(admin())))
        .andExpect(status().isOk())
        .andExpect(
            result ->
                assertThat(result.getResponse().getContentAsString())
                    .as("the secret is never shown again")
                    .doesNotContain(secret));

    Decision decision = decisions.record(account("henry@example.com"), draft("customer.goodwill"));

    Received delivery = awaitDelivery("/ok", decision.id());
    assertThatCode(() -> new Webhook(secret).verify(delivery.body(), delivery.headers()))
        .as("signed per Standard Webhooks")
        .doesNotThrowAnyException();
    JsonNode body = delivery.json();
    assertThat(body.get("type").asText()).isEqualTo("decision.recorded");
    assertThat(body.get("data").get("decisionId").asLong()).isEqualTo(decision.id());
    assertThat(body.get("data").get("links").get("page").asText())
        .isEqualTo("http://localhost:8080/decisions/" + decision.id());
    assertThat(body.toString()).as("ids and links, never content").doesNotContain(decision.title());

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/v1/webhooks/" + id + "/deliveries").with(user(admin())))
                    .andExpect(
                        jsonPath("$.items[0].webhookId").value(delivery.header("webhook-id")))
                    .andExpect(jsonPath("$.items[0].state").value("delivered"))
                    .andExpect(jsonPath("$.items[0].lastStatus").value(204)));

    long deliveryId =
        jdbc.sql("select id from webhook_delivery where message_id = ?")
            .param(delivery.header("webhook-id"))
            .query(Long.class)
            .single();
    mvc.perform(
            post("/api/v1/webhooks/" + id + "/deliveries/" + deliveryId + "/redeliver")
                .with(user(admin())))
        .andExpect(status().isAccepted());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                received.stream()
                        .filter(r -> r.header("webhook-id").equals(delivery.header("webhook-id")))
                        .count()
                    == 2);
  }

  @Test
  void aContributionToADialogueRoundArrivesAsItsEvent() throws Exception {
    String secret =
        register("/dialogue", List.of("dialogue-contribution.posted"), false)
            .get("secret")
            .asText();
    BatonUser ben = account("ben@example.com");
    org.baton.strategy.DialogueRound round =
        dialogues.list(ben).stream()
            .filter(org.baton.strategy.DialogueRound::open)
            .findFirst()
            .orElseThrow(() -> new AssertionError("the demo has a round open for contributions"));
    org.baton.strategy.Contribution posted =
        dialogues.contribute(
            ben,
            round.id(),
            new org.baton.strategy.DialogueDrafts.ContributionDraft(
                org.baton.strategy.Contribution.Kind.QUESTION, "Webhook question?", null));

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                received.stream()
                    .anyMatch(
                        r ->
                            r.path().equals("/dialogue")
                                && r.json().get("data").path("contributionId").asLong()
                                    == posted.id()));
    Received delivery =
        received.stream()
            .filter(r -> r.json().get("data").path("contributionId").asLong() == posted.id())
            .findFirst()
            .orElseThrow();
    new Webhook(secret).verify(delivery.body(), delivery.headers());
    JsonNode body = delivery.json();
    assertThat(body.get("type").asText()).isEqualTo("dialogue-contribution.posted");
    assertThat(body.get("data").get("roundId").asLong()).isEqualTo(round.id());
    assertThat(body.get("data").get("links").get("page").asText())
        .endsWith("/dialogues/%d/contributions/%d".formatted(round.id(), posted.id()));
    assertThat(body.toString())
        .as("ids and links, never the text")
        .doesNotContain("Webhook question");
  }

  @Test
  void confidentialDecisionsGoOnlyToEndpointsMarkedForThem() throws Exception {
    register("/open", List.of("decision.recorded"), false);
    register("/trusted", List.of("decision.recorded"), true);

    Decision secret = decisions.record(account("ruth@example.com"), draft("finance.write-off"));
    assertThat(secret.confidential()).isTrue();

    awaitDelivery("/trusted", secret.id());
    // both endpoints' deliveries are written in one transaction: none was written for /open
    assertThat(
            jdbc.sql(
                    "select count(*) from webhook_delivery d join webhook_endpoint e"
                        + " on e.id = d.endpoint_id where e.url = ? and d.payload like ?")
                .params(base + "/open", "%\"decisionId\":" + secret.id() + ",%")
                .query(Integer.class)
                .single())
        .isZero();
  }

  @Test
  void goneDisablesTheEndpointAndWhatWaitedIsSentWhenItIsEnabledAgain() throws Exception {
    long id =
        register("/gone", List.of("decision.recorded"), false).get("endpoint").get("id").asLong();
    Decision first = decisions.record(account("henry@example.com"), draft("customer.goodwill"));
    String webhookId = awaitDelivery("/gone", first.id()).header("webhook-id");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                mvc.perform(get("/api/v1/webhooks").with(user(admin())))
                    .andExpect(
                        jsonPath("$[?(@.id == " + id + ")].disabledReason")
                            .value(
                                org.hamcrest.Matchers.hasItem(
                                    org.hamcrest.Matchers.containsString("410 Gone")))));

    Decision second = decisions.record(account("henry@example.com"), draft("customer.goodwill"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql(
                        "select last_seq >= ? from decision_record_cursor where follower = 'webhooks'")
                    .param(second.seq())
                    .query(Boolean.class)
                    .single());
    assertThat(deliveriesOf("/gone", second.id()))
        .as("a disabled endpoint gets nothing new")
        .isEmpty();

    goneAnswers = 204; // the receiver is back
    mvc.perform(
            post("/admin/webhooks/" + id + "/enable")
                .with(user(admin()))
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().is3xxRedirection());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                received.stream().filter(r -> r.header("webhook-id").equals(webhookId)).count()
                    == 2);
  }

  @Test
  void aRotatedSecretSignsBesideTheOldOneForADay() throws Exception {
    JsonNode created = register("/rotating", List.of("decision.recorded"), false);
    String old = created.get("secret").asText();
    long id = created.get("endpoint").get("id").asLong();
    String fresh =
        JsonMapper.builder()
            .build()
            .readTree(
                mvc.perform(post("/api/v1/webhooks/" + id + "/secret").with(user(admin())))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.endpoint.previousSecretValidUntil").isNotEmpty())
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .get("secret")
            .asText();
    assertThat(fresh).isNotEqualTo(old);

    Decision decision = decisions.record(account("henry@example.com"), draft("customer.goodwill"));
    Received delivery = awaitDelivery("/rotating", decision.id());
    assertThat(delivery.header("webhook-signature").split(" ")).hasSize(2);
    assertThatCode(() -> new Webhook(fresh).verify(delivery.body(), delivery.headers()))
        .doesNotThrowAnyException();
    assertThatCode(() -> new Webhook(old).verify(delivery.body(), delivery.headers()))
        .doesNotThrowAnyException();
  }

  @Test
  void aReceiverThatHangsHoldsUpNobodyElse() throws Exception {
    register("/hang", List.of("decision.recorded"), false);
    register("/quick", List.of("decision.recorded"), false);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(decisions.record(account("henry@example.com"), draft("customer.goodwill")).id());
    }
    // the hanging receiver holds its 8 deliveries for 10 s; the quick one gets all 20 meanwhile
    await()
        .atMost(Duration.ofSeconds(8))
        .until(() -> ids.stream().allMatch(id -> !deliveriesOf("/quick", id).isEmpty()));
    assertThat(received.stream().filter(r -> r.path().equals("/hang"))).isEmpty();
  }

  @Test
  void badEndpointsAreRefusedNamingTheField() throws Exception {
    mvc.perform(
            post("/api/v1/webhooks")
                .with(user(admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\": \"" + base + "/x\", \"events\": [\"decision.made\"]}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("events"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(org.hamcrest.Matchers.containsString("decision.made")));
    mvc.perform(
            post("/api/v1/webhooks")
                .with(user(admin()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\": \"ftp://example.com/x\", \"events\": [\"decision.recorded\"]}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("url"));
    assertThat(
            jdbc.sql("select count(*) from webhook_endpoint where url like 'ftp:%' or url = ?")
                .param(base + "/x")
                .query(Integer.class)
                .single())
        .as("nothing saved")
        .isZero();
  }

  private JsonNode register(String path, List<String> events, boolean confidential)
      throws Exception {
    String answer =
        mvc.perform(
                post("/api/v1/webhooks")
                    .with(user(admin()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        JsonMapper.builder()
                            .build()
                            .writeValueAsString(
                                Map.of(
                                    "url",
                                    base + path,
                                    "events",
                                    events,
                                    "description",
                                    "test receiver",
                                    "confidential",
                                    confidential))))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode created = JsonMapper.builder().build().readTree(answer);
    registered.add(created.get("endpoint").get("id").asLong());
    return created;
  }

  private Received awaitDelivery(String path, long decisionId) {
    await().atMost(Duration.ofSeconds(15)).until(() -> !deliveriesOf(path, decisionId).isEmpty());
    return deliveriesOf(path, decisionId).get(0);
  }

  private List<Received> deliveriesOf(String path, long decisionId) {
    return received.stream()
        .filter(r -> r.path().equals(path))
        .filter(r -> r.json().get("data").path("decisionId").asLong() == decisionId)
        .toList();
  }

  private static DecisionDraft draft(String type) {
    return new DecisionDraft(
        type,
        "Webhook test",
        "A reason",
        Money.of("50", "EUR"),
        Map.of(),
        List.of(),
        null,
        null,
        null);
  }

  private BatonUser admin() {
    return account("admin");
  }

  private BatonUser account(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
