package org.baton.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.baton.BatonIntegrationTest;
import org.baton.identity.Accounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Malformed values get a clear 400 or 422 naming the field, never a 500, and save nothing. */
@BatonIntegrationTest
class BadInputIntegrationTest {

  private static final String ADMIN = "Bearer " + BatonIntegrationTest.ADMIN_TOKEN;

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired org.baton.identity.ApiTokens tokens;

  @Test
  void aNulCharacterInJsonTextIsTheFieldsError() throws Exception {
    long tokensBefore = count("api_token");
    mvc.perform(
            post("/api/v1/me/tokens")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"\\u0000\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("name"));
    assertThat(count("api_token")).isEqualTo(tokensBefore);
  }

  @Test
  void halfACharacterInJsonTextIsRefusedNamingTheFieldAndNothingIsStoredAsAQuestionMark()
      throws Exception {
    long tokensBefore = count("api_token");
    for (String half : java.util.List.of("\\ud800", "a\\udc00b", "\\ud83d")) {
      mvc.perform(
              post("/api/v1/me/tokens")
                  .header("Authorization", ADMIN)
                  .contentType(MediaType.APPLICATION_JSON)
                  .content("{\"name\": \"" + half + "\"}"))
          .andExpect(status().isUnprocessableContent())
          .andExpect(jsonPath("$.errors[0].field").value("name"));
    }
    assertThat(count("api_token")).isEqualTo(tokensBefore);
    // a whole character made of two halves is text like any other
    mvc.perform(
            post("/api/v1/me/tokens")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"rocket \\ud83d\\ude80\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.token.name").value("rocket \ud83d\ude80"));
  }

  @Test
  void aNulCharacterInAQueryOrFormParameterIsRefused() throws Exception {
    mvc.perform(get("/api/v1/people").param("q", "ann\u0000a").header("Authorization", ADMIN))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("q"));
  }

  @Test
  void textLongerThanAnyFieldTakesIsRefusedNamingTheFieldAndSavesNothing() throws Exception {
    String endless = "x".repeat(10_001);
    long initiativesBefore = count("initiative");
    mvc.perform(
            post("/api/v1/initiatives")
                .header("Authorization", "Bearer " + henrysToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Burr\", \"description\": \"" + endless + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("description"))
        .andExpect(jsonPath("$.errors[0].message").value("Text is at most 10000 characters."));
    mvc.perform(
            post("/initiatives")
                .with(user(accounts.loadUserByUsername("henry@example.com")))
                .with(csrf())
                .param("title", "Burr")
                .param("location", endless))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("location"));
    // under the cap for any text, over the field's own limit: the service names it
    mvc.perform(
            post("/api/v1/initiatives")
                .header("Authorization", "Bearer " + henrysToken())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Burr\", \"location\": \"" + "x".repeat(201) + "\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("location"));
    assertThat(count("initiative")).isEqualTo(initiativesBefore);
  }

  private String henrysToken() {
    return tokens
        .create(
            (org.baton.identity.BatonUser) accounts.loadUserByUsername("henry@example.com"),
            "limits " + System.nanoTime())
        .secret();
  }

  @Test
  void nullInsideAListIsTheListsError() throws Exception {
    mvc.perform(
            post("/api/v1/advice-requests")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"question\": \"Q\", \"panel\": [null]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(startsWith("panel")));
    mvc.perform(
            post("/api/v1/decisions")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"decisionType\": \"customer.goodwill\", \"affectedTeamIds\": [null]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(startsWith("affectedTeamIds")));
    mvc.perform(
            put("/api/v1/authority/policy")
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"x\", \"rules\": [null]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(startsWith("rules")));
  }

  @Test
  void aPageFarPastTheEndIsEmptyNotAnError() throws Exception {
    mvc.perform(get("/api/v1/teams?page=21474837&size=100").header("Authorization", ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(0));
    mvc.perform(get("/api/v1/people?page=21474837&size=100").header("Authorization", ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(0));
  }

  @Test
  void anUnknownInitiativeStatusIsAFormErrorNotA500() throws Exception {
    String created =
        mvc.perform(
                post("/api/v1/initiatives")
                    .header("Authorization", bearerOf("olivia@example.com"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"title\": \"Status test\", \"description\": \"A test\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = Long.parseLong(created.replaceAll("^.*?\"id\":(\\d+).*$", "$1"));
    mvc.perform(
            post("/initiatives/" + id + "/status")
                .with(user(accounts.loadUserByUsername("olivia@example.com")))
                .with(csrf())
                .param("status", "FOO"))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void whatGetAnswersForAPersonCanBePutBack() throws Exception {
    long priya =
        jdbc.sql("select id from person where email = 'priya@example.com'")
            .query(Long.class)
            .single();
    String person =
        mvc.perform(get("/api/v1/people/" + priya).header("Authorization", ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    mvc.perform(
            put("/api/v1/people/" + priya)
                .header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(person))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.perspectives[0].code").isNotEmpty());
  }

  private String bearerOf(String email) throws Exception {
    String answer =
        mvc.perform(
                post("/api/v1/me/tokens")
                    .with(user(accounts.loadUserByUsername(email)))
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\": \"bad input test\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return "Bearer " + answer.replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
  }

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }
}
