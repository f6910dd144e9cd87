package org.baton.initiatives;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.baton.BatonIntegrationTest;
import org.baton.directory.Directory;
import org.baton.identity.Accounts;
import org.baton.identity.ApiTokens;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@BatonIntegrationTest
class InitiativesIntegrationTest {

  @Autowired Initiatives initiatives;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired Directory directory;
  @Autowired MockMvc mvc;

  @Test
  void theBatonPassesAndThePreviousLeaderBecomesASupporter() {
    BatonUser olivia = account("olivia@example.com");
    BatonUser priya = account("priya@example.com");
    Initiative burr =
        initiatives.start(
            olivia,
            "Burr on parts after the tool change",
            "Seen on line 3",
            "Plant 1",
            null,
            List.of(team("Shift A")));
    assertThat(burr.leaderId()).isEqualTo(olivia.personId());

    initiatives.join(account("felix@example.com"), burr.id());
    assertThatThrownBy(() -> initiatives.join(account("felix@example.com"), burr.id()))
        .hasMessageContaining("already");
    assertThatThrownBy(
            () -> initiatives.handOver(priya, burr.id(), "priya@example.com", "mine now"))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

    Initiative passed =
        initiatives.handOver(
            olivia, burr.id(), String.valueOf(priya.personId()), "You know the tooling best");
    assertThat(passed.leaderId()).isEqualTo(priya.personId());
    assertThat(passed.supporterIds()).contains(olivia.personId()).doesNotContain(priya.personId());
    Initiatives.View view = initiatives.view(priya, burr.id());
    assertThat(view.may().lead()).isTrue();
    assertThat(initiatives.view(olivia, burr.id()).may().askForAdvice()).isTrue();
    assertThat(initiatives.view(olivia, burr.id()).may().lead()).isFalse();
    assertThat(view.timeline())
        .extracting(TimelineEntry::kind)
        .containsExactly("STARTED", "JOINED", "HANDOVER");
    assertThat(view.timeline().get(2).newLeaderName()).isEqualTo("Priya Sharma");

    assertThatThrownBy(() -> initiatives.changeStatus(priya, burr.id(), InitiativeStatus.DONE, ""))
        .isInstanceOf(InvalidInputException.class);
    initiatives.changeStatus(
        priya, burr.id(), InitiativeStatus.DONE, "Tool holder replaced; no burr since");
    assertThat(initiatives.find(burr.id()).outcome())
        .isEqualTo("Tool holder replaced; no burr since");
  }

  @Test
  void aTeamLeaderFacilitatesButCannotTakeTheLeadFromAnActiveLeader() {
    BatonUser olivia = account("olivia@example.com");
    BatonUser ines = account("ines@example.com"); // leads Shift A
    Initiative i =
        initiatives.start(olivia, "Coolant smell", "", "", null, List.of(team("Shift A")));
    initiatives.comment(ines, i.id(), "I can free an hour on Thursday", true);
    // only the leader of a team it affects offers help
    assertThatThrownBy(
            () -> initiatives.comment(account("felix@example.com"), i.id(), "Me too", true))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    assertThat(initiatives.view(ines, i.id()).may().offerHelp()).isTrue();
    assertThat(initiatives.view(ines, i.id()).timeline())
        .extracting(TimelineEntry::kind)
        .contains("OFFER_OF_HELP");
    assertThatThrownBy(() -> initiatives.pickUp(ines, i.id(), "taking over"))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class)
        .hasMessageContaining("ask them to hand the lead over");
  }

  @Test
  void listsShowMineMyTeamsAndByStatus() {
    BatonUser olivia = account("olivia@example.com");
    Initiative i = initiatives.start(olivia, "Pallet jams", "", "", null, List.of(team("Shift A")));
    assertThat(initiatives.list(olivia, "mine", null, null, null, 100).items())
        .extracting(Initiative::id)
        .contains(i.id());
    assertThat(initiatives.list(account("ben@example.com"), "team", null, null, null, 100).items())
        .extracting(Initiative::id)
        .contains(i.id());
    assertThat(
            initiatives.list(account("henry@example.com"), "team", null, null, null, 100).items())
        .extracting(Initiative::id)
        .doesNotContain(i.id());
    assertThat(initiatives.list(olivia, "all", InitiativeStatus.DONE, null, null, 100).items())
        .extracting(Initiative::id)
        .doesNotContain(i.id());
    assertThat(initiatives.list(olivia, "all", null, 1, null, 100).items())
        .extracting(Initiative::id)
        .doesNotContain(i.id());
  }

  @Test
  void theApiAndThePagesWork() throws Exception {
    String token = "Bearer " + tokens.create(account("olivia@example.com"), "initiatives").secret();
    String created =
        mvc.perform(
                post("/api/v1/initiatives")
                    .header("Authorization", token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"title\": \"Loose guard rail\", \"teamIds\": ["
                            + team("Shift A")
                            + "]}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("OPEN"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = ((Number) com.jayway.jsonpath.JsonPath.read(created, "$.id")).longValue();
    mvc.perform(
            post("/api/v1/initiatives")
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("title"));
    initiatives.join(account("ben@example.com"), id);
    var olivia = user(account("olivia@example.com"));
    for (String page :
        new String[] {
          "/initiatives",
          "/initiatives?scope=all&status=OPEN&stalled=3",
          "/initiatives?status=NONSENSE&stalled=x",
          "/initiatives/board",
          "/initiatives/new",
          "/initiatives/" + id
        }) {
      mvc.perform(get(page).with(olivia))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("<main id=\"main\"")));
    }
    mvc.perform(get("/initiatives/" + id).with(olivia))
        .andExpect(content().string(containsString("Loose guard rail")));
  }

  private long team(String name) {
    return org.baton.Demo.teamId(directory, name);
  }

  private BatonUser account(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }
}
