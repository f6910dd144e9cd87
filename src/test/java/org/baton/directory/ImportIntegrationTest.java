package org.baton.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.baton.BatonIntegrationTest;
import org.baton.identity.Accounts;
import org.baton.identity.ApiTokens;
import org.baton.identity.BatonUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@BatonIntegrationTest
class ImportIntegrationTest {

  private static final String ADMIN = "Bearer " + BatonIntegrationTest.ADMIN_TOKEN;
  private static final String HEADER =
      "email,name,title,team,parent_team,team_leader,perspectives,location,phone\n";

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;

  @Test
  void aFileWithOneBadRowImportsNothingAndNamesTheLineAndColumn() throws Exception {
    long people = directory.countActivePeople();
    int teams = directory.teams().size();
    String csv =
        HEADER
            + "imp1@example.com,Ida Import,Clerk,Import Desk,Leadership,yes,Customer service,,\n"
            + "imp2@example.com,Ivo Import,Clerk,Import Desk,,,,,\n"
            + "imp3-at-example.com,Iris Import,Clerk,Import Desk,,,,,\n";
    mvc.perform(
            post("/api/v1/imports")
                .header("Authorization", ADMIN)
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].line").value(4))
        .andExpect(jsonPath("$.errors[0].column").value("email"));
    assertThat(directory.countActivePeople()).isEqualTo(people);
    assertThat(directory.teams()).hasSize(teams);
    assertThat(directory.findPersonByEmail("imp1@example.com")).isEmpty();
  }

  @Test
  void aValidFileAddsPeopleAndTeamsAndAReimportUpdatesThem() throws Exception {
    String csv =
        HEADER
            + "ola@example.com,Ola Nordmann,Harbour Master,Harbour,Leadership,yes,Logistics;Safety,Port,\n"
            + "kai@example.com,Kai Havn,Crane Operator,Harbour Cranes,Harbour,,Safety,Port,\n";
    mvc.perform(
            post("/api/v1/imports")
                .header("Authorization", ADMIN)
                .contentType("text/csv")
                .content(csv))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.peopleCreated").value(2))
        .andExpect(jsonPath("$.teamsCreated").value(2));

    Person kai = directory.findPersonByEmail("kai@example.com").orElseThrow();
    Team cranes = directory.team(kai.teamId());
    Team harbour = directory.team(cranes.parentId());
    assertThat(harbour.name()).isEqualTo("Harbour");
    assertThat(harbour.leaderName()).isEqualTo("Ola Nordmann");
    assertThat(directory.leaderOf(kai)).map(Person::name).contains("Ola Nordmann");
    mvc.perform(get("/api/v1/people?q=logistics").header("Authorization", ADMIN))
        .andExpect(jsonPath("$.items[*].email").value(hasItem("ola@example.com")));

    mvc.perform(
            post("/api/v1/imports")
                .header("Authorization", ADMIN)
                .contentType("text/csv")
                .content(csv.replace("Crane Operator", "Senior Crane Operator")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.peopleCreated").value(0))
        .andExpect(jsonPath("$.peopleUpdated").value(2));
    assertThat(directory.person(kai.id()).title()).isEqualTo("Senior Crane Operator");
  }

  @Test
  void onlyAdminsImport() throws Exception {
    BatonUser henry = (BatonUser) accounts.loadUserByUsername("henry@example.com");
    String token = "Bearer " + tokens.create(henry, "import test").secret();
    mvc.perform(
            post("/api/v1/imports")
                .header("Authorization", token)
                .contentType("text/csv")
                .content(HEADER + "x@example.com,X,,Sales,,,,,\n"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/api/v1/imports").contentType("text/csv").content(HEADER))
        .andExpect(status().isUnauthorized());
    assertThat(directory.findPersonByEmail("x@example.com")).isEmpty();
  }
}
