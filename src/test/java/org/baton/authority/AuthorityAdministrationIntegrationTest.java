package org.baton.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.baton.BatonIntegrationTest;
import org.baton.directory.Directory;
import org.baton.identity.Accounts;
import org.baton.identity.ApiTokens;
import org.baton.identity.BatonUser;
import org.baton.platform.InvalidInputException;
import org.baton.platform.Money;
import org.baton.platform.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
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
  @Autowired CheckLogStore checkLog;
  @Autowired Delegations delegations;
  @Autowired RuleChanges ruleChanges;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void anOwnerNarrowsHerRuleAtOnceAndEveryChangeIsAVersion() throws Exception {
    long maria = user("maria@example.com").personId();
    long id = testRule("test.owned", "100", maria);
    String narrower = ruleBody("test.owned", "TEAM", serviceDesk(), "80", maria, "Tighter");
    mvc.perform(
            put("/api/v1/authority/rules/" + id)
                .header("Authorization", bearer("henry@example.com"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(narrower))
        .andExpect(status().isForbidden());
    mvc.perform(
            put("/api/v1/authority/rules/" + id)
                .header("Authorization", bearer("maria@example.com"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(narrower))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.current.version").value(2))
        .andExpect(jsonPath("$.versions.length()").value(2))
        .andExpect(jsonPath("$.versions[0].reason").value("Tighter"))
        .andExpect(jsonPath("$.versions[0].changedBy").value("Maria Lopez"))
        .andExpect(jsonPath("$.versions[1].rule.limit.value").value(100.0));
    mvc.perform(
            put("/api/v1/authority/rules/" + id)
                .header("Authorization", bearer("maria@example.com"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(narrower.replace("\"reason\": \"Tighter\"", "\"reason\": \"\"")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    assertThat(administration.rule(id).versions()).hasSize(2);
  }

  @Test
  void anOwnerCannotTurnHerRuleIntoAnyAuthorityAWideningWaitsForAnAdmin() throws Exception {
    long maria = user("maria@example.com").personId();
    long id = testRule("test.widen", "100", maria);
    String mariaToken = bearer("maria@example.com");
    // The hole: the owner rewrites her rule into a personal write-off authority of 10^12 EUR.
    String anyAuthority =
        ruleBody("finance.write-off", "PERSON", maria, "1000000000000", maria, "Mine now")
            .replace("\"holderTeamId\"", "\"holderPersonId\"");
    mvc.perform(
            put("/api/v1/authority/rules/" + id)
                .header("Authorization", mariaToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content(anyAuthority))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("PROPOSED"))
        .andExpect(jsonPath("$.widenings").value(hasItem("decisionType")))
        .andExpect(jsonPath("$.widenings").value(hasItem("holder")));
    assertThat(administration.rule(id).rule().type().value()).isEqualTo("test.widen");
    mvc.perform(
            post("/api/v1/decisions")
                .header("Authorization", mariaToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"decisionType\": \"finance.write-off\", \"title\": \"Write it off\","
                        + " \"reason\": \"Because\", \"amount\": {\"value\": 900000,"
                        + " \"currency\": \"EUR\"}}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("authority"));

    // A higher limit is proposed too; an admin sees it with its preview and approves it.
    String higher = ruleBody("test.widen", "TEAM", serviceDesk(), "150", maria, "Busier season");
    String proposal =
        mvc.perform(
                put("/api/v1/authority/rules/" + id)
                    .header("Authorization", mariaToken)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(higher))
            .andExpect(status().isAccepted())
            .andExpect(jsonPath("$.widenings").value(org.hamcrest.Matchers.contains("limit")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long proposalId = Long.parseLong(proposal.replaceAll("^\\{\"id\":(\\d+).*", "$1"));
    assertThat(administration.rule(id).rule().limit()).isEqualTo(Money.of("100", "EUR"));
    assertThat(ruleChanges.views(user("admin"), id))
        .filteredOn(v -> v.change().id() == proposalId)
        .singleElement()
        .satisfies(v -> assertThat(v.mayAnswer()).isTrue())
        .satisfies(v -> assertThat(v.impact()).isNotNull());
    mvc.perform(
            post("/api/v1/authority/rule-changes/" + proposalId + "/approval")
                .header("Authorization", mariaToken)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"self-approval\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/api/v1/authority/rule-changes/" + proposalId + "/approval")
                .header("Authorization", "Bearer " + BatonIntegrationTest.ADMIN_TOKEN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"Fits the season\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"));
    assertThat(administration.rule(id).rule().limit()).isEqualTo(Money.of("150", "EUR"));
    assertThat(administration.rule(id).versions().get(0).changedBy())
        .isEqualTo("Maria Lopez, approved by admin");

    // The write-off proposal was drafted against the old version: it can only be declined.
    long stale =
        ruleChanges.visibleTo(user("admin")).stream()
            .filter(c -> c.ruleId() == id)
            .findFirst()
            .orElseThrow()
            .id();
    assertThatThrownBy(() -> ruleChanges.approve(user("admin"), stale, "ok"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("changed since");
    assertThatThrownBy(() -> ruleChanges.decline(user("admin"), stale, " "))
        .isInstanceOf(InvalidInputException.class);
    assertThat(ruleChanges.decline(user("admin"), stale, "Write-offs stay with finance").status())
        .isEqualTo(RuleChange.Status.DECLINED);
  }

  @Test
  void whatNarrowsAndWhatWidensARule() {
    AuthorityRule current = rule("100", "80", List.of("finance"), List.of("customer.tier = gold"));
    assertThat(
            RuleChangePolicy.wideningsOf(
                current,
                rule(
                    "90",
                    "50",
                    List.of("finance", "quality"),
                    List.of("customer.tier = gold", "site = Plant 1"))))
        .isEmpty();
    assertThat(
            RuleChangePolicy.wideningsOf(
                current, rule("120", "80", List.of("finance"), List.of("customer.tier = gold"))))
        .containsExactly(RuleChangePolicy.Widening.LIMIT);
    assertThat(RuleChangePolicy.wideningsOf(current, rule("100", "90", List.of(), List.of())))
        .containsExactlyInAnyOrder(
            RuleChangePolicy.Widening.ADVICE_THRESHOLD,
            RuleChangePolicy.Widening.ADVICE_PERSPECTIVES,
            RuleChangePolicy.Widening.CONDITIONS);

    // finance's advice for every amount: a threshold, or fewer perspectives, asks for less
    AuthorityRule always = alwaysAdvice(List.of("finance"));
    assertThat(
            RuleChangePolicy.wideningsOf(always, rule("100", "80", List.of("finance"), List.of())))
        .containsExactly(RuleChangePolicy.Widening.ADVICE_THRESHOLD);
    assertThat(RuleChangePolicy.wideningsOf(always, rule("100", "0", List.of(), List.of())))
        .contains(RuleChangePolicy.Widening.ADVICE_PERSPECTIVES);
    assertThat(RuleChangePolicy.wideningsOf(always, alwaysAdvice(List.of("finance", "quality"))))
        .isEmpty();
    // and a threshold made "always" is a narrowing
    assertThat(RuleChangePolicy.wideningsOf(current, alwaysAdvice(List.of("finance"))))
        .doesNotContain(RuleChangePolicy.Widening.ADVICE_THRESHOLD);
  }

  private static AuthorityRule alwaysAdvice(List<String> perspectives) {
    return new AuthorityRule(
        1,
        1,
        new DecisionTypeCode("customer.goodwill"),
        Holder.team(1),
        Money.of("100", "EUR"),
        null,
        perspectives,
        List.of(),
        null,
        null,
        7L,
        false);
  }

  @Test
  void aRuleOwnersPreviewLeavesOutConfidentialQuestionsOfOthers() {
    long maria = user("maria@example.com").personId();
    long id =
        SystemTask.runAsAdmin(
            () -> {
              administration.saveType(
                  new DecisionType("test.secret", "Secret test", "", true, true));
              return administration
                  .createRule(
                      user("admin"),
                      new RuleDraft(
                          "test.secret",
                          Holder.Kind.TEAM,
                          null,
                          serviceDesk(),
                          null,
                          new BigDecimal("500"),
                          "EUR",
                          null,
                          List.of(),
                          List.of(),
                          null,
                          null,
                          maria,
                          "Confidential test rule"))
                  .current()
                  .id();
            });
    BatonUser henry = user("henry@example.com");
    authority.check(
        henry,
        new CheckQuestion(henry.personId(), "test.secret", Money.of("300", "EUR"), Map.of()));
    checkLog.flush();
    RuleDraft lower =
        new RuleDraft(
            "test.secret",
            Holder.Kind.TEAM,
            null,
            serviceDesk(),
            null,
            new BigDecimal("100"),
            "EUR",
            null,
            List.of(),
            List.of(),
            null,
            null,
            maria,
            "Lower");
    PolicyPreview.Impact asOwner = preview.preview(user("maria@example.com"), id, lower, 6);
    assertThat(asOwner.counts().get(PolicyPreview.Change.GRANT_LOST)).isZero();
    assertThat(asOwner.changes()).extracting(PolicyPreview.ChangedAnswer::person).isEmpty();
    PolicyPreview.Impact asAdmin = preview.preview(user("admin"), id, lower, 6);
    assertThat(asAdmin.changes())
        .extracting(PolicyPreview.ChangedAnswer::person)
        .contains("Henry Walsh");
  }

  @Test
  void anOwnersPreviewCoversHerOwnRulesKindAndHoldersOnly() {
    long maria = user("maria@example.com").personId();
    long id =
        SystemTask.runAsAdmin(
            () -> {
              administration.saveType(
                  new DecisionType("test.owned", "Owned test", "", true, false));
              administration.saveType(
                  new DecisionType("test.elsewhere", "Elsewhere test", "", true, false));
              return administration
                  .createRule(
                      user("admin"), ownedRule("test.owned", Holder.Kind.TEAM, "500", maria))
                  .current()
                  .id();
            });
    BatonUser henry = user("henry@example.com");
    BatonUser olivia = user("olivia@example.com");
    authority.check(
        henry, new CheckQuestion(henry.personId(), "test.owned", Money.of("700", "EUR"), Map.of()));
    authority.check(
        olivia,
        new CheckQuestion(olivia.personId(), "test.elsewhere", Money.of("700", "EUR"), Map.of()));
    checkLog.flush();

    // her own rule, a higher limit (story 8): previewed, with her desk's questions of its kind
    PolicyPreview.Impact higher =
        preview.preview(
            user("maria@example.com"),
            id,
            ownedRule("test.owned", Holder.Kind.TEAM, "1000", maria),
            6);
    assertThat(higher.changes())
        .extracting(PolicyPreview.ChangedAnswer::person)
        .contains("Henry Walsh");
    // another kind of decision or everyone as holder: for admins to preview
    for (RuleDraft elsewhere :
        List.of(
            ownedRule("test.elsewhere", Holder.Kind.TEAM, "1000", maria),
            ownedRule("test.owned", Holder.Kind.EVERYONE, "1000", maria))) {
      assertThatThrownBy(() -> preview.preview(user("maria@example.com"), id, elsewhere, 6))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("Only an admin previews");
    }
    PolicyPreview.Impact asAdmin =
        preview.preview(
            user("admin"), id, ownedRule("test.elsewhere", Holder.Kind.EVERYONE, "1000", maria), 6);
    assertThat(asAdmin.changes())
        .extracting(PolicyPreview.ChangedAnswer::person)
        .contains("Olivia Brown");
  }

  private RuleDraft ownedRule(String type, Holder.Kind holder, String limit, long owner) {
    return new RuleDraft(
        type,
        holder,
        null,
        holder == Holder.Kind.TEAM ? serviceDesk() : null,
        null,
        new BigDecimal(limit),
        "EUR",
        null,
        List.of(),
        List.of(),
        null,
        null,
        owner,
        "Preview test");
  }

  @Test
  void openingACheckLinkDoesNotWriteTheCheckLogAskingThroughTheFormDoes() throws Exception {
    BatonUser henry = user("henry@example.com");
    String url = "/authority/check?type=customer.goodwill&amount=123.45&currency=EUR";
    mvc.perform(get(url).with(SecurityMockMvcRequestPostProcessors.user(henry)))
        .andExpect(status().isOk());
    checkLog.flush();
    assertThat(loggedChecksOf(henry, "123.45")).isZero();
    mvc.perform(
            post("/authority/check")
                .with(SecurityMockMvcRequestPostProcessors.user(henry))
                .with(csrf())
                .param("type", "customer.goodwill")
                .param("amount", "123.45")
                .param("currency", "EUR"))
        .andExpect(status().isOk());
    checkLog.flush();
    assertThat(loggedChecksOf(henry, "123.45")).isEqualTo(1);
  }

  @Test
  void aControlCharacterInOneCheckDoesNotCostOtherPeoplesLogEntries() {
    BatonUser henry = user("henry@example.com");
    assertThatThrownBy(
            () ->
                authority.check(
                    henry,
                    new CheckQuestion(
                        henry.personId(),
                        "customer.goodwill",
                        Money.of("11.11", "EUR"),
                        Map.of("note", "bad\u0000value"))))
        .isInstanceOf(InvalidInputException.class);
    authority.check(
        henry,
        new CheckQuestion(
            henry.personId(), "customer.goodwill", Money.of("11.12", "EUR"), Map.of()));
    checkLog.flush();
    assertThat(loggedChecksOf(henry, "11.12")).isEqualTo(1);
  }

  private long loggedChecksOf(BatonUser who, String amount) {
    return jdbc.sql("select count(*) from authority_check_log where person_id = ? and amount = ?")
        .params(who.personId(), new BigDecimal(amount))
        .query(Long.class)
        .single();
  }

  private static AuthorityRule rule(
      String limit, String threshold, List<String> perspectives, List<String> conditions) {
    return new AuthorityRule(
        1,
        1,
        new DecisionTypeCode("customer.goodwill"),
        Holder.team(1),
        Money.of(limit, "EUR"),
        perspectives.isEmpty() ? null : new BigDecimal(threshold),
        perspectives,
        conditions.stream().map(Condition::parse).toList(),
        null,
        null,
        7L,
        false);
  }

  private static String ruleBody(
      String type, String kind, long holder, String limit, long owner, String reason) {
    return "{\"decisionType\": \""
        + type
        + "\", \"holderKind\": \""
        + kind
        + "\", \"holderTeamId\": "
        + holder
        + ", \"limit\": "
        + limit
        + ", \"currency\": \"EUR\", \"ownerPersonId\": "
        + owner
        + ", \"reason\": \""
        + reason
        + "\"}";
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
                  org.baton.Demo.teamRule(code, serviceDesk(), limit, owner, "Test rule"))
              .current()
              .id();
        });
  }

  private RuleDraft draft(String code, String limit, String reason) {
    return org.baton.Demo.teamRule(code, serviceDesk(), limit, null, reason);
  }

  private long serviceDesk() {
    return org.baton.Demo.teamId(directory, "Service Desk");
  }

  private BatonUser user(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }

  private String bearer(String name) {
    return "Bearer " + tokens.create(user(name), "admin test").secret();
  }
}
