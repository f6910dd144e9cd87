package org.baton.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.baton.BatonIntegrationTest;
import org.junit.jupiter.api.Test;

/** Story 1 of the product: the refund at the counter, on a phone. */
@BatonIntegrationTest
class AuthorityBrowserTest extends BrowserSupport {

  @org.springframework.beans.factory.annotation.Autowired
  org.baton.authority.AuthorityAdministration administration;

  @Test
  void henryChecks150SeesWhoAndWhyRecordsItAndFindsItInHisList() {
    Page henry = phone("henry@example.com");
    // one bad value first: "1,500" is refused with both readings, on the field, typed values kept
    henry.navigate("/authority/check");
    henry.getByLabel("Kind of decision").fill("goodwil");
    henry.getByLabel("Amount").fill("1,500");
    henry.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
    assertThat(henry.locator("#amount-error")).containsText("could be 1500 or 1.5");
    assertThat(henry.getByLabel("Amount")).hasAttribute("aria-invalid", "true");
    assertThat(henry.getByLabel("Amount")).hasValue("1,500");
    assertThat(henry.getByLabel("Kind of decision")).hasValue("Goodwill credit");
    assertThat(henry.locator(".verdict")).hasCount(0);
    ask(henry, "150");
    assertThat(henry.locator(".verdict-word")).hasText("Yes, yours to decide");
    assertThat(henry.locator(".verdict"))
        .containsText("the members of Service Desk may decide “Goodwill credit” up to 500 EUR");

    Object overflow =
        henry.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth");
    org.assertj.core.api.Assertions.assertThat(overflow)
        .as("no sideways scrolling on a phone")
        .isEqualTo(false);
    henry.getByLabel("What you decided").fill("150 EUR goodwill for the twice-delayed order");
    henry.getByLabel("Why, in one line").fill("Customer let down twice");
    henry.getByText("Follow-up and affected teams").click();
    henry.getByLabel("Follow up on").fill(java.time.LocalDate.now().plusDays(7).toString());
    henry.getByLabel("Service Desk").check();
    henry
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision"))
        .click();

    assertThat(henry.getByText("Recorded. It is yours")).isVisible();
    assertThat(henry.locator(".facts")).containsText("Henry Walsh");
    assertThat(henry.locator(".facts")).containsText("Teams affected");
    henry.navigate("/decisions");
    assertThat(
            henry
                .getByRole(
                    AriaRole.LINK,
                    new Page.GetByRoleOptions()
                        .setName("150 EUR goodwill for the twice-delayed order"))
                .first())
        .isVisible();
  }

