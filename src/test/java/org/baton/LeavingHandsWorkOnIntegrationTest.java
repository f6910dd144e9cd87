package org.baton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baton.advice.AdviceRequest;
import org.baton.advice.AdviceService;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.DecisionType;
import org.baton.authority.Delegations;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.HolderRequest;
import org.baton.decisions.HolderRequests;
import org.baton.directory.PeopleService;
import org.baton.directory.Person;
import org.baton.directory.PersonDraft;
import org.baton.directory.Team;
import org.baton.directory.TeamDraft;
import org.baton.directory.TeamService;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.initiatives.Initiative;
import org.baton.initiatives.Initiatives;
import org.baton.notifications.NotificationCentre;
import org.baton.platform.Money;
import org.baton.platform.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Leaving hands work on: when Len is deactivated, the request waiting for his answer goes to his
 * team leader (who holds the authority), the initiative he led is offered to its supporter and his
 * leader (who picks it up with one tap), his delegation ends, his place on an advice panel goes
 * back to the asker with a replacement she asks with one tap, and each of those people is told.
 */
@BatonIntegrationTest
class LeavingHandsWorkOnIntegrationTest {

  @Autowired PeopleService people;
  @Autowired TeamService teams;
  @Autowired Accounts accounts;
  @Autowired AuthorityAdministration administration;
  @Autowired HolderRequests requests;
  @Autowired Initiatives initiatives;
  @Autowired Delegations delegations;
  @Autowired AdviceService advice;
  @Autowired NotificationCentre notifications;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  private final String tag = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void whenSomeoneLeavesTheirWorkIsHandedOnAndEveryoneConcernedIsTold() throws Exception {
    Team team =
        SystemTask.runAsAdmin(() -> teams.create(new TeamDraft("Leavers " + tag, null, null)));
    Person lee = person("lee", "Lee Leader", team.id(), List.of());
    SystemTask.runAsAdmin(
        () -> teams.update(team.id(), new TeamDraft(team.name(), null, lee.id())));
    Person len = person("len", "Len Leaving", team.id(), List.of("finance"));
    Person rae = person("rae", "Rae Requester", null, List.of());
    Person sue = person("sue", "Sue Supporter", null, List.of());
    SystemTask.runAsAdmin(
        () -> {
          accounts.grantSignIn(List.of(lee.id(), len.id(), rae.id(), sue.id()), "leaving-test-pw");
          return null;
        });
    String type = "test.leaving-" + tag;
    SystemTask.runAsAdmin(
        () -> {
          administration.saveType(new DecisionType(type, "Leaving test", "", true, false));
          administration.createRule(
              account("admin"), Demo.personRule(type, len.id(), "1000", "Leaving test"));
          administration.createRule(
              account("admin"), Demo.personRule(type, lee.id(), "5000", "Leaving test"));
          return null;
        });

    HolderRequest request = requests.ask(account(rae), len.id(), draft(type, "500"));
    Initiative initiative =
        initiatives.start(account(len), "Fix the leaking valve " + tag, "", "", null, List.of());
    initiatives.join(account(sue), initiative.id());
    long delegation =
        delegations
            .delegate(
                account(len),
                sue.id(),
                type,
                Money.of("100", "EUR"),
                null,
                Instant.now().plus(Duration.ofDays(7)),
                "Cover")
            .id();
    AdviceRequest asked =
        advice.ask(
            account(rae),
            new AdviceService.Ask(
                null,
                "Should we replace the valve supplier?",
                "",
                Instant.now().plus(Duration.ofDays(3)),
                List.of("finance"),
                List.of(len.id()),
                false,
                null,
                null));
    Listeners.awaitAllHandled(jdbc);
    int toldLenBefore = texts(len).size();

    SystemTask.runAsAdmin(() -> people.setActive(len.id(), false));
    Listeners.awaitAllHandled(jdbc);

    assertThat(requests.find(account(rae), request.id()).holderPersonId())
        .as("the request waits for Len's leader, who holds the authority")
        .isEqualTo(lee.id());
    assertThat(delegations.involving(sue.id()))
        .filteredOn(d -> d.id() == delegation)
        .singleElement()
        .satisfies(d -> assertThat(d.revoked()).isTrue());

    // the departed leader's own leader, whom the notification invites, sees "Pick up the lead"
    mvc.perform(get("/initiatives/" + initiative.id()).with(user(account(lee))))
        .andExpect(status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("Pick up the lead")));
    initiatives.pickUp(account(lee), initiative.id(), "Taking it on");
    assertThat(initiatives.find(initiative.id()).leaderId()).isEqualTo(lee.id());

