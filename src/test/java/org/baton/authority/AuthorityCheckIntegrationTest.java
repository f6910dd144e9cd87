package org.baton.authority;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.baton.BatonIntegrationTest;
import org.baton.identity.Accounts;
import org.baton.identity.ApiTokens;
import org.baton.identity.BatonUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Story 1, the refund at the counter, through the integration contract a CRM uses. */
@BatonIntegrationTest
class AuthorityCheckIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;

  String henry;

  @BeforeEach
  void henrysToken() {
    henry = token("henry@example.com", Set.of());
  }

  @Test
  void henrysGoodwillOf150IsWithinHisAuthorityByTheServiceDeskRule() throws Exception {
    check(
            henry,
            "{\"decisionType\": \"customer.goodwill\", \"amount\": {\"value\": 150, \"currency\": \"EUR\"}}")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verdict").value("WITHIN_AUTHORITY"))
        .andExpect(jsonPath("$.rule.holder").value("the members of Service Desk"))
        .andExpect(jsonPath("$.rule.limit.value").value(500.0))
        .andExpect(jsonPath("$.explanation").value(containsString("up to 500 EUR")));
  }

  @Test
  void at400HenryMustFirstConsultFinanceAndLearnsWhoCoversIt() throws Exception {
    check(
            henry,
            "{\"decisionType\": \"customer.goodwill\", \"amount\": {\"value\": 400, \"currency\": \"EUR\"}}")
        .andExpect(jsonPath("$.verdict").value("NEEDS_ADVICE"))
        .andExpect(jsonPath("$.requiredPerspectives[0].code").value("finance"))
        .andExpect(
            jsonPath("$.requiredPerspectives[0].advisers[*].name").value(hasItem("Felix Wagner")));
  }

  @Test
  void at800HenryIsToldMariaIsTheNearestHolder() throws Exception {
    check(
            henry,
            "{\"decisionType\": \"customer.goodwill\", \"amount\": {\"value\": 800, \"currency\": \"EUR\"}}")
        .andExpect(jsonPath("$.verdict").value("OUTSIDE_AUTHORITY"))
        .andExpect(jsonPath("$.holders[0].name").value("Maria Lopez"))
        .andExpect(jsonPath("$.nearestLimit.value").value(500.0));
  }

  @Test
  void anAmountInAnotherCurrencyIsRefusedNamingTheField() throws Exception {
    check(
            henry,
            "{\"decisionType\": \"customer.goodwill\", \"amount\": {\"value\": 150, \"currency\": \"USD\"}}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("amount.currency"))
        .andExpect(jsonPath("$.errors[0].message").value(containsString("not converted")));
  }

  @Test
  void badQuestionsGetA4xxNamingWhatIsWrong() throws Exception {
    check(
            henry,
            "{\"decisionType\": \"customer.nonsense\", \"amount\": {\"value\": 1, \"currency\": \"EUR\"}}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("decisionType"));
    check(
            henry,
            "{\"decisionType\": \"customer.goodwill\", \"amount\": {\"value\": -5, \"currency\": \"EUR\"}}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("amount.value"));
    check(henry, "{\"decisionType\": \"customer.goodwill\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("amount"));
    check(henry, "{\"person\": \"nobody@example.com\", \"decisionType\": \"customer.goodwill\"}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("person"));
    check(
            henry,
            "{\"decisionType\": \"customer.goodwill\", \"amount\": {\"value\": 1, \"currency\": \"EUR\"}, \"context\": {\"tier\": {\"nested\": 1}}}")
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("context.tier"));
    check(henry, "{\"decisionType\": ").andExpect(status().isBadRequest());
  }

  @Test
  void checkingForSomeoneElseNeedsAnAdminOrAnIntegrationWithThatPermission() throws Exception {
    String forMaria =
        "{\"person\": \"maria@example.com\", \"decisionType\": \"customer.goodwill\", \"amount\": {\"value\": 800, \"currency\": \"EUR\"}}";
    check(henry, forMaria).andExpect(status().isForbidden());
    check(BatonIntegrationTest.ADMIN_TOKEN, forMaria)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.verdict").value("WITHIN_AUTHORITY"));
    String crm = token("admin", Set.of("authority:check-others"));
    check(crm, forMaria).andExpect(jsonPath("$.person.name").value("Maria Lopez"));
    // An integration token has its permissions, not its creator's admin rights.
    mvc.perform(
            post("/api/v1/teams")
                .header("Authorization", "Bearer " + crm)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"CRM made this\"}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void onlyAdminsGiveTokensPermissions() {
    BatonUser henryUser = (BatonUser) accounts.loadUserByUsername("henry@example.com");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> tokens.create(henryUser, "sneaky", Set.of("authority:check-others")))
        .hasMessageContaining("Only admins");
  }

  private ResultActions check(String token, String body) throws Exception {
    return mvc.perform(
        post("/api/v1/authority/checks")
            .header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private String token(String username, Set<String> permissions) {
    BatonUser user = (BatonUser) accounts.loadUserByUsername(username);
    return tokens.create(user, "check test", permissions).secret();
  }
}
