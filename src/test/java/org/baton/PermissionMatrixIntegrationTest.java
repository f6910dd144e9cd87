package org.baton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import org.baton.advice.AdviceService;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.DecisionType;
import org.baton.authority.Delegations;
import org.baton.authority.RuleDraft;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.decisions.HolderRequests;
import org.baton.directory.Directory;
import org.baton.directory.PeopleService;
import org.baton.directory.PersonDraft;
import org.baton.directory.TeamDraft;
import org.baton.directory.TeamService;
import org.baton.identity.Accounts;
import org.baton.identity.ApiTokens;
import org.baton.identity.BatonUser;
import org.baton.initiatives.Initiatives;
import org.baton.learning.LearningReview;
import org.baton.learning.LearningReviews;
import org.baton.learning.ReportOut;
import org.baton.learning.ReportOuts;
import org.baton.learning.ReviewDraft;
import org.baton.platform.Money;
import org.baton.platform.SystemTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The permission matrix: every page and API operation of the application (read from its own request
 * mappings) x actor x resource, from {@code permission-matrix.txt}. A route without a line there
 * fails the build, so a new endpoint cannot arrive without saying who may use it.
 */
@BatonIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixIntegrationTest {

  @Autowired MockMvc mvc;

  @Autowired
  @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired Accounts accounts;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
  @Autowired ApiTokens tokens;
  @Autowired org.baton.identity.SignInLinks links;
  @Autowired Directory directory;
  @Autowired ReportOuts reportOuts;
  @Autowired PeopleService people;
  @Autowired TeamService teams;
  @Autowired AuthorityAdministration administration;
  @Autowired Delegations delegations;
  @Autowired DecisionRecord decisions;
  @Autowired HolderRequests holderRequests;
  @Autowired Initiatives initiatives;
  @Autowired org.baton.strategy.Strategy strategy;
  @Autowired org.baton.notifications.CalendarFeeds calendars;
  @Autowired org.baton.strategy.KeyFigures figures;
  @Autowired org.baton.strategy.Dialogues dialogues;
  @Autowired org.baton.roles.Roles roles;
  @Autowired org.baton.roles.Applications roleApplications;
  @Autowired AdviceService advice;
  @Autowired LearningReviews learning;
  @Autowired org.baton.polls.Polls polls;
  @Autowired java.time.Clock clock;

  private BatonUser deactivated;
  private String integrationToken;
  private String scimToken;
  private long matrixRule;
  private final Map<String, Supplier<Object>> fixtures = new HashMap<>();

  /** Each proposed change widens the rule beyond every earlier one, approved or not. */
  private final java.util.concurrent.atomic.AtomicInteger widenings =
      new java.util.concurrent.atomic.AtomicInteger();

  record Line(
      int number,
      String method,
      String path,
      String fixture,
      boolean isPublic,
      Map<String, String> expected) {
    String route() {
      return method + " " + path.replaceFirst("\\?.*", "");
    }
  }

  @BeforeAll
  void actorsAndFixtures() {
    deactivated = account("lena@example.com");
    long lena = deactivated.personId();
    SystemTask.runAsAdmin(() -> people.setActive(lena, false));
    integrationToken =
        tokens
            .create(account("admin"), "matrix integration", Set.of("authority:check-others"))
            .secret();
    scimToken = tokens.create(account("admin"), "matrix provider", Set.of("scim")).secret();
    long maria = account("maria@example.com").personId();
    matrixRule =
        SystemTask.runAsAdmin(
            () -> {
              administration.saveType(
                  new DecisionType("test.permission-matrix", "Matrix", "", true, false));
              return administration
                  .createRule(account("admin"), rule("100", maria, "Matrix rule"))
                  .current()
                  .id();
            });
    long henry = account("henry@example.com").personId();
    long priya = account("priya@example.com").personId();
    long serviceDesk = team("Service Desk");

    fixtures.put(
        "token.henry", () -> tokens.create(account("henry@example.com"), "m").token().id());
    fixtures.put("person.henry", () -> henry);
    fixtures.put(
        "link.henry",
        () -> SystemTask.runAsAdmin(() -> links.invite(account("admin"), henry).id()));
    fixtures.put(
        "person.spare",
        () ->
            SystemTask.runAsAdmin(
                () ->
                    people
                        .create(
                            new PersonDraft(
                                "spare-" + UUID.randomUUID() + "@example.com",
                                "Spare Person",
                                "",
                                serviceDesk,
                                "",
                                "",
                                List.of()))
                        .id()));
    fixtures.put("team.service-desk", () -> serviceDesk);
    fixtures.put("scim.user-type", () -> "User");
    fixtures.put("insights.measure", () -> Map.of("measure", "how-fast"));
    fixtures.put(
        "insights.page",
        () ->
            Map.of(
                "measure:how-fast|leadership-spread|bottlenecks|learning-and-alignment",
                "bottlenecks"));
    fixtures.put("scim.user-schema", () -> "urn:ietf:params:scim:schemas:core:2.0:User");
    fixtures.put(
        "group.spare",
        () ->
            "team-"
                + SystemTask.runAsAdmin(
                    () ->
                        teams
                            .create(new TeamDraft("Spare " + UUID.randomUUID(), serviceDesk, null))
                            .id()));
    fixtures.put(
        "team.spare",
        () ->
            SystemTask.runAsAdmin(
                () ->
                    teams
                        .create(new TeamDraft("Spare " + UUID.randomUUID(), serviceDesk, null))
                        .id()));
    fixtures.put("import.unknown", UUID::randomUUID);
    fixtures.put("rule.matrix", () -> matrixRule);
    fixtures.put(
        "change.maria",
        () ->
            administration
                .changeRule(
                    account("maria@example.com"),
                    matrixRule,
                    rule(String.valueOf(1000 * widenings.incrementAndGet()), maria, "More"),
                    false)
                .proposal()
                .id());
    fixtures.put(
        "delegation.maria",
        () ->
            delegations
                .delegate(
                    account("maria@example.com"),
                    henry,
                    "customer.goodwill",
                    Money.of("50", "EUR"),
                    null,
                    Instant.now().plus(Duration.ofDays(7)),
                    "Cover while I am away")
                .id());
    fixtures.put(
        "decision.henry",
        () ->
            decisions
                .record(account("henry@example.com"), draft("customer.goodwill", "10", "Matrix"))
                .id());
    long felix = account("felix@example.com").personId();
    fixtures.put(
        "decision.named",
        () ->
            decisions
                .record(
                    account("henry@example.com"),
                    draft("customer.goodwill", "400", "Matrix").withAdvice(List.of(felix), null))
                .id());
    fixtures.put(
        "decision.confidential-named",
        () ->
            decisions
                .record(
                    account("ruth@example.com"),
                    draft("finance.write-off", "3000", "Matrix").withAdvice(List.of(felix), null))
                .id());
    fixtures.put(
        "decision.confidential",
        () ->
            decisions
                .record(account("ruth@example.com"), draft("finance.write-off", "3000", "Matrix"))
                .id());
    fixtures.put(
        "request.henry",
        () ->
            holderRequests
                .ask(
                    account("henry@example.com"),
                    maria,
                    draft("customer.goodwill", "800", "Matrix"))
                .id());
    fixtures.put(
        "initiative.henry",
        () ->
            initiatives
                .start(account("henry@example.com"), "Matrix initiative", "", "", null, List.of())
                .id());
    fixtures.put("advice.henry", () -> ask(false, priya));
    long olivia = account("olivia@example.com").personId();
    fixtures.put("review.henry", () -> review("henry@example.com", List.of(), olivia, true).id());
    fixtures.put("review.draft", () -> review("henry@example.com", List.of(), olivia, false).id());
    fixtures.put(
        "review.confidential",
        () ->
            review(
                    "ruth@example.com",
                    List.of(
                        decisions
                            .record(
                                account("ruth@example.com"),
                                draft("finance.write-off", "3000", "Matrix"))
                            .id()),
                    account("ruth@example.com").personId(),
                    true)
                .id());
    fixtures.put(
        "action.olivia",
        () -> {
          LearningReview review = review("henry@example.com", List.of(), olivia, true);
          return Map.of("id", review.id(), "actionId", review.actions().get(0).id());
        });
    fixtures.put("advice.restricted", () -> ask(true, priya));
    fixtures.put("reportout.henry", () -> reportOut().id());
    fixtures.put(
        "learning.review",
        () ->
            Map.of(
                "kind", "review", "id", review("henry@example.com", List.of(), olivia, true).id()));
    fixtures.put(
        "learning.confidential",
        () ->
            Map.of(
                "kind",
                "review",
                "id",
                review(
                        "ruth@example.com",
                        List.of(
                            decisions
                                .record(
                                    account("ruth@example.com"),
                                    draft("finance.write-off", "3000", "Matrix"))
                                .id()),
                        account("ruth@example.com").personId(),
                        true)
                    .id()));
    fixtures.put("learning.reportout", () -> Map.of("kind", "report-out", "id", reportOut().id()));
    fixtures.put("webhook", this::webhook);
    fixtures.put(
        "calendar.henry",
        () -> {
          String address = calendars.newAddress(account("henry@example.com"));
          return Map.of(
              "secret", address.substring(address.lastIndexOf('/') + 1).replace(".ics", ""));
        });
    strategyFixtures();
    rolesFixtures();
    pollFixtures();
    growthFixtures();
    fixtures.put(
        "webhook.delivery",
        () -> {
          long endpoint = webhook();
          long delivery =
              jdbc.sql(
                      """
                      insert into webhook_delivery (endpoint_id, message_id, event_type, payload,
                          created_at, next_attempt_at, retry_until, delivered_at)
                      values (?, ?, 'decision.recorded', '{}', now(), now(), now(), now())
                      returning id
                      """)
                  .params(endpoint, "msg_matrix_" + UUID.randomUUID())
                  .query(Long.class)
                  .single();
          return Map.of("id", endpoint, "deliveryId", delivery);
        });
    fixtures.put(
        "round.maria",
        () ->
            reportOuts
                .startRound(
                    account("maria@example.com"),
                    directory.findTeamByName("Service Desk").orElseThrow().id(),
                    "Matrix round",
                    java.time.LocalDate.now().plusDays(3))
                .id());
  }

  /**
   * A disabled endpoint (the sender leaves it alone) on the discard port, registered straight in
   * its table: the routes, not registration, are what the matrix tries.
   */
  private long webhook() {
    return jdbc.sql(
            """
            insert into webhook_endpoint (url, events, secret, created_at, created_by, disabled_at,
                disabled_reason)
            values ('http://127.0.0.1:9/matrix', '{decision.recorded}', 'whsec_bWF0cml4', now(),
                    (select id from account where username = 'admin'), now(), 'Matrix fixture')
            returning id
            """)
        .query(Long.class)
        .single();
  }

  private ReportOut reportOut() {
    return reportOuts.post(
        account("henry@example.com"),
        new ReportOuts.Draft(
            "Matrix report-out", "We learned", List.of("matrix"), List.of(), null));
  }

  @Test
  void everyRouteHasALineAndEveryLineARoute() throws IOException {
    Set<String> routes = routes();
    Set<String> covered = new TreeSet<>();
    for (Line line : lines()) {
      covered.add(line.route());
    }
    Set<String> missing = new TreeSet<>(routes);
    missing.removeAll(covered);
    Set<String> unknown = new TreeSet<>(covered);
    unknown.removeAll(routes);
    assertThat(missing).as("routes without a line in permission-matrix.txt").isEmpty();
    assertThat(unknown).as("lines in permission-matrix.txt naming no route").isEmpty();
  }

  @Test
  void everyActorGetsWhatTheMatrixSays() throws Exception {
    List<String> wrong = new ArrayList<>();
    List<String> twice = new ArrayList<>();
    for (Line line : lines()) {
      Map<String, String> expected = new LinkedHashMap<>(line.expected());
      if (!line.isPublic()) {
        expected.putIfAbsent("anonymous", "signin");
        expected.putIfAbsent("deactivated", "signin");
      }
      for (Map.Entry<String, String> want : expected.entrySet()) {
        String path = line.path();
        if (line.fixture() != null) {
          Supplier<Object> fixture = fixtures.get(line.fixture());
          assertThat(fixture).as("fixture @" + line.fixture()).isNotNull();
          path = expand(path, fixture.get());
        }
        MockHttpServletResponse response =
            mvc.perform(request(line.method(), path, want.getKey())).andReturn().getResponse();
        String got = outcome(path, response);
        fieldsDrawnTwice(line.method() + " " + path + " as " + want.getKey(), response)
            .forEach(twice::add);
        if (!got.equals(want.getValue())) {
          wrong.add(
              "line "
                  + line.number()
                  + ": "
                  + line.method()
                  + " "
                  + path
                  + " as "
                  + want.getKey()
                  + ": expected "
                  + want.getValue()
                  + ", got "
                  + got
                  + " ("
                  + response.getStatus()
                  + ")");
        }
      }
    }
    assertThat(wrong).as("outcomes that differ from permission-matrix.txt").isEmpty();
    assertThat(twice)
        .as("form fields drawn twice on a page (one value would be sent twice)")
        .isEmpty();
  }

  /**
   * The fields of each form on a page that a person types into or chooses from once but that the
   * page draws twice under one name: the browser then sends both, and the value saved is "a,".
   * Checkboxes, radio buttons and hidden fields share names by design.
   */
  static List<String> fieldsDrawnTwice(String where, MockHttpServletResponse response)
      throws IOException {
    String type = response.getContentType();
    if (response.getStatus() != 200 || type == null || !type.startsWith("text/html")) {
      return List.of();
    }
    List<String> twice = new ArrayList<>();
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(response.getContentAsString());
    for (org.jsoup.nodes.Element form : page.select("form")) {
      Map<String, Integer> seen = new HashMap<>();
      for (org.jsoup.nodes.Element field :
          form.select("input[name], select[name], textarea[name]")) {
        String kind = field.attr("type").toLowerCase();
        if (!Set.of("checkbox", "radio", "hidden", "submit").contains(kind)) {
          // rows of a list share a name on purpose, each with an id of its own; one field drawn
          // twice repeats its id too
          seen.merge(field.attr("name") + " (id " + field.id() + ")", 1, Integer::sum);
        }
      }
      seen.forEach(
          (name, count) -> {
            if (count > 1) {
              twice.add(where + ": '" + name + "' " + count + " times in " + form.attr("action"));
            }
          });
    }
    return twice;
  }

  /**
   * The malformed-value barrage over page routes: every page a person may open gets, one at a time,
   * the query values pages read (a page key, dates, a page number, a size) in forms Baton never
   * wrote. None may answer with a 5xx; a refused one is a 400 page that names the value.
   */
  @Test
  void noMalformedQueryValueOnAPageGivesA5xx() throws Exception {
    List<String> failures = new ArrayList<>();
    List<String> unnamed = new ArrayList<>();
    Map<String, String> bad =
        new LinkedHashMap<>(
            Map.of(
                "after", "abc",
                "from", "abc",
                "to", "2026-13-45",
                "page", "-1",
                "size", "x"));
    bad.put("after ", "-1"); // a second bad page key: a number Baton never gives
    int sent = 0;
    for (Line line : lines()) {
      String actor =
          line.expected().entrySet().stream()
              .filter(e -> e.getValue().equals("ok"))
              .map(Map.Entry::getKey)
              .filter(a -> !a.equals("integration") && !a.equals("scim"))
              .findFirst()
              .orElse(null);
      if (!line.method().equals("GET")
          || line.path().startsWith("/api/")
          || line.path().startsWith("/scim/")
          || line.path().endsWith("stream")
          || actor == null) {
        continue;
      }
      String path = line.path();
      if (line.fixture() != null) {
        path = expand(path, fixtures.get(line.fixture()).get());
      }
      int without = mvc.perform(request("GET", path, actor)).andReturn().getResponse().getStatus();
      for (Map.Entry<String, String> value : bad.entrySet()) {
        String name = value.getKey().strip();
        String url =
            path
                + (path.contains("?") ? "&" : "?")
                + name
                + "="
                + java.net.URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8);
        MockHttpServletResponse response =
            mvc.perform(request("GET", url, actor)).andReturn().getResponse();
        sent++;
        if (response.getStatus() >= 500) {
          failures.add(url + " as " + actor + ": " + response.getStatus());
        } else if (response.getStatus() == 400
            && without != 400 // a page refusing what it lacks (a link's token) says so itself
            && !response.getContentAsString().contains(">" + name + "<")) {
          unnamed.add(url + " as " + actor);
        }
      }
    }
    assertThat(sent).as("page requests sent").isGreaterThan(100);
    assertThat(failures).as("page requests answered with a 5xx").isEmpty();
    assertThat(unnamed).as("400 pages that do not name the value").isEmpty();
  }

  /**
   * The malformed-value barrage, driven by the OpenAPI document: every API operation with a body
   * gets, as an actor the matrix allows, broken JSON and, for each property of its schema, values
   * of the wrong kind (NUL characters, a megabyte of text, numbers past every range, nulls inside
   * lists, objects for strings). None may answer with a 5xx; a refused one leaves every table as it
   * was (nothing half-saved) and names the wrong field rather than leaving it to the database.
   */
  @Test
  void noMalformedValueGivesA5xx() throws Exception {
    JsonNode api =
        JSON.readTree(
            mvc.perform(MockMvcRequestBuilders.get("/api/docs/openapi.json"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    Map<String, Line> allowed = new LinkedHashMap<>();
    for (Line line : lines()) {
      if (line.path().startsWith("/api/") && line.expected().containsValue("ok")) {
        allowed.putIfAbsent(line.route(), line);
      }
    }
    List<String> failures = new ArrayList<>();
    List<String> halfSaved = new ArrayList<>();
    List<String> unnamed = new ArrayList<>();
    String rowCounts = rowCountsOfEveryTable();
    int sent = 0;
    for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String method = operation.getKey().toUpperCase();
        String route = method + " " + path.getKey();
        Line line = allowed.get(route);
        JsonNode body = operation.getValue().path("requestBody");
        if (line == null || body.isMissingNode()) {
          continue;
        }
        JsonNode schema =
            resolve(api, body.path("content").path("application/json").path("schema"));
        for (String bad : badBodies(api, schema)) {
          String actor =
              line.expected().entrySet().stream()
                  .filter(e -> e.getValue().equals("ok"))
                  .findFirst()
                  .orElseThrow()
                  .getKey();
          String target = path.getKey();
          if (line.fixture() != null) {
            target = expand(target, fixtures.get(line.fixture()).get());
          }
          MockHttpServletRequestBuilder request = request(method, target, actor);
          request.contentType(MediaType.APPLICATION_JSON).content(bad);
          awaitListeners();
          String rowsBefore = jdbc.sql(rowCounts).query(String.class).single();
          MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
          int status = response.getStatus();
          sent++;
          String what = route + " as " + actor + " with " + abbreviated(bad) + ": " + status;
          if (status >= 500) {
            failures.add(what);
          }
          if (status >= 400) {
            String rowsAfter = jdbc.sql(rowCounts).query(String.class).single();
            if (!rowsAfter.equals(rowsBefore)) {
              halfSaved.add(what + " changed rows: " + rowsBefore + " -> " + rowsAfter);
            }
            if (response.getContentAsString().contains(DATABASE_REFUSED)) {
              unnamed.add(what + " (refused by the database, not by a check naming the field)");
            }
          }
        }
      }
    }
    assertThat(sent).as("malformed requests sent").isGreaterThan(100);
    assertThat(failures).as("malformed values answered with a 5xx").isEmpty();
    assertThat(halfSaved).as("refused requests that still added or removed rows").isEmpty();
    assertThat(unnamed).as("refusals that do not name the field").isEmpty();
  }

  /** What a value the database refused (no check caught it first) is answered with. */
  private static final String DATABASE_REFUSED = "A value is too long or not allowed here.";

  private void awaitListeners() {
    long pending =
        jdbc.sql("select count(*) from event_publication where completion_date is null")
            .query(Long.class)
            .single();
    if (pending > 0) {
      org.baton.Listeners.awaitAllHandled(jdbc);
    }
    // the decision record's followers (insights, growth) catch up about a second after a decision
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .pollDelay(java.time.Duration.ZERO)
        .pollInterval(java.time.Duration.ofMillis(50))
        .until(
            () ->
                jdbc.sql(
                        "select (select coalesce(max(seq), 0) from decision)"
                            + " <= (select min(last_seq) from decision_record_cursor"
                            + " where follower in ('insights', 'growth'))")
                    .query(Boolean.class)
                    .single());
  }

  /**
   * One line with the number of rows of every table but the notifications (which scheduled
   * reminders may add at any moment): equal before and after a refused request when nothing was
   * half-saved.
   */
  private String rowCountsOfEveryTable() {
    List<String> tables =
        jdbc.sql(
                // event_publication is Modulith's log of events being handled: scheduled work
                // (reminders, followers) adds and completes rows there at any moment; a refused
                // request that published an event would show in the rows that event is about
                "select table_name from information_schema.tables where table_schema = 'public'"
                    + " and table_type = 'BASE TABLE'"
                    + " and table_name not in ('notification', 'event_publication')"
                    + " order by table_name")
            .query(String.class)
            .list();
    return "select concat_ws(' ', "
        + String.join(
            ", ",
            tables.stream()
                .map(t -> "'" + t + "=' || (select count(*) from \"" + t + "\")")
                .toList())
        + ")";
  }

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private static JsonNode resolve(JsonNode api, JsonNode schema) {
    JsonNode ref = schema.path("$ref");
    if (ref.isString()) {
      String name = ref.asString().substring(ref.asString().lastIndexOf('/') + 1);
      return api.path("components").path("schemas").path(name);
    }
    return schema;
  }

  /** Broken JSON, and each property of the schema set to each wrong value in turn. */
  private static List<String> badBodies(JsonNode api, JsonNode schema) {
    List<String> wrongValues =
        List.of(
            "\"\\u0000\"",
            "\"" + "x".repeat(1_000_000) + "\"",
            "1e400",
            "-99999999999999999999999",
            "9223372036854775808",
            "[null]",
            "[[]]",
            "{\"nested\": {}}",
            "true",
            "\"2026-13-45T25:61:00Z\"");
    List<String> bodies = new ArrayList<>(List.of("{", "[]", "\"text\"", "null", "{}"));
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      for (String value : wrongValues) {
        bodies.add("{\"" + property.getKey() + "\": " + value + "}");
      }
      JsonNode items = resolve(api, property.getValue().path("items"));
      for (Map.Entry<String, JsonNode> inner : items.path("properties").properties()) {
        for (String value : wrongValues) {
          bodies.add(
              "{\"" + property.getKey() + "\": [{\"" + inner.getKey() + "\": " + value + "}]}");
        }
      }
    }
    return bodies;
  }

  private static String abbreviated(String body) {
    return body.length() > 80 ? body.substring(0, 80) + "…" : body;
  }

  private MockHttpServletRequestBuilder request(String method, String path, String actor) {
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.request(HttpMethod.valueOf(method), URI.create(path));
    boolean api = path.startsWith("/api/") || path.startsWith("/scim/");
    if (!method.equals("GET")) {
      request.with(csrf());
      if (api && path.equals("/api/v1/imports")) {
        request.contentType("text/csv").content("");
      } else if (api) {
        request.contentType(MediaType.APPLICATION_JSON).content("{}");
      }
    }
    if (path.endsWith("stream")) {
      request.accept(MediaType.TEXT_EVENT_STREAM);
    } else if (path.endsWith("/chart")) {
      request.accept(MediaType.APPLICATION_JSON); // a chart's series, read by the page's script
    } else if (!api) {
      request.accept(MediaType.TEXT_HTML);
    }
    switch (actor) {
      case "anonymous" -> {}
      case "integration" -> request.header("Authorization", "Bearer " + integrationToken);
      case "scim" -> request.header("Authorization", "Bearer " + scimToken);
      case "deactivated" -> request.with(user(deactivated));
      case "admin" -> request.with(user(account("admin")));
      default -> request.with(user(account(actor + "@example.com")));
    }
    return request;
  }

  /**
   * Strategy: sam (the demo's strategy editor) opens rounds; figures at each level are made by the
   * admin; ruth is the one person named on the PEOPLE figure.
   */
  private void strategyFixtures() {
    fixtures.put("part.values", () -> Map.of("part", "values"));
    fixtures.put("version", () -> Map.of("number", strategy.direction().version()));
    fixtures.put("priority", () -> strategy.currentPriorities().get(0).id());
    fixtures.put("round.open", this::round);
    long maria = account("maria@example.com").personId();
    fixtures.put(
        "goal.maria",
        () ->
            strategy.currentPriorities().stream()
                .filter(p -> p.ownerId() == maria)
                .findFirst()
                .orElseThrow()
                .goals()
                .get(0)
                .id());
    fixtures.put(
        "editor.greta",
        () -> {
          long greta = account("greta@example.com").personId();
          strategy.nameEditor(account("admin"), greta);
          return Map.of("personId", greta);
        });
    for (org.baton.strategy.Visibility level : org.baton.strategy.Visibility.values()) {
      fixtures.put(
          "figure." + level.name().toLowerCase(java.util.Locale.ROOT),
          () ->
              figures
                  .create(
                      account("admin"),
                      new org.baton.strategy.FigureDrafts.FigureDraft(
                          "Matrix " + level,
                          "EUR",
                          "",
                          null,
                          level,
                          level == org.baton.strategy.Visibility.PEOPLE
                              ? List.of(account("ruth@example.com").personId())
                              : List.of()))
                  .id());
    }
    fixtures.put(
        "contribution.olivia",
        () -> {
          long round = round();
          long contribution =
              dialogues
                  .contribute(
                      account("olivia@example.com"),
                      round,
                      new org.baton.strategy.DialogueDrafts.ContributionDraft(
                          org.baton.strategy.Contribution.Kind.IDEA, "Matrix idea", null))
                  .id();
          return Map.of("id", round, "cid", contribution);
        });
  }

  /**
   * Growth: a suggestion that henry's limit under the matrix rule (owned by maria, his team leader)
   * be raised, written as the follower would after forty decisions, and fresh per line (an earlier
   * one still waiting is set aside first: one waits per person and type). Maria holds no more than
   * the matrix rule gives henry, so her approval is past the permission check and refused for its
   * limit (422).
   */
  private void growthFixtures() {
    long henry = account("henry@example.com").personId();
    long maria = account("maria@example.com").personId();
    fixtures.put(
        "suggestion.henry",
        () -> {
          jdbc.sql(
                  "update growth_suggestion set status = 'DECLINED', answered_at = now()"
                      + " where person_id = ? and status in ('OPEN', 'DEFERRED')")
              .param(henry)
              .update();
          return jdbc.sql(
                  """
                  insert into growth_suggestion (person_id, decision_type, rule_id, rule_version,
                      owner_person_id, current_limit, proposed_limit, currency, record, created_at)
                  values (?, 'test.permission-matrix', ?, 1, ?, 100, 200, 'EUR',
                      '40 decisions within scope in the last 6 months, none reversed', now())
                  returning id
                  """)
              .params(henry, matrixRule, maria)
              .query(Long.class)
              .single();
        });
  }

  /** Polls: maria asks henry and priya for consent; a fresh poll each line. */
  private void pollFixtures() {
    fixtures.put(
        "notification.henry",
        () ->
            jdbc.sql(
                    "insert into notification (person_id, kind, text, link, created_at)"
                        + " values (?, 'POLLS', 'Matrix notice', '/polls', ?) returning id")
                .params(
                    account("henry@example.com").personId(),
                    java.sql.Timestamp.from(clock.instant()))
                .query(Long.class)
                .single());
    fixtures.put("poll.maria", () -> mariasPoll().id());
    fixtures.put(
        "poll.closed", () -> polls.close(account("maria@example.com"), mariasPoll().id()).id());
  }

  private org.baton.polls.Poll mariasPoll() {
    return polls.start(
        account("maria@example.com"),
        new org.baton.polls.PollDraft(
            org.baton.polls.PollKind.CONSENT,
            "Matrix proposal",
            "We try it for a month.",
            List.of(),
            List.of(),
            List.of(
                account("henry@example.com").personId(), account("priya@example.com").personId()),
            clock.instant().plus(java.time.Duration.ofDays(1)),
            false,
            false,
            false,
            false,
            0,
            null));
  }

  /**
   * Roles: priya leads the demo's change team; each fixture makes a fresh open role in it, so that
   * an application or a holding never stands in the way of the next line.
   */
  private void rolesFixtures() {
    fixtures.put("circle", () -> changeTeam().id());
    fixtures.put("role.open", () -> openRole().id());
    fixtures.put(
        "application.olivia",
        () -> {
          long role = openRole().id();
          long application =
              roleApplications
                  .apply(
                      account("olivia@example.com"),
                      role,
                      new org.baton.roles.RoleDrafts.ApplicationDraft(
                          "Matrix passion",
                          List.of(),
                          "",
                          List.of(),
                          List.of(),
                          java.math.BigDecimal.ONE,
                          null))
                  .id();
          return Map.of("id", role, "aid", application);
        });
    fixtures.put(
        "holder.olivia",
        () -> {
          long role = openRole().id();
          long olivia = account("olivia@example.com").personId();
          roles.handTo(account("priya@example.com"), role, olivia, null, "Matrix");
          return Map.of("id", role, "personId", olivia);
        });
    fixtures.put(
        "holder.proposed",
        () -> {
          // a role holding a rule Maria owns, handed to Olivia: proposed until Maria approves
          long role = openRole().id();
          long maria = account("maria@example.com").personId();
          SystemTask.runAsAdmin(
              () ->
                  administration.createRule(
                      account("admin"),
                      new RuleDraft(
                          "test.permission-matrix",
                          org.baton.authority.Holder.Kind.ROLE,
                          null,
                          null,
                          role,
                          new java.math.BigDecimal("50"),
                          "EUR",
                          null,
                          List.of(),
                          List.of(),
                          null,
                          null,
                          maria,
                          "Matrix role rule")));
          long olivia = account("olivia@example.com").personId();
          roles.handTo(account("priya@example.com"), role, olivia, null, "Matrix");
          return Map.of("id", role, "personId", olivia);
        });
  }

  private org.baton.roles.Circle changeTeam() {
    return roles.circles().stream()
        .filter(c -> c.name().equals("Sustainability change team"))
        .findFirst()
        .orElseThrow();
  }

  private org.baton.roles.Role openRole() {
    return roles.createRole(
        account("priya@example.com"),
        new org.baton.roles.RoleDrafts.RoleDraft(
            changeTeam().id(),
            "Matrix role " + UUID.randomUUID(),
            "",
            "",
            List.of(),
            List.of(),
            java.math.BigDecimal.ONE,
            2,
            null,
            true,
            "",
            ""));
  }

  private Long openRound;

  /**
   * A round open for contributions: the same one until a line publishes it, since opening one tells
   * every person (and the malformed-values test asks for a fixture per body it sends).
   */
  private long round() {
    if (openRound == null || !dialogues.round(account("sam@example.com"), openRound).open()) {
      openRound =
          dialogues
              .open(
                  account("sam@example.com"),
                  new org.baton.strategy.DialogueDrafts.RoundDraft(
                      "Matrix round",
                      "",
                      java.time.LocalDate.now().plusDays(7),
                      java.time.LocalDate.now().plusDays(14),
                      List.of(),
                      List.of("Matrix theme")))
              .id();
    }
    return openRound;
  }

  /**
   * A route with the fixture's values: {@code {id}} for one value, or each named variable for a
   * fixture that gives several (a review and one of its actions).
   */
  private static String expand(String path, Object fixture) {
    if (fixture instanceof Map<?, ?> variables) {
      for (Map.Entry<?, ?> variable : variables.entrySet()) {
        path = path.replace("{" + variable.getKey() + "}", String.valueOf(variable.getValue()));
      }
      return path;
    }
    return path.replace("{id}", String.valueOf(fixture));
  }

  private static String contentOf(MockHttpServletResponse response) {
    try {
      return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String outcome(String path, MockHttpServletResponse response) {
    int status = response.getStatus();
    String location = response.getRedirectedUrl();
    if (status >= 500) {
      return "error";
    }
    if (status == 401 || (status / 100 == 3 && location != null && location.contains("/login"))) {
      return "signin";
    }
    if (status == 403) {
      return "denied";
    }
    if (status == 404) {
      return "hidden";
    }
    // a page shows the refusal on the form it gives back (200 or 422, or 422 for a page it cannot
    // show); the API answers 422
    if ((status == 422 || status == 400 || status == 200)
        && contentOf(response).contains("Sign in as yourself")) {
      return "person";
    }
    return "ok";
  }

  /** The application's own routes: every method and pattern of a Baton handler. */
  private Set<String> routes() {
    Set<String> routes = new TreeSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (RequestMappingInfo info, org.springframework.web.method.HandlerMethod handler) -> {
              if (!handler.getBeanType().getPackageName().startsWith("org.baton")) {
                return;
              }
              Set<String> methods = new TreeSet<>();
              info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
              if (methods.isEmpty()) {
                methods.add("GET");
              }
              for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                  routes.add(method + " " + pattern);
                }
              }
            });
    return routes;
  }

  private static List<Line> lines() throws IOException {
    List<Line> lines = new ArrayList<>();
    String text =
        new ClassPathResource("permission-matrix.txt").getContentAsString(StandardCharsets.UTF_8);
    int number = 0;
    for (String raw : text.split("\n")) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      String fixture = parts[2].startsWith("@") ? parts[2].substring(1) : null;
      // "public" stands where a fixture would, or after one (a public route naming something)
      boolean isPublic =
          parts[2].equals("public") || (fixture != null && parts[3].equals("public"));
      Map<String, String> expected = new LinkedHashMap<>();
      for (int i = fixture != null && isPublic ? 4 : 3; i < parts.length; i++) {
        String[] pair = parts[i].split("=");
        expected.put(pair[0], pair[1]);
      }
      lines.add(new Line(number, parts[0], parts[1], fixture, isPublic, expected));
    }
    return lines;
  }

  private long ask(boolean restricted, long panelist) {
    return advice
        .ask(
            account("henry@example.com"),
            new AdviceService.Ask(
                null,
                "Matrix question",
                "",
                Instant.now().plus(Duration.ofDays(2)),
                List.of(),
                List.of(panelist),
                restricted,
                null,
                null))
        .id();
  }

  private LearningReview review(
      String author, List<Long> decisionIds, long actionOwner, boolean published) {
    LearningReview review =
        learning.create(
            account(author),
            new ReviewDraft(
                "Matrix review",
                "It happened",
                "",
                "We learned",
                "",
                List.of(),
                decisionIds,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(
                    new ReviewDraft.ActionDraft(
                        String.valueOf(actionOwner),
                        "Follow up",
                        java.time.LocalDate.now().plusDays(7)))));
    return published ? learning.publish(account(author), review.id()) : review;
  }

  private static DecisionDraft draft(String type, String amount, String title) {
    return new DecisionDraft(
        type,
        title,
        "Matrix reason",
        Money.of(amount, "EUR"),
        Map.of(),
        List.of(),
        null,
        null,
        null);
  }

  private RuleDraft rule(String limit, long owner, String reason) {
    return Demo.teamRule("test.permission-matrix", team("Service Desk"), limit, owner, reason);
  }

  private long team(String name) {
    return Demo.teamId(directory, name);
  }

  private BatonUser account(String username) {
    return (BatonUser) accounts.loadUserByUsername(username);
  }
}