    AdviceService.View view = advice.view(account(rae), asked.id());
    assertThat(view.vacancies()).hasSize(1);
    AdviceService.Vacancy vacancy = view.vacancies().get(0);
    assertThat(vacancy.leftPersonId()).isEqualTo(len.id());
    assertThat(vacancy.proposedPersonId()).as("someone else with finance").isNotNull();
    // The asker's page offers the replacement; one tap asks them.
    String page =
        mvc.perform(get("/advice/" + asked.id()).with(user(account(rae))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Len Leaving</span> has left Baton before advising")
        .contains("Ask " + vacancy.proposedName() + " instead");
    mvc.perform(
            post("/advice/" + asked.id() + "/vacancies/fill")
                .param("person", String.valueOf(len.id()))
                .with(csrf())
                .with(user(account(rae))))
        .andExpect(status().is3xxRedirection());
    assertThat(advice.view(account(rae), asked.id()).request().panel())
        .extracting(AdviceRequest.PanelMember::personId)
        .contains(vacancy.proposedPersonId());
    Listeners.awaitAllHandled(jdbc);

    assertThat(texts(rae))
        .anyMatch(t -> t.contains("Len Leaving has left: your request to decide now waits for Lee"))
        .anyMatch(t -> t.contains("Len Leaving has left before advising"));
    assertThat(texts(lee))
        .anyMatch(t -> t.contains("request to decide now waits for your answer"))
        .anyMatch(t -> t.contains("the lead is open for you to pick up"));
    assertThat(texts(sue))
        .anyMatch(t -> t.contains("the lead is open for you to pick up"))
        .anyMatch(t -> t.contains("the delegation between you has ended"));
    assertThat(texts(vacancy.proposedPersonId()))
        .anyMatch(t -> t.contains(" asks ") && !t.contains("has left"));
    assertThat(texts(len)).as("nothing more for someone who has left").hasSize(toldLenBefore);
  }

  @Test
  void aRequestNobodyAboveCanAnswerIsDeclinedWithTheReason() {
    Person solo = person("solo", "Solo Holder", null, List.of());
    Person ray = person("ray", "Ray Requester", null, List.of());
    SystemTask.runAsAdmin(
        () -> {
          accounts.grantSignIn(List.of(solo.id(), ray.id()), "leaving-test-pw");
          return null;
        });
    String type = "test.leaving-solo-" + tag;
    SystemTask.runAsAdmin(
        () -> {
          administration.saveType(new DecisionType(type, "Leaving solo", "", true, false));
          administration.createRule(
              account("admin"), Demo.personRule(type, solo.id(), "1000", "Leaving test"));
          return null;
        });
    HolderRequest request = requests.ask(account(ray), solo.id(), draft(type, "200"));

    SystemTask.runAsAdmin(() -> people.setActive(solo.id(), false));
    Listeners.awaitAllHandled(jdbc);

    HolderRequest after = requests.find(account(ray), request.id());
    assertThat(after.status()).isEqualTo("DECLINED");
    assertThat(after.answer()).contains("nobody above them holds this authority");
    assertThat(texts(ray)).anyMatch(t -> t.contains("Solo Holder has left, and nobody above"));
  }

  private List<String> texts(Person person) {
    return texts(person.id());
  }

  private List<String> texts(long personId) {
    return notifications.recent(personId).stream()
        .map(NotificationCentre.Notification::text)
        .toList();
  }

  private Person person(String name, String fullName, Long teamId, List<String> perspectives) {
    return SystemTask.runAsAdmin(
        () ->
            people.create(
                new PersonDraft(
                    name + "-" + tag + "@example.com",
                    fullName,
                    "",
                    teamId,
                    "",
                    "",
                    perspectives)));
  }

  private BatonUser account(Person person) {
    return account(person.email());
  }

  private BatonUser account(String username) {
    return (BatonUser) accounts.loadUserByUsername(username);
  }

  private static DecisionDraft draft(String type, String amount) {
    return new DecisionDraft(
        type,
        "Replace the valve",
        "It leaks",
        Money.of(amount, "EUR"),
        Map.of(),
        List.of(),
        null,
        null,
        null);
  }
}
