package org.baton.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.baton.BatonIntegrationTest;
import org.baton.directory.Directory;
import org.baton.identity.Accounts;
import org.baton.identity.ApiTokens;
import org.baton.identity.BatonUser;
import org.baton.platform.SystemTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Who may do what with proposed rule changes and the check page, route by route: actor (admin, the
 * proposer, another member, an integration token, anonymous) x change (own, someone else's). Rule
 * changes have no confidential variant: the policy is public to read; previews inside them apply
 * the confidential filter (tested in {@link AuthorityAdministrationIntegrationTest}).
 */
@BatonIntegrationTest
class RuleChangePermissionMatrixIntegrationTest {

  private static final String ADMIN = "Bearer " + BatonIntegrationTest.ADMIN_TOKEN;

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired AuthorityAdministration administration;
  @Autowired Directory directory;

  long ruleId;
  long mariasChange;
  String maria;
  String henry;
  String integration;

  @BeforeEach
  void aWideningProposedByMaria() {
    maria = "Bearer " + tokens.create(user("maria@example.com"), "matrix").secret();
    henry = "Bearer " + tokens.create(user("henry@example.com"), "matrix").secret();
    integration =
        "Bearer "
            + tokens.create(user("admin"), "matrix crm", Set.of("authority:check-others")).secret();
    long owner = user("maria@example.com").personId();
    ruleId =
        SystemTask.runAsAdmin(
            () -> {
              administration.saveType(
                  new DecisionType("test.matrix", "Matrix test", "", true, false));
              return administration
                  .createRule(user("admin"), draft("100", owner, "Matrix rule"))
                  .current()
                  .id();
            });
    mariasChange =
        administration
            .changeRule(user("maria@example.com"), ruleId, draft("900", owner, "More"), false)
            .proposal()
            .id();
  }

  @Test
  void listingProposedChanges() throws Exception {
    String list = "/api/v1/authority/rule-changes";
    assertThat(body(get(list).header("Authorization", ADMIN), 200)).contains(idOf(mariasChange));
    assertThat(body(get(list).header("Authorization", maria), 200)).contains(idOf(mariasChange));
    assertThat(body(get(list).header("Authorization", henry), 200))
        .doesNotContain(idOf(mariasChange));
    assertThat(body(get(list).header("Authorization", integration), 200))
        .doesNotContain(idOf(mariasChange));
    mvc.perform(get(list)).andExpect(status().isUnauthorized());
  }

  @Test
  void readingOneProposedChange() throws Exception {
    String one = "/api/v1/authority/rule-changes/" + mariasChange;
    mvc.perform(get(one).header("Authorization", ADMIN)).andExpect(status().isOk());
    mvc.perform(get(one).header("Authorization", maria)).andExpect(status().isOk());
    mvc.perform(get(one).header("Authorization", henry)).andExpect(status().isNotFound());
    mvc.perform(get(one).header("Authorization", integration)).andExpect(status().isNotFound());
    mvc.perform(get(one)).andExpect(status().isUnauthorized());
  }

  @Test
  void answeringThroughTheApi() throws Exception {
    for (String answer : List.of("approval", "decline")) {
      String url = "/api/v1/authority/rule-changes/" + mariasChange + "/" + answer;
      mvc.perform(answer(url, maria)).andExpect(status().isForbidden());
      mvc.perform(answer(url, henry)).andExpect(status().isNotFound());
      mvc.perform(answer(url, integration)).andExpect(status().isNotFound());
      mvc.perform(post(url).contentType(MediaType.APPLICATION_JSON).content("{}"))
          .andExpect(status().isUnauthorized());
    }
    mvc.perform(answer("/api/v1/authority/rule-changes/" + mariasChange + "/decline", ADMIN))
        .andExpect(status().isOk());
    // Answered already: a second answer is refused.
    mvc.perform(answer("/api/v1/authority/rule-changes/" + mariasChange + "/approval", ADMIN))
        .andExpect(status().isUnprocessableContent());
  }

  @Test
  void thePagesShowAndAnswerOnlyWhatTheActorMay() throws Exception {
    mvc.perform(get("/authority/rule-changes").with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Maria Lopez")))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "href=\"/authority/rules/" + ruleId + "\"")));
    mvc.perform(get("/authority/rule-changes").with(as("henry@example.com")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(
                            "href=\"/authority/rules/" + ruleId + "\""))));
    mvc.perform(get("/authority/rule-changes")).andExpect(status().is3xxRedirection());

    // The rule's page: the admin sees the proposal with its preview and the answer forms;
    // the proposer sees it without forms; another member does not see it.
    mvc.perform(get("/authority/rules/" + ruleId).with(as("admin")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Proposed changes")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Approve")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("checks and decisions")));
    mvc.perform(get("/authority/rules/" + ruleId).with(as("maria@example.com")))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Proposed changes")))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(">Approve<"))));
    mvc.perform(get("/authority/rules/" + ruleId).with(as("henry@example.com")))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("Proposed changes"))));

    String approve = "/authority/rule-changes/" + mariasChange + "/approval";
    mvc.perform(post(approve).with(as("henry@example.com")).with(csrf()))
        .andExpect(status().isNotFound());
    mvc.perform(post(approve).with(as("maria@example.com")).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post(approve).with(as("admin"))).andExpect(status().isForbidden()); // no CSRF
    mvc.perform(post(approve).with(as("admin")).with(csrf()).param("reason", "Fine"))
        .andExpect(redirectedUrl("/authority/rules/" + ruleId + "?answered"));
    assertThat(administration.rule(ruleId).rule().limit().value())
        .isEqualByComparingTo(new BigDecimal("900"));
  }

  @Test
  void askingOnTheCheckPageNeedsSignInAndItsCsrfToken() throws Exception {
    MockHttpServletRequestBuilder ask =
        post("/authority/check").param("type", "customer.goodwill").param("amount", "10");
    mvc.perform(ask.with(as("henry@example.com")).with(csrf())).andExpect(status().isOk());
    mvc.perform(
            post("/authority/check")
                .param("type", "customer.goodwill")
                .param("amount", "10")
                .with(as("henry@example.com")))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/authority/check")
                .param("type", "customer.goodwill")
                .param("amount", "10")
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
  }

  private MockHttpServletRequestBuilder answer(String url, String bearer) {
    return post(url)
        .header("Authorization", bearer)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"reason\": \"Matrix\"}");
  }

  private String body(MockHttpServletRequestBuilder request, int status) throws Exception {
    return mvc.perform(request)
        .andExpect(status().is(status))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static String idOf(long changeId) {
    return "\"id\":" + changeId + ",";
  }

  private org.springframework.test.web.servlet.request.RequestPostProcessor as(String name) {
    return SecurityMockMvcRequestPostProcessors.user(user(name));
  }

  private RuleDraft draft(String limit, long owner, String reason) {
    return org.baton.Demo.teamRule(
        "test.matrix", org.baton.Demo.teamId(directory, "Service Desk"), limit, owner, reason);
  }

  private BatonUser user(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }
}
