package org.baton.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.baton.BatonIntegrationTest;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@BatonIntegrationTest
class DecisionPagesIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired DecisionRecord decisions;
  @Autowired org.baton.directory.Directory directory;

  @Test
  void everyAuthorityAndDecisionPageRenders() throws Exception {
    BatonUser admin = account("admin");
    Decision d =
        decisions.record(
            account("henry@example.com"),
            new DecisionDraft(
                "customer.goodwill",
                "Page test",
                "Rendering",
                Money.of("5", "EUR"),
                Map.of("customer.tier", "gold"),
                List.of(),
                null,
                null,
                null));
    for (String page :
        new String[] {
          "/authority/check",
          "/authority/check?type=customer.goodwill&amount=150&currency=EUR",
          "/authority/check?type=customer.goodwill&amount=800&currency=EUR",
          "/authority/check?type=customer.goodwill&amount=abc",
          "/authority/rules",
          "/authority/rules/1",
          "/authority/rules/new",
          "/admin/authority/types",
          "/authority/rules/1/edit",
          "/authority/delegations",
          "/authority/requests",
          "/decisions",
          "/decisions?scope=all&type=customer&verdict=WITHIN_AUTHORITY",
          "/decisions/" + d.id(),
          "/admin/decisions/verify"
        }) {
      mvc.perform(get(page).with(user(admin)))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("<main id=\"main\"")));
    }
  }

  @Test
  void aFormRecordingOutsideOnesAuthoritySavesNothingAndSaysWhy() throws Exception {
    mvc.perform(
            post("/decisions")
                .with(user(account("henry@example.com")))
                .with(csrf())
                .param("type", "customer.goodwill")
                .param("amount", "800")
                .param("currency", "EUR")
                .param("title", "Too generous")
                .param("reason", "Testing"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Not within your authority")))
        .andExpect(content().string(containsString("Nothing was saved")));
  }

  @Test
  void theRuleFormPreviewsADraftAsAFragment() throws Exception {
    mvc.perform(
            post("/authority/rules/preview")
                .with(user(account("admin")))
                .with(csrf())
                .header("HX-Request", "true")
                .param("ruleId", "1")
                .param("decisionType", "customer.goodwill")
                .param("holderKind", "TEAM")
                .param("holderTeamId", String.valueOf(serviceDeskId()))
                .param("limit", "100")
                .param("currency", "EUR")
                .param("reason", "Trying")
                .param("months", "6"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("would be answered differently")));
  }

  private long serviceDeskId() {
    return org.baton.Demo.teamId(directory, "Service Desk");
  }

  @Test
  void ruleAndDelegationFormsSayWhatIsWrong() throws Exception {
    mvc.perform(
            post("/authority/rules")
                .with(user(account("admin")))
                .with(csrf())
                .param("decisionType", "customer.goodwill")
                .param("holderKind", "TEAM")
                .param("holderTeamId", String.valueOf(serviceDeskId()))
                .param("limit", "lots")
                .param("currency", "EUR"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Enter a number, such as 500.")));
    mvc.perform(
            post("/authority/rules")
                .with(user(account("admin")))
                .with(csrf())
                .param("decisionType", "customer.goodwill")
                .param("holderKind", "TEAM")
                .param("holderTeamId", String.valueOf(serviceDeskId()))
                .param("limit", "100")
                .param("currency", "EUR"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content().string(containsString("Say why: every version of a rule records it.")));
    mvc.perform(
            post("/authority/delegations")
                .with(user(account("henry@example.com")))
                .with(csrf())
                .param("to", "anna@example.com")
                .param("type", "customer.goodwill")
                .param("limit", "9000")
                .param("currency", "EUR")
                .param("until", java.time.LocalDate.now().plusDays(3).toString()))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("You hold at most 500 EUR")));
  }

  /**
   * The one form-error fragment: a focusable summary linking to each field, the message under its
   * field, and only the wrong field marked aria-invalid and described by its message.
   */
  @Test
  void aFormMarksOnlyTheWrongFieldAndLinksToItFromTheSummary() throws Exception {
    String page =
        mvc.perform(
                post("/authority/delegations")
                    .with(user(account("henry@example.com")))
                    .with(csrf())
                    .param("to", "nobody@example.com")
                    .param("type", "customer.goodwill")
                    .param("limit", "100")
                    .param("currency", "EUR")
                    .param("until", java.time.LocalDate.now().plusDays(3).toString()))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).containsPattern("class=\"error-summary\" role=\"alert\" tabindex=\"-1\"");
    assertThat(page).contains("<a href=\"#to\">There is nobody with this e-mail address.</a>");
    assertThat(tag(page, "to"))
        .contains("aria-invalid=\"true\"")
        .contains("aria-describedby=\"to-hint to-error\"")
        .contains("list=\"to-people\"");
    assertThat(page)
        .contains(
            "<p class=\"error\" id=\"to-error\">There is nobody with this e-mail address.</p>");
    assertThat(tag(page, "limit"))
        .doesNotContain("aria-invalid")
        .doesNotContain("aria-describedby");
    assertThat(page).doesNotContain("id=\"limit-error\"");
  }

  private static String tag(String page, String id) {
    java.util.regex.Matcher input =
        java.util.regex.Pattern.compile("<input[^>]*id=\"" + id + "\"[^>]*>").matcher(page);
    assertThat(input.find()).as("an input with id " + id).isTrue();
    return input.group();
  }

  @Test
  void aMistypedAmountIsTheAmountFieldsError() throws Exception {
    mvc.perform(
            get("/authority/check?type=customer.goodwill&amount=abc")
                .with(user(account("henry@example.com"))))
        .andExpect(content().string(containsString("Enter the amount as a number")));
  }

  private BatonUser account(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }
}
