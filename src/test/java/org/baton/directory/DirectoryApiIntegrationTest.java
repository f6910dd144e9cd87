package org.baton.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.baton.BatonIntegrationTest;
import org.baton.identity.Accounts;
import org.baton.identity.ApiTokens;
import org.baton.identity.BatonUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@BatonIntegrationTest
class DirectoryApiIntegrationTest {

  private static final String ADMIN = "Bearer " + BatonIntegrationTest.ADMIN_TOKEN;

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired Directory directory;

  @Test
  void theAdminTokenListsTheDemoPeople() throws Exception {
    mvc.perform(get("/api/v1/people?size=100").header("Authorization", ADMIN))
        .andExpect(status().isOk())
        // every active person: the 60 demo people, less any a test deactivated, plus any added
        .andExpect(jsonPath("$.total").value((int) directory.countActivePeople()))
        .andExpect(jsonPath("$.total").value(greaterThanOrEqualTo(50)))
        .andExpect(jsonPath("$.size").value(100))
        .andExpect(
            jsonPath("$.items.length()").value((int) Math.min(100, directory.countActivePeople())));
    // Other tests add people too, so look the story's people up rather than expect a page.
    mvc.perform(get("/api/v1/people?q=service desk").header("Authorization", ADMIN))
        .andExpect(
            jsonPath("$.items[*].email").value(hasItems("henry@example.com", "maria@example.com")));
  }

  @Test
  void peopleAreFoundByPerspective() throws Exception {
    mvc.perform(get("/api/v1/people?q=finance").header("Authorization", ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].email").value(hasItem("felix@example.com")));
  }

  @Test
  void withoutATokenTheAnswerIsA401Problem() throws Exception {
    mvc.perform(get("/api/v1/people"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(401));
    mvc.perform(get("/api/v1/people").header("Authorization", "Bearer baton_wrong-token-123456"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.detail").value("The API token is unknown or revoked."));
  }

  @Test
  void anUnknownPersonIsA404Problem() throws Exception {
    mvc.perform(get("/api/v1/people/999999").header("Authorization", ADMIN))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("No person 999999."));
    mvc.perform(get("/api/v1/people/abc").header("Authorization", ADMIN))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
  }

  @Test
  void malformedJsonIsA400ProblemSayingSo() throws Exception {
    mvc.perform(
            post("/api/v1/people")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"x@example.com\", "))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.detail")
                .value(org.hamcrest.Matchers.startsWith("The request body is not valid JSON")));
  }

  @Test
  void invalidFieldsAreNamedAndNothingIsSaved() throws Exception {
    long before = directory.countActivePeople();
    mvc.perform(
            post("/api/v1/people")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"email\": \"not-an-address\", \"name\": \"\", \"teamId\": 999999,"
                        + " \"perspectives\": [\"astrology\"]}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(hasItems("email", "name", "teamId", "perspectives")));
    assertThat(directory.countActivePeople()).isEqualTo(before);
  }

  @Test
  void anAdminAddsAndChangesAPersonWhoIsThenFound() throws Exception {
    Team finance =
        directory.teams().stream()
            .filter(t -> t.name().equals("Finance"))
            .findFirst()
            .orElseThrow();
    String body =
        "{\"email\": \"Nora.Api@Example.com\", \"name\": \"Nora Api\", \"title\": \"Treasurer\","
            + " \"teamId\": "
            + finance.id()
            + ", \"perspectives\": [\"finance\"]}";
    String created =
        mvc.perform(
                post("/api/v1/people")
                    .header("Authorization", ADMIN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.email").value("nora.api@example.com"))
            .andExpect(jsonPath("$.teamName").value("Finance"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = ((Number) JsonPath.read(created, "$.id")).longValue();

    mvc.perform(get("/api/v1/people?q=treasurer").header("Authorization", ADMIN))
        .andExpect(jsonPath("$.items[*].id").value(hasItem((int) id)));

    mvc.perform(
            put("/api/v1/people/" + id)
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    body.replace("Treasurer", "Head of Treasury")
                        .replace("}", ", \"active\": false}")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.title").value("Head of Treasury"))
        .andExpect(jsonPath("$.active").value(false));
    mvc.perform(get("/api/v1/people?q=treasury").header("Authorization", ADMIN))
        .andExpect(jsonPath("$.total").value(0));

    // The same e-mail address again is refused, naming the field.
    mvc.perform(
            post("/api/v1/people")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("email"));
  }

  @Test
  void aMemberMayReadButNotChangeTheDirectory() throws Exception {
    BatonUser henry = (BatonUser) accounts.loadUserByUsername("henry@example.com");
    String token = "Bearer " + tokens.create(henry, "directory test").secret();
    mvc.perform(get("/api/v1/teams").header("Authorization", token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].name").value(hasItems("Service Desk", "Shift A")));
    mvc.perform(
            post("/api/v1/teams")
                .header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Henry's own team\"}"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void aTeamCannotBeMovedBelowItsOwnSubTeam() throws Exception {
    Team production = team("Production");
    Team shiftA = team("Shift A");
    mvc.perform(
            put("/api/v1/teams/" + production.id())
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Production\", \"parentId\": " + shiftA.id() + "}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("parentId"));
    assertThat(team("Production").parentId()).isEqualTo(production.parentId());
  }

  private Team team(String name) {
    return directory.teams().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }
}
