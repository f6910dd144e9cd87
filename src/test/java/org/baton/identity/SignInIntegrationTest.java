package org.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.baton.BatonIntegrationTest;
import org.baton.directory.Directory;
import org.baton.directory.PeopleService;
import org.baton.platform.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@BatonIntegrationTest
class SignInIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired PeopleService people;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;

  @Test
  void aDemoPersonSignsInWithTheirEmailAndTheDemoPassword() throws Exception {
    mvc.perform(formLogin().user("Maria@Example.com").password(BatonIntegrationTest.DEMO_PASSWORD))
        .andExpect(authenticated().withUsername("maria@example.com"))
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void theAdminSignsInWithTheConfiguredPassword() throws Exception {
    mvc.perform(formLogin().user("admin").password(BatonIntegrationTest.ADMIN_PASSWORD))
        .andExpect(authenticated().withRoles("ADMIN", "MEMBER"));
  }

  @Test
  void aWrongPasswordIsRefused() throws Exception {
    mvc.perform(formLogin().user("henry@example.com").password("wrong"))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void afterFiveFailuresFromOneAddressEvenTheRightPasswordIsRefusedThereForAWhile()
      throws Exception {
    for (int i = 0; i < SignInThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
      mvc.perform(formLogin().user("greta@example.com").password("guess" + i))
          .andExpect(unauthenticated());
    }
    mvc.perform(formLogin().user("greta@example.com").password(BatonIntegrationTest.DEMO_PASSWORD))
        .andExpect(unauthenticated())
        .andExpect(redirectedUrl("/login?throttled"));
  }

  @Test
  void aDeactivatedPersonCannotSignIn() throws Exception {
    long finn = directory.findPersonByEmail("finn@example.com").orElseThrow().id();
    SystemTask.runAsAdmin(() -> people.setActive(finn, false));
    mvc.perform(formLogin().user("finn@example.com").password(BatonIntegrationTest.DEMO_PASSWORD))
        .andExpect(unauthenticated());
  }

  @Test
  void pagesNeedSignInAndFormsNeedTheirCsrfToken() throws Exception {
    mvc.perform(get("/people"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
    Cookie session = signIn("henry@example.com");
    mvc.perform(post("/me/tokens").cookie(session).param("name", "no csrf"))
        .andExpect(status().isForbidden());
    mvc.perform(post("/admin/people").cookie(session).with(csrf()).param("name", "x"))
        .andExpect(status().isForbidden());
  }

  @Test
  void aPersonCreatesUsesAndRevokesAnApiToken() throws Exception {
    Cookie session = signIn("priya@example.com");
    String answer =
        mvc.perform(
                post("/api/v1/me/tokens")
                    .cookie(session)
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\": \"my script\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.token.name").value("my script"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String secret = answer.replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
    long id = Long.parseLong(answer.replaceAll(".*\"token\":\\{\"id\":(\\d+).*", "$1"));

    assertThat(
            jdbc.sql("select count(*) from api_token where token_hash = ?")
                .param(secret)
                .query(Long.class)
                .single())
        .as("the secret itself is never stored")
        .isZero();
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Priya Sharma"))
        .andExpect(jsonPath("$.admin").value(false));

    mvc.perform(delete("/api/v1/me/tokens/" + id).header("Authorization", "Bearer " + secret))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.revokedAt").isNotEmpty());
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + secret))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void nobodyRevokesSomeoneElsesToken() throws Exception {
    BatonUser adam = (BatonUser) accounts.loadUserByUsername("adam@example.com");
    ApiTokens.CreatedToken adams = tokens.create(adam, "adam's integration");
    mvc.perform(
            delete("/api/v1/me/tokens/" + adams.token().id())
                .cookie(signIn("henry@example.com"))
                .with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + adams.secret()))
        .andExpect(status().isOk());
  }

  @Test
  void anIntegrationTokenCannotMintListOrRevokeTokens() throws Exception {
    BatonUser admin = (BatonUser) accounts.loadUserByUsername("admin");
    ApiTokens.CreatedToken crm =
        tokens.create(admin, "CRM", java.util.Set.of("authority:check-others"));
    String bearer = "Bearer " + crm.secret();
    mvc.perform(
            post("/api/v1/me/tokens")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"escalate\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/v1/me/tokens").header("Authorization", bearer))
        .andExpect(status().isForbidden());
    mvc.perform(delete("/api/v1/me/tokens/" + crm.token().id()).header("Authorization", bearer))
        .andExpect(status().isForbidden());
    // What it can do is what it was given, never the admin's policy.
    mvc.perform(get("/api/v1/authority/policy").header("Authorization", bearer))
        .andExpect(status().isForbidden());
    assertThat(tokens.list(admin)).noneMatch(t -> t.name().equals("escalate"));
  }

  @Test
  void controlCharactersAfterTheNameDoNotEscapeTheThrottle() throws Exception {
    for (int i = 0; i < SignInThrottle.MAX_PER_ACCOUNT_AND_ADDRESS; i++) {
      mvc.perform(
              formLogin().user("xenia@example.com" + "\u0001".repeat(i + 1)).password("guess" + i))
          .andExpect(unauthenticated());
    }
    mvc.perform(formLogin().user("xenia@example.com").password(BatonIntegrationTest.DEMO_PASSWORD))
        .andExpect(redirectedUrl("/login?throttled"));
  }

  @Test
  void deactivationEndsSessionsAndRevokesTokensAtOnce() throws Exception {
    long walter = directory.findPersonByEmail("walter@example.com").orElseThrow().id();
    Cookie session = signIn("walter@example.com");
    BatonUser user = (BatonUser) accounts.loadUserByUsername("walter@example.com");
    ApiTokens.CreatedToken token = tokens.create(user, "walter's script");
    mvc.perform(get("/people").cookie(session)).andExpect(status().isOk());

    SystemTask.runAsAdmin(() -> people.setActive(walter, false));

    mvc.perform(get("/people").cookie(session))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
    mvc.perform(
            post("/api/v1/me/tokens")
                .cookie(session)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"after leaving\"}"))
        .andExpect(status().isUnauthorized());
    // Reactivation does not revive a token that deactivation revoked.
    SystemTask.runAsAdmin(() -> people.setActive(walter, true));
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token.secret()))
        .andExpect(status().isUnauthorized());
  }

  /** Signs in as a browser does; the session lives in the database, named by its cookie. */
  private Cookie signIn(String email) throws Exception {
    Cookie session =
        mvc.perform(formLogin().user(email).password(BatonIntegrationTest.DEMO_PASSWORD))
            .andExpect(authenticated())
            .andReturn()
            .getResponse()
            .getCookie("SESSION");
    assertThat(session).as("the session's cookie").isNotNull();
    return session;
  }
}
