package org.baton.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.baton.BatonIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Story 5, the change team: Priya opens the sustainability change team's supplier role; Olivia
 * applies with her passion, knowledge, network and 3 hours a week; her team leader Ines can give 2;
 * Priya and Olivia talk it over in the thread (each sees the other's message arrive) and agree a
 * match at 2 hours; Olivia holds the role, and the check shows the authority that came with it.
 */
@BatonIntegrationTest
class RolesBrowserTest extends BrowserSupport {

  private static final LocatorAssertions.ContainsTextOptions LIVE =
      new LocatorAssertions.ContainsTextOptions().setTimeout(8_000);

  @Test
  void oliviaTakesOnTheSupplierRoleAfterAnHonestConversationAboutHerTime() {
    Page priya = signedIn("priya@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    priya.navigate("/roles");
    link(priya, "Supplier sustainability lead").click();
    assertThat(priya.locator("main")).containsText("Open for applications");
    assertThat(priya.locator("main")).containsText("Tool purchase up to 5000");

    Page olivia = onPhone("olivia@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    olivia.navigate("/roles");
    link(olivia, "Supplier sustainability lead").click();
    olivia
        .getByLabel("Passion: why you want this role")
        .fill("Our scrap bins fill with packaging.");
    olivia.getByLabel("Knowledge: your perspectives").fill("Safety");
    olivia.getByLabel("What else you know").fill("I sorted supplier returns for two years.");
    olivia.getByLabel("Network: people you can reach").fill("clara@example.com");
    olivia.getByLabel("Network: teams you can reach").fill("Quality");
    // one bad value first: the message, and everything typed still there
    olivia.getByLabel("Time: hours a week").fill("three");
    button(olivia, "Apply").click();
    assertThat(olivia.locator(".error-summary")).isVisible();
    assertThat(olivia.getByLabel("Passion: why you want this role"))
        .hasValue("Our scrap bins fill with packaging.");
    assertThat(olivia.locator("#perspectives-chips")).hasText("Safety×");
    assertThat(olivia.getByLabel("What else you know"))
        .hasValue("I sorted supplier returns for two years.");
    assertThat(olivia.getByLabel("Network: people you can reach")).hasValue("clara@example.com");
    assertThat(olivia.locator("#networkTeams-chips")).hasText("Quality×");
    assertThat(olivia.getByLabel("Time: hours a week")).hasValue("three");
    olivia.getByLabel("Time: hours a week").fill("3");
    button(olivia, "Apply").click();
    assertThat(olivia.locator("h1")).containsText("Olivia Brown for Supplier sustainability lead");
    assertThat(olivia.locator("main")).containsText("Clara Vogel");
    assertThat(olivia.locator("main")).containsText("Asked Ines Costa; no answer yet.");
    String application = olivia.url();

    Page ines = signedIn("ines@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    ines.navigate("/notifications");
    ines.getByText("Olivia Brown applied for Supplier sustainability lead").first().click();
    ines.getByLabel("Adjust to").check();
    ines.getByLabel("Hours a week (to adjust)").fill("2");
    ines.getByLabel("Note").fill("Two hours: the night shift is short-handed.");
    button(ines, "Answer").click();
    assertThat(ines.locator("main")).containsText("Ines Costa can give 2 h a week.");
    // her open page hears the answer without a reload
    assertThat(olivia.locator("main")).containsText("Ines Costa can give 2 h a week.", LIVE);

    priya.navigate(application);
    priya.getByLabel("Your message").fill("Could two hours cover the ten largest suppliers?");
    button(priya, "Send").click();
    assertThat(olivia.locator("main")).containsText("ten largest suppliers", LIVE);
    olivia.getByLabel("Your message").fill("Yes, if I start with the tooling suppliers.");
    button(olivia, "Send").click();
    assertThat(priya.locator("main")).containsText("start with the tooling suppliers", LIVE);

    priya.getByLabel("Hours a week", new Page.GetByLabelOptions().setExact(true)).fill("2");
    priya.getByLabel("What they commit to").fill("Tooling suppliers first; a report-out in March.");
    button(priya, "Propose").click();
    assertThat(priya.locator("main")).containsText("Waiting for the other side to agree.");
    assertThat(olivia.locator("main")).containsText("Priya Sharma proposes: 2 h a week", LIVE);
    button(olivia, "Agree the match").click();
    assertThat(olivia.locator("main"))
        .containsText("Matched: Olivia Brown holds the role at 2 h a week.");

    link(olivia, "Supplier sustainability lead").click();
    olivia.waitForURL(java.util.regex.Pattern.compile(".*/roles/\\d+$"));
    String rolePage = olivia.url();
    assertThat(olivia.locator("main")).containsText("Proposed");
    link(olivia, "Olivia Brown").click();
    assertThat(olivia.locator(".person-roles")).containsText("Supplier sustainability lead");
    assertThat(olivia.locator(".person-roles")).containsText("2 of 4 h a week");

    // the role's tool-purchase rule is Karl's: its authority waits for him
    olivia.navigate("/authority/check");
    olivia.getByLabel("Kind of decision").fill("purchasing.tools");
    olivia.getByLabel("Amount").fill("3000");
    button(olivia, "Check").click();
    assertThat(olivia.locator(".verdict")).containsText("Not yours to decide");

    Page karl = signedIn("karl@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    karl.navigate(rolePage);
    assertThat(karl.locator("main")).containsText("Proposed");
    karl.getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions()
                .setName("Approve Olivia Brown holding Supplier sustainability lead"))
        .click();
    assertThat(karl.locator(".notice").first()).containsText("Approved");

    olivia.navigate("/authority/check");
    olivia.getByLabel("Kind of decision").fill("purchasing.tools");
    olivia.getByLabel("Amount").fill("3000");
    button(olivia, "Check").click();
    assertThat(olivia.locator(".verdict")).containsText("as Supplier sustainability lead");
  }

  private static com.microsoft.playwright.Locator link(Page page, String name) {
    return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).first();
  }

  private static com.microsoft.playwright.Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }
}
