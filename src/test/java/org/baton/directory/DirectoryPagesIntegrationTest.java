package org.baton.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.baton.BatonIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@BatonIntegrationTest
class DirectoryPagesIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Directory directory;
  @Autowired UserDetailsService accounts;

  @Test
  void theAdminsPersonFormNamesEveryWrongFieldAndSavesNothing() throws Exception {
    long before = directory.countActivePeople();
    mvc.perform(
            post("/admin/people")
                .with(user(accounts.loadUserByUsername("admin")))
                .with(csrf())
                .param("email", "henry@example.com")
                .param("name", "")
                .param("title", "x".repeat(201)))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content().string(containsString("Someone else already has this e-mail address.")))
        .andExpect(content().string(containsString("Enter the person&#39;s name.")))
        .andExpect(content().string(containsString("Keep it under 200 characters.")))
        .andExpect(content().string(containsString("aria-invalid=\"true\"")));
    assertThat(directory.countActivePeople()).isEqualTo(before);
  }

  @Test
  void theTeamTreeShowsEveryTeamBelowItsParentWithItsLeader() throws Exception {
    mvc.perform(get("/teams").with(user(accounts.loadUserByUsername("olivia@example.com"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("led by Maria Lopez")))
        .andExpect(content().string(containsString(">Shift A</a>")));
  }

  @Test
  void everyDirectoryPageRendersForAnAdmin() throws Exception {
    var admin = user(accounts.loadUserByUsername("admin"));
    long henry = directory.findPersonByEmail("henry@example.com").orElseThrow().id();
    long serviceDesk = directory.findPersonByEmail("henry@example.com").orElseThrow().teamId();
    for (String page :
        new String[] {
          "/people",
          "/people/" + henry,
          "/teams",
          "/teams/" + serviceDesk,
          "/me/tokens",
          "/admin/import",
          "/admin/people/new",
          "/admin/people/" + henry + "/edit",
          "/admin/teams/new",
          "/admin/teams/" + serviceDesk + "/edit"
        }) {
      mvc.perform(get(page).with(admin))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("<main id=\"main\"")));
    }
  }

  @Test
  void userTextIsEscapedOnPages() throws Exception {
    String evil = "<script>alert(1)</script>";
    mvc.perform(
            post("/admin/people")
                .with(user(accounts.loadUserByUsername("admin")))
                .with(csrf())
                .param("email", "mallory@example.com")
                .param("name", evil))
        .andExpect(status().is3xxRedirection());
    long id = directory.findPersonByEmail("mallory@example.com").orElseThrow().id();
    mvc.perform(get("/people/" + id).with(user(accounts.loadUserByUsername("henry@example.com"))))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(evil))))
        .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
  }

  @Test
  void theSearchAnswersAnHtmxRequestWithJustTheResults() throws Exception {
    mvc.perform(
            get("/people?q=quality")
                .header("HX-Request", "true")
                .with(user(accounts.loadUserByUsername("henry@example.com"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"results\"")))
        .andExpect(content().string(containsString("Adam Novak")))
        .andExpect(content().string(not(containsString("<html"))));
  }

  @Test
  void anUnknownPersonOrTeamIsA404PageNotAStackTrace() throws Exception {
    var henry = user(accounts.loadUserByUsername("henry@example.com"));
    mvc.perform(get("/people/999999").with(henry).accept("text/html"))
        .andExpect(status().isNotFound());
    mvc.perform(get("/teams/not-a-number").with(henry).accept("text/html"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void anOversizedApiImportIsRefusedWithAClearProblem() throws Exception {
    // (The upload page's limit is enforced by the servlet container: see DirectoryBrowserTest.)
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    mvc.perform(
            post("/api/v1/imports")
                .header("Authorization", "Bearer " + BatonIntegrationTest.ADMIN_TOKEN)
                .contentType("text/csv")
                .content(big))
        .andExpect(status().isContentTooLarge())
        .andExpect(jsonPath("$.detail").value(containsString("larger than 10 MB")));
  }

  /** The people picker suggests people as one types, and adds to a list rather than replace it. */
  @Test
  void thePeoplePickerSuggestsPeopleByPartOfTheirName() throws Exception {
    mvc.perform(
            get("/people/picker")
                .param("to", "Priy")
                .with(user(accounts.loadUserByUsername("olivia@example.com"))))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<option value=\"priya@example.com\">Priya")));
    mvc.perform(
            get("/people/picker")
                .param("addEmail", "priya@example.com, Feli")
                .with(user(accounts.loadUserByUsername("olivia@example.com"))))
        .andExpect(
            content()
                .string(
                    containsString(
                        "<option value=\"priya@example.com, felix@example.com\">Felix Wagner")));
    mvc.perform(
            get("/people/picker")
                .param("to", "")
                .with(user(accounts.loadUserByUsername("olivia@example.com"))))
        .andExpect(content().string(not(containsString("<option"))));
  }

  @Test
  void theOpenApiDocumentDescribesTheApiWithoutSigningIn() throws Exception {
    mvc.perform(get("/api/docs/openapi.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/v1/people']").exists())
        .andExpect(jsonPath("$.paths['/api/v1/me/tokens']").exists());
    mvc.perform(get("/api/docs"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/api/swagger-ui/index.html"));
    mvc.perform(get("/api/swagger-ui/index.html"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("swagger-ui")));
  }

  @Test
  void healthAndReadinessAreUp() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.status").value("UP"));
    mvc.perform(get("/actuator/health/readiness")).andExpect(jsonPath("$.status").value("UP"));
  }
}
