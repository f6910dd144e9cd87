package org.baton.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.baton.BatonIntegrationTest;
import org.baton.directory.Directory;
import org.baton.directory.Team;
import org.baton.identity.Accounts;
import org.baton.identity.ApiTokens;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@BatonIntegrationTest
class AuthorityAdministrationIntegrationTest {

  @Autowired MockMvc mvc;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired AuthorityAdministration administration;
  @Autowired Authority authority;
  @Autowired PolicyPreview preview;
  @Autowired PolicyDocument policyDocument;
  @Autowired Directory directory;
  @Autowired CheckLog checkLog;
  @Autowired Delegations delegations;

  @Test
  void onlyTheOwnerOrAnAdminChangesARuleAndEveryChangeIsAVersion() throws Exception {
    long id = testRule("test.owned", "100", user("maria@example.com").personId());
    String body =
        "{\"decisionType\": \"test.owned\", \"holderKind\": \"TEAM\", \"holderTeamId\": "
            + serviceDesk()
            + ", \"limit\": 150, \"currency\": \"EUR\", \"ownerPersonId\": "
            + user("maria@example.com").personId()
            + ", \"reason\": \"More room for the desk\"}";
    mvc.perform(
            put("/api/v1/authority/rules/" + id)
                .header("Authorization", bearer("henry@example.com"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isForbidden());
    mvc.perform(
            put("/api/v1/authority/rules/" + id)
                .header("Authorization", bearer("maria@example.com"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.current.version").value(2))
        .andExpect(jsonPath("$.versions.length()").value(2))
        .andExpect(jsonPath("$.versions[0].reason").value("More room for the desk"))
        .andExpect(jsonPath("$.versions[0].changedBy").value("Maria Lopez"))
        .andExpect(jsonPath("$.versions[1].rule.limit.value").value(100.0));
    mvc.perform(
            put("/api/v1/authority/rules/" + id)
                .header("Authorization", bearer("maria@example.com"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    body.replace("\"reason\": \"More room for the desk\"", "\"reason\": \"\"")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    assertThat(administration.rule(id).versions()).hasSize(2);
  }

  @Test
  void thePreviewReplaysRealChecksUnderTheDraft() {
    testRule("test.preview", "500", null);
    long id =
        administration.rules().stream()
            .filter(r -> r.current().decisionType().equals("test.preview"))
            .findFirst()
            .orElseThrow()
            .current()
            .id();
    BatonUser henry = user("henry@example.com");
    for (String amount : new String[] {"100", "300", "450"}) {
      authority.check(
          henry,
          new CheckQuestion(henry.personId(), "test.preview", Money.of(amount, "EUR"), Map.of()));
    }
    checkLog.flush();
    RuleDraft lower = draft("test.preview", "200", "Tighter");
    PolicyPreview.Impact impact = preview.preview(user("admin"), id, lower, 6);
    assertThat(impact.counts().get(PolicyPreview.Change.GRANT_LOST)).isEqualTo(2);
    assertThat(impact.changes())
        .extracting(PolicyPreview.ChangedAnswer::person)
        .contains("Henry Walsh");

    RuleDraft higher = draft("test.preview", "50", "Tighter still");
    assertThat(
            preview
                .preview(user("admin"), id, higher, 6)
                .counts()
                .get(PolicyPreview.Change.GRANT_LOST))
        .isEqualTo(3);
    assertThat(PolicyPreview.classify(Verdict.OUTSIDE_AUTHORITY, Verdict.WITHIN_AUTHORITY))
        .isEqualTo(PolicyPreview.Change.ESCALATION_REMOVED);
    assertThat(PolicyPreview.classify(Verdict.WITHIN_AUTHORITY, Verdict.NEEDS_ADVICE))
        .isEqualTo(PolicyPreview.Change.ADVICE_NEWLY_NEEDED);
  }

  @Test
  void thePolicyDocumentRoundTripsAndABadDocumentChangesNothing() throws Exception {
    mvc.perform(
            get("/api/v1/authority/policy")
                .header("Authorization", "Bearer " + BatonIntegrationTest.ADMIN_TOKEN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.decisionTypes[*].code").value(hasItem("customer.goodwill")))
        .andExpect(
            jsonPath("$.rules[?(@.decisionType == 'customer.goodwill')].holder.team")
                .value(hasItem("Service Desk")));

    int rulesBefore = administration.rules().size();
    String bad =
        "{\"reason\": \"Quarterly review\", \"decisionTypes\": [{\"code\": \"test.doc\", \"name\": \"Doc test\", \"carriesAmount\": true}],"
            + " \"rules\": [{\"decisionType\": \"test.doc\", \"holder\": {\"kind\": \"TEAM\", \"team\": \"Service Desk\"}, \"limit\": -1, \"currency\": \"EUR\"},"
            + " {\"decisionType\": \"test.doc\", \"holder\": {\"kind\": \"TEAM\", \"team\": \"No Such Team\"}, \"limit\": 5, \"currency\": \"EUR\"}]}";
    mvc.perform(
            put("/api/v1/authority/policy")
                .header("Authorization", "Bearer " + BatonIntegrationTest.ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(bad))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("rules[0].limit")))
        .andExpect(jsonPath("$.errors[*].field").value(hasItem("rules[1].holder.team")));
    assertThat(administration.rules()).hasSize(rulesBefore);
    assertThat(administration.types()).noneMatch(t -> t.code().equals("test.doc"));

    String good = bad.replace("\"limit\": -1", "\"limit\": 80").replace("No Such Team", "Sales");
    mvc.perform(
            put("/api/v1/authority/policy")
                .header("Authorization", "Bearer " + BatonIntegrationTest.ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(good))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rulesCreated").value(2));

    PolicyDocument.Document exported = SystemTask.runAsAdmin(policyDocument::export);
    PolicyDocument.Document again =
        new PolicyDocument.Document("No change", exported.decisionTypes(), exported.rules());
    PolicyDocument.ImportResult result =
        SystemTask.runAsAdmin(() -> policyDocument.importDocument(user("admin"), again));
    assertThat(result.rulesChanged()).as("re-importing an export changes nothing").isZero();
    assertThat(result.rulesUnchanged()).isEqualTo(exported.rules().size());
  }

  @Test
  void aDelegationLendsAuthorityUntilItEndsAndNeverMoreThanOneHolds() {
    BatonUser henry = user("henry@example.com");
    BatonUser olivia = user("olivia@example.com");
    Instant tomorrow = Instant.now().plusSeconds(86_400);
    assertThatThrownBy(
            () ->
                delegations.delegate(
                    henry,
                    olivia.personId(),
                    "customer.goodwill",
                    Money.of("600", "EUR"),
                    null,
                    tomorrow,
                    "away"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("You hold at most 500 EUR");
    CheckQuestion oliviaAsks =
        new CheckQuestion(olivia.personId(), "customer.goodwill", Money.of("200", "EUR"), Map.of());
    assertThat(authority.check(olivia, oliviaAsks).verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);

    Delegations.DelegationView lent =
        delegations.delegate(
            henry,
            olivia.personId(),
            "customer.goodwill",
            Money.of("300", "EUR"),
            null,
            tomorrow,
            "Covering the desk");
    CheckResult result = authority.check(olivia, oliviaAsks);
    assertThat(result.verdict()).isEqualTo(Verdict.WITHIN_AUTHORITY);
    assertThat(result.delegation().from().name()).isEqualTo("Henry Walsh");
    assertThat(result.explanation()).contains("Henry Walsh delegated it to you up to 300 EUR");

    delegations.revoke(henry, lent.id());
    assertThat(authority.check(olivia, oliviaAsks).verdict()).isEqualTo(Verdict.OUTSIDE_AUTHORITY);
  }

  private long testRule(String code, String limit, Long owner) {
    return SystemTask.runAsAdmin(
        () -> {
          administration.saveType(new DecisionType(code, "Test " + code, "", true, false));
          return administration
              .createRule(
                  user("admin"),
                  new RuleDraft(
                      code,
                      Holder.Kind.TEAM,
                      null,
                      serviceDesk(),
                      new BigDecimal(limit),
                      "EUR",
                      null,
                      List.of(),
                      List.of(),
                      null,
                      null,
                      owner,
                      "Test rule"))
              .current()
              .id();
        });
  }

  private RuleDraft draft(String code, String limit, String reason) {
    return new RuleDraft(
        code,
        Holder.Kind.TEAM,
        null,
        serviceDesk(),
        new BigDecimal(limit),
        "EUR",
        null,
        List.of(),
        List.of(),
        null,
        null,
        null,
        reason);
  }

  private long serviceDesk() {
    return directory.teams().stream()
        .filter(t -> t.name().equals("Service Desk"))
        .map(Team::id)
        .findFirst()
        .orElseThrow();
  }

  private BatonUser user(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }

  private String bearer(String name) {
    return "Bearer " + tokens.create(user(name), "admin test").secret();
  }
}