  /**
   * Story 8: Maria, who owns the service desk's goodwill rule, previews raising its limit against
   * the last months from the rule's form (one bad value first), and saves it as a proposal.
   */
  @Test
  void mariaPreviewsARaiseOfHerRuleFromTheFormAndProposesIt() {
    long rule =
        administration.rules().stream()
            .map(org.baton.authority.AuthorityAdministration.RuleWithHistory::rule)
            .filter(r -> r.type().value().equals("customer.goodwill"))
            .filter(r -> r.holder().kind() == org.baton.authority.Holder.Kind.TEAM)
            .filter(r -> r.limit() != null && r.limit().value().intValueExact() == 500)
            .findFirst()
            .orElseThrow()
            .id();
    Page maria = signedIn("maria@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    maria.navigate("/authority/rules/" + rule + "/edit");
    assertThat(maria.getByLabel("Up to (inclusive)")).hasValue("500");
    maria.getByLabel("Up to (inclusive)").fill("lots");
    maria.getByLabel("Why this rule or change").fill("Fewer escalations to me");
    button(maria, "Preview").click();
    assertThat(maria.locator("#preview")).containsText("number");
    // the summary names the field by its label
    assertThat(maria.locator(".error-summary")).containsText("Up to (inclusive): ");
    assertThat(maria.getByLabel("Up to (inclusive)")).hasValue("lots");
    assertThat(maria.getByLabel("Why this rule or change")).hasValue("Fewer escalations to me");

    maria.getByLabel("Up to (inclusive)").fill("800");
    button(maria, "Preview").click();
    assertThat(maria.locator("#preview")).containsText("would be answered differently");
    button(maria, "Save").click();
    maria.waitForURL(java.util.regex.Pattern.compile(".*\\?proposed$"));

    // a widening waits for an admin, and the admin's home says so
    Page admin = signedIn("admin", BatonIntegrationTest.ADMIN_PASSWORD);
    admin.navigate("/");
    admin
        .locator(".agenda li")
        .filter(
            new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Maria Lopez proposes to widen a rule: Fewer escalations to me"))
        .getByRole(AriaRole.LINK)
        .click();
    assertThat(admin.locator("main")).containsText("Fewer escalations to me");
  }

  private static com.microsoft.playwright.Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }

  @Test
  void henryChecks400AndIsToldToGetAdviceFromFinance() {
    Page henry = phone("henry@example.com");
    ask(henry, "400");
    assertThat(henry.locator(".verdict-word")).hasText("Yours after advice");
    assertThat(henry.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("finance")))
        .isVisible();
    assertThat(henry.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Felix Wagner")))
        .isVisible();
    // The next step stands under the verdict: asking finance opens a request already drafted
    assertThat(henry.locator(".next-step")).containsText("Ask finance for advice");
    String ask = henry.locator(".next-step a").getAttribute("href");
    Page asking = phone("henry@example.com");
    asking.navigate(ask);
    assertThat(asking.getByLabel("Advice needed by"))
        .hasValue(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
    assertThat(asking.locator("#question")).containsText("400");

    // Typing something is not advice: he must name who gave it (or ask for it first).
    henry.getByLabel("What you decided").fill("400 EUR goodwill for the broken kettle");
    henry.getByLabel("Why, in one line").fill("Third failure in a month");
    henry.getByLabel("What the advice was (optional)").fill("-");
    henry
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision"))
        .click();
    assertThat(henry.locator(".error-summary")).containsText("needs advice from finance");
    assertThat(henry.getByLabel("What you decided"))
        .hasValue("400 EUR goodwill for the broken kettle");
    assertThat(henry.getByLabel("Why, in one line")).hasValue("Third failure in a month");
    assertThat(henry.getByLabel("What the advice was (optional)")).hasValue("-");

    henry.getByLabel("Advice from finance given by").fill("felix@example.com");
    henry.getByLabel("What the advice was (optional)").fill("Felix agreed on the phone");
    henry
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision"))
        .click();
    assertThat(henry.getByText("Recorded.")).isVisible();
    assertThat(henry.locator(".named-advisers")).containsText("Felix Wagner");
    assertThat(henry.locator(".named-advisers")).containsText("named by the decider");

    // Felix, on his phone, says he gave no such advice: a blank reason first, then his words
    String decision = henry.url();
    Page felix = phone("felix@example.com");
    felix.navigate(decision);
    felix.getByLabel("What was not so").fill("   ");
    felix
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dispute the advice"))
        .click();
    assertThat(felix.locator(".error-summary")).containsText("Say what was not so");
    assertThat(felix.getByLabel("What was not so")).hasValue("   ");
    felix.getByLabel("What was not so").fill("Henry never called me");
    felix
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dispute the advice"))
        .click();
    assertThat(felix.locator(".named-advisers")).containsText("Henry never called me");
    henry.reload();
    assertThat(henry.locator(".named-advisers")).containsText("disputed");
  }

  @Test
  void henryChecks800AsksMariaAndMariaApprovesInHerOwnBrowser() {
    Page maria = signedIn("maria@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    maria.navigate("/authority/requests");

    Page henry = phone("henry@example.com");
    ask(henry, "800");
    assertThat(henry.locator(".verdict-word")).hasText("Not yours to decide");
    henry.getByLabel("What should be decided").fill("800 EUR credit after the third failed repair");
    henry
        .getByLabel("Why, in one line", new Page.GetByLabelOptions().setExact(true))
        .last()
        .fill("Loyal customer, third failure");
    henry
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask Maria Lopez"))
        .click();
    assertThat(henry.locator(".notice")).containsText("Asked Maria Lopez");

    // Maria's open page refreshes itself: the request arrives without her reloading.
    assertThat(maria.getByText("800 EUR credit after the third failed repair"))
        .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(12_000));
    // one bad value: an adviser nobody is; the message and the typed address stay by the request
    com.microsoft.playwright.Locator request = requestOf(maria, "third failed repair");
    request.getByText("If your rule needs advice for this").click();
    request.getByLabel("Advice given by").fill("nobody@nowhere.example");
    maria
        .getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions()
                .setName("Approve 800 EUR credit after the third failed repair"))
        .click();
    assertThat(maria.locator(".error-summary")).containsText("nobody");
    assertThat(requestOf(maria, "third failed repair").getByLabel("Advice given by"))
        .hasValue("nobody@nowhere.example");
    requestOf(maria, "third failed repair").getByLabel("Advice given by").fill("");
    maria
        .getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions()
                .setName("Approve 800 EUR credit after the third failed repair"))
        .click();
    assertThat(maria.locator(".facts")).containsText("Maria Lopez");
    assertThat(maria.locator(".facts")).containsText("Henry Walsh");

    henry.navigate("/authority/requests");
    assertThat(
            henry
                .locator(".request")
                .filter(
                    new com.microsoft.playwright.Locator.FilterOptions()
                        .setHasText("800 EUR credit"))
                .first())
        .containsText("approved");
  }

  private static com.microsoft.playwright.Locator requestOf(Page page, String text) {
    return page.locator(".request")
        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(text))
        .first();
  }

  /** The kind of decision as Henry types it: a word of its name finds it, a stray word is named. */
  @Test
  void henryTypesTheKindInHisOwnWordsAndAnUnknownOneKeepsWhatHeTyped() {
    Page henry = phone("henry@example.com");
    henry.navigate("/authority/check");
    henry.getByLabel("Kind of decision").fill("parcel insurance");
    henry.getByLabel("Amount").fill("120");
    henry.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
    assertThat(henry.locator("#answer"))
        .containsText("No kind of decision matches “parcel insurance”");
    assertThat(henry.getByLabel("Kind of decision")).hasValue("parcel insurance");
    assertThat(henry.getByLabel("Amount")).hasValue("120");

    henry.getByLabel("Kind of decision").fill("Goodwill credit");
    henry.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
    assertThat(henry.locator(".verdict-word")).hasText("Yes, yours to decide");
    assertThat(henry.locator(".verdict")).not().containsText("customer.goodwill");
  }

  private Page phone(String email) {
    Page page = newPage(390, 844);
    signIn(page, email, BatonIntegrationTest.DEMO_PASSWORD);
    return page;
  }

  private static void ask(Page page, String amount) {
    page.navigate("/authority/check");
    page.getByLabel("Kind of decision").fill("goodwil"); // as a person types it, not a code
    page.getByLabel("Amount").fill(amount);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
    assertThat(page.locator(".verdict")).isVisible();
  }
}
