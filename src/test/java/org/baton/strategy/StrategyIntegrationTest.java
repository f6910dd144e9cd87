package org.baton.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The direction in versions, key figures by confidentiality level and their values: every bad field
 * named with nothing saved, and a figure nobody may learn of who may not see it.
 */
@BatonIntegrationTest
class StrategyIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Strategy strategy;
  @Autowired KeyFigures figures;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired org.baton.initiatives.Initiatives initiatives;

  private final String word = "zq" + UUID.randomUUID().toString().substring(0, 8);

  @Test
  void theDemoHasADirectionEveryoneReadsAndEarlierVersionsStayReadable() throws Exception {
    Direction now = strategy.direction();
    assertThat(now.vision()).isNotBlank();
    assertThat(now.values()).hasSize(4);
    assertThat(now.priorities()).hasSize(3);
    assertThat(now.priorities().get(0).goals().get(0).latest()).isNotNull();
    assertThat(now.priorities().get(0).ownerName()).isEqualTo("Tom Becker");

    mvc.perform(get("/api/v1/strategy").with(user(account("henry@example.com"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.priorities[0].title").value(now.priorities().get(0).title()))
        .andExpect(jsonPath("$.priorities[0].goals[0].latest.value").exists());
    mvc.perform(get("/strategy").with(user(account("olivia@example.com"))))
        .andExpect(status().isOk());
    mvc.perform(get("/strategy/versions/1").with(user(account("olivia@example.com"))))
        .andExpect(status().isOk());
    // the first version had the vision only
    assertThat(strategy.version(1).priorities()).isEmpty();
    assertThat(strategy.version(1).vision()).isEqualTo(now.vision());
  }

  @Test
  void aChangeIsANewVersionWithItsReasonAndKeepsTheIdsOfWhatItKeeps() {
    BatonUser sam = account("sam@example.com");
    Direction before = strategy.direction();
    Direction.Priority first = before.priorities().get(0);
    DirectionDrafts.PrioritiesDraft draft = draftOf(before, "Reordered " + word);
    Direction after = strategy.changePriorities(sam, draft);

    assertThat(after.version()).isEqualTo(before.version() + 1);
    assertThat(after.reason()).isEqualTo("Reordered " + word);
    assertThat(after.changedByName()).isEqualTo("Sam Carter");
    assertThat(after.priority(first.id())).isPresent();
    assertThat(after.priority(first.id()).get().goals().get(0).id())
        .isEqualTo(first.goals().get(0).id());
    assertThat(strategy.versions().get(0).reason()).isEqualTo("Reordered " + word);
    assertThat(strategy.version(before.version()).priorities()).isEqualTo(before.priorities());
  }

  @Test
  void aGoalThatMovesNothingIsRefusedByFieldAndNothingIsSaved() throws Exception {
    int version = strategy.direction().version();
    mvc.perform(
            put("/api/v1/strategy/priorities")
                .with(user(account("sam@example.com")))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"reason": "test", "priorities": [{"title": "Flat", "why": "none",
                      "ownerId": %d, "startsOn": "2026-01-01", "endsOn": "2026-12-31",
                      "goals": [{"title": "Still", "unit": "%%", "start": 5, "target": 5,
                                 "dueOn": "2026-12-31"}]}]}
                    """
                        .formatted(account("maria@example.com").personId())))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("priorities[0].goals[0].target"));
    assertThat(strategy.direction().version()).isEqualTo(version);

    assertThatThrownBy(
            () ->
                strategy.changeVision(
                    account("maria@example.com"),
                    new DirectionDrafts.VisionDraft("Elsewhere", "", "I lead a team")))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(strategy.direction().version()).isEqualTo(version);
  }

  @Test
  void theEditFormsOpenWithTheDirectionAsItIsAndKeepWhatWasTypedAfterARefusal() throws Exception {
    BatonUser sam = account("sam@example.com");
    Direction now = strategy.direction();
    String vision =
        mvc.perform(get("/strategy/edit/vision").with(user(sam)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(org.jsoup.Jsoup.parse(vision).getElementById("vision").text())
        .isEqualTo(now.vision());
    String values =
        mvc.perform(get("/strategy/edit/values").with(user(sam)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(org.jsoup.Jsoup.parse(values).getElementById("values[0].name").val())
        .isEqualTo(now.values().get(0).name());

    String refused =
        mvc.perform(
                post("/strategy/edit/vision")
                    .with(user(sam))
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .param("vision", "A sharper vision " + word)
                    .param("mission", "Our mission")
                    .param("reason", ""))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(org.jsoup.Jsoup.parse(refused).getElementById("vision").text())
        .isEqualTo("A sharper vision " + word);
  }

  @Test
  void onlyThePriorityOwnerAndEditorsRecordAGoalsProgress() {
    Direction.Priority customers =
        strategy.currentPriorities().stream()
            .filter(p -> p.ownerId() == account("maria@example.com").personId())
            .findFirst()
            .orElseThrow();
    long goal = customers.goals().get(0).id();
    strategy.recordProgress(account("maria@example.com"), goal, new BigDecimal("7.6"), word);
    assertThat(strategy.progress(goal).get(0).comment()).isEqualTo(word);
    assertThat(strategy.progress(goal).get(0).byName()).isEqualTo("Maria Lopez");
    assertThatThrownBy(
            () -> strategy.recordProgress(account("henry@example.com"), goal, BigDecimal.ONE, ""))
        .isInstanceOf(AccessDeniedException.class);
  }

  /** A member, a team leader and an admin each see exactly what their level allows, everywhere. */
  @Test
  void eachSeesExactlyTheFiguresTheirLevelAllowsInEveryPlace() throws Exception {
    BatonUser admin = account("admin");
    long ruth = account("ruth@example.com").personId();
    KeyFigure everyone = figure(admin, Visibility.EVERYONE, List.of());
    KeyFigure leaders = figure(admin, Visibility.LEADERS, List.of());
    KeyFigure named = figure(admin, Visibility.PEOPLE, List.of(ruth));
    KeyFigure admins = figure(admin, Visibility.ADMINS, List.of());
    List<KeyFigure> all = List.of(everyone, leaders, named, admins);

    assertSees("henry@example.com", all, everyone);
    assertSees("maria@example.com", all, everyone, leaders);
    assertSees("ruth@example.com", all, everyone, leaders, named);
    assertSees("admin", all, everyone, leaders, named, admins);

    // the API list, the figure, its chart and its export: a member never learns the others exist
    String list =
        mvc.perform(get("/api/v1/figures").with(user(account("henry@example.com"))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains(everyone.name()).doesNotContain(leaders.name(), admins.name());
    for (String path : List.of("/api/v1/figures/%d", "/api/v1/figures/%d/chart")) {
      mvc.perform(get(path.formatted(leaders.id())).with(user(account("henry@example.com"))))
          .andExpect(status().isNotFound());
    }
    mvc.perform(
            get("/figures/%d/export".formatted(named.id()))
                .with(user(account("maria@example.com"))))
        .andExpect(status().isNotFound());
    String page =
        mvc.perform(get("/figures").with(user(account("maria@example.com"))))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains(leaders.name()).doesNotContain(named.name(), admins.name());
  }

  @Test
  void aLevelIsChangedOnlyByAnEditorWhoSeesTheFigureAndStillWouldAfterwards() {
    BatonUser sam = account("sam@example.com");
    KeyFigure admins = figure(account("admin"), Visibility.ADMINS, List.of());
    FigureDrafts.FigureDraft lowered =
        new FigureDrafts.FigureDraft(
            admins.name(), "EUR", "", null, Visibility.EVERYONE, List.of());
    assertThatThrownBy(() -> figures.change(sam, admins.id(), lowered))
        .isInstanceOf(NotFoundException.class);
    assertThat(figures.find(account("admin"), admins.id()).visibility())
        .isEqualTo(Visibility.ADMINS);

    KeyFigure own = figure(sam, Visibility.LEADERS, List.of());
    assertThatThrownBy(
            () ->
                figures.change(
                    sam,
                    own.id(),
                    new FigureDrafts.FigureDraft(
                        own.name(), "EUR", "", null, Visibility.ADMINS, List.of())))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).byField()).containsKey("visibility"));
  }

  @Test
  void aValueInAnotherUnitOrACsvWithABadRowStoresNothing() throws Exception {
    BatonUser sam = account("sam@example.com");
    KeyFigure figure = figure(sam, Visibility.EVERYONE, List.of());
    mvc.perform(
            post("/api/v1/figures/%d/values".formatted(figure.id()))
                .with(user(sam))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"on\": \"2026-01-31\", \"value\": 12.5, \"unit\": \"%\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("unit"));

    String csv =
        """
        on,value,comment
        2026-01-01,100,January
        2026-02-01,12 %,wrong unit
        2026-03-01,abc,
        2026-02-30,5,
        """;
    assertThatThrownBy(
            () -> figures.importCsv(sam, figure.id(), csv.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).byField())
                    .containsOnlyKeys("line 3", "line 4", "line 5")
                    .containsEntry("line 3", "This figure is in EUR; 12 % is in %."));
    assertThat(figures.values(sam, figure.id())).isEmpty();

    int stored =
        figures.importCsv(
            sam,
            figure.id(),
            "on,value,comment\n2026-01-01,\"1,200.5 EUR\",January\n2026-02-01,1300,\n"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(stored).isEqualTo(2);
    KeyFigure read = figures.find(account("henry@example.com"), figure.id());
    assertThat(read.latest().value()).isEqualByComparingTo("1300");
    assertThat(read.trend()).isEqualTo("up");
    assertThat(figures.exportCsv(sam, figure.id()))
        .isEqualTo("on,value,comment\n2026-01-01,1200.5,\"January\"\n2026-02-01,1300,\n");
  }

  @Test
  void theEditFormsShowTheDirectionAndMarkTheFieldAtFault() throws Exception {
    BatonUser sam = account("sam@example.com");
    for (String part : List.of("vision", "values", "trade-offs", "priorities")) {
      mvc.perform(get("/strategy/edit/" + part).with(user(sam))).andExpect(status().isOk());
    }
    Direction d = strategy.direction();
    String page =
        mvc.perform(
                post("/strategy/edit/priorities")
                    .with(user(sam))
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .param("priorities[0].id", Long.toString(d.priorities().get(0).id()))
                    .param("priorities[0].title", "Kept")
                    .param("priorities[0].why", "Still")
                    .param("priorities[0].owner", "tom@example.com")
                    .param("priorities[0].startsOn", "2026-01-01")
                    .param("priorities[0].endsOn", "2026-12-31")
                    .param("priorities[1].title", "")
                    .param("priorities[2].title", "New")
                    .param("priorities[2].why", "Because")
                    .param("priorities[2].owner", "nobody@example.com")
                    .param("priorities[2].startsOn", "2026-01-01")
                    .param("priorities[2].endsOn", "2026-12-31")
                    .param("priorities[2].goals[0].title", "Up")
                    .param("priorities[2].goals[0].unit", "%")
                    .param("priorities[2].goals[0].start", "3")
                    .param("priorities[2].goals[0].target", "3")
                    .param("priorities[2].goals[0].dueOn", "2026-12-31")
                    .param("reason", "test"))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    // the messages stand under the form's third priority, not the draft's second
    assertThat(page)
        .contains("id=\"priorities[2].owner-error\"")
        .contains("There is nobody with this e-mail address.");
    assertThat(strategy.direction().version()).isEqualTo(d.version());
    for (String path :
        List.of(
            "/strategy/priorities/" + d.priorities().get(0).id(),
            "/figures",
            "/figures/new",
            "/dialogues",
            "/dialogues/new",
            "/strategy/versions")) {
      mvc.perform(get(path).with(user(sam))).andExpect(status().isOk());
    }
  }

  @Test
  void anInitiativeNamesTheCurrentPriorityItServesAndThePriorityShowsIt() throws Exception {
    Direction.Priority customers = strategy.prioritiesFor("customer.goodwill").get(0);
    BatonUser olivia = account("olivia@example.com");
    long initiative =
        initiatives
            .start(olivia, "Tracking links " + word, "", "", null, List.of(), customers.id())
            .id();
    String page =
        mvc.perform(get("/strategy/priorities/" + customers.id()).with(user(olivia)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Tracking links " + word).contains("/initiatives/" + initiative);
    assertThat(page).containsPattern("\\d+ in all, [1-9]\\d* led from the front line");
    mvc.perform(get("/initiatives/" + initiative).with(user(account("henry@example.com"))))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString(customers.title())));
    // the check's answer shows what matters now for the kind of decision, with the answer
    mvc.perform(
            get("/authority/check?type=customer.goodwill&amount=40")
                .with(user(account("henry@example.com"))))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString(customers.title())));
    assertThatThrownBy(
            () -> initiatives.start(olivia, "Nowhere " + word, "", "", null, List.of(), 999_999L))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).byField()).containsKey("priorityId"));
  }

  private void assertSees(String who, List<KeyFigure> made, KeyFigure... visible) {
    BatonUser actor = account(who);
    List<Long> ids = figures.list(actor).stream().map(KeyFigure::id).toList();
    List<Long> expected = List.of(visible).stream().map(KeyFigure::id).toList();
    for (KeyFigure figure : made) {
      boolean sees = expected.contains(figure.id());
      assertThat(ids.contains(figure.id())).as(who + " lists " + figure.name()).isEqualTo(sees);
      if (sees) {
        assertThat(figures.chart(actor, figure.id()).name()).isEqualTo(figure.name());
      } else {
        assertThatThrownBy(() -> figures.find(actor, figure.id()))
            .as(who + " finds " + figure.name())
            .isInstanceOf(NotFoundException.class);
      }
    }
  }

  private KeyFigure figure(BatonUser editor, Visibility level, List<Long> people) {
    return figures.create(
        editor,
        new FigureDrafts.FigureDraft(
            level + " figure " + word + UUID.randomUUID().toString().substring(0, 4),
            "EUR",
            "",
            new BigDecimal("100"),
            level,
            people));
  }

  private static DirectionDrafts.PrioritiesDraft draftOf(Direction d, String reason) {
    List<Direction.Priority> reversed = new java.util.ArrayList<>(d.priorities());
    java.util.Collections.reverse(reversed);
    List<DirectionDrafts.PriorityDraft> priorities =
        reversed.stream()
            .map(
                p ->
                    new DirectionDrafts.PriorityDraft(
                        p.id(),
                        p.title(),
                        p.why(),
                        p.ownerId(),
                        p.startsOn(),
                        p.endsOn(),
                        p.decisionTypes(),
                        p.goals().stream()
                            .map(
                                g ->
                                    new DirectionDrafts.GoalDraft(
                                        g.id(),
                                        g.title(),
                                        g.unit(),
                                        g.start(),
                                        g.target(),
                                        g.dueOn()))
                            .toList()))
            .toList();
    return new DirectionDrafts.PrioritiesDraft(priorities, reason);
  }

  private BatonUser account(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }
}
