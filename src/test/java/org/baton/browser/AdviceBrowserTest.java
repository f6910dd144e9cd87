package org.baton.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import org.baton.BatonIntegrationTest;
import org.junit.jupiter.api.Test;

/** Story 2 of the product: the defect on the line, with advice arriving live. */
@BatonIntegrationTest
class AdviceBrowserTest extends BrowserSupport {

  private static final LocatorAssertions.IsVisibleOptions LIVE =
      new LocatorAssertions.IsVisibleOptions().setTimeout(8_000);

  @Test
  void oliviaLeadsTheDefectGetsAdviceLiveDecidesAndHandsTheLeadToPriya() {
    Page priya = signedIn("priya@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    Page felix = signedIn("felix@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    priya.navigate("/advice");
    felix.navigate("/advice");
    String priyaUnread = priya.locator("#unread").textContent();
    String felixUnread = felix.locator("#unread").textContent();

    Page olivia = onPhone("olivia@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    olivia.navigate("/initiatives/new");
    olivia.getByLabel("What needs to change").fill("Burr on parts after the tool change");
    olivia
        .getByLabel("What you see")
        .fill("Every part from line 3 has a burr since Monday's tool change.");
    olivia.getByLabel("Shift A").check();
    olivia
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start and lead it"))
        .click();
    assertThat(olivia.getByText("Started. You lead it.")).isVisible();

    olivia.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ask for advice")).click();
    // the question starts from the initiative
    assertThat(olivia.getByLabel("Your question or proposal"))
        .hasValue("Burr on parts after the tool change: what do you advise?");
    olivia.getByLabel("Your question or proposal").fill("Replace the tool holder on line 3?");
    // one bad value first (a deadline in the past): the message, and the context still there
    olivia.getByLabel("Context").fill("Since Monday; 40 parts scrapped so far.");
    olivia.getByLabel("Only the panel may see this request").check();
    olivia.getByLabel("Advice needed by").fill(LocalDate.now().minusDays(1).toString());
    olivia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask the panel")).click();
    assertThat(olivia.locator("#deadline-error")).isVisible();
    assertThat(olivia.getByLabel("Context")).hasValue("Since Monday; 40 parts scrapped so far.");
    assertThat(olivia.getByLabel("Only the panel may see this request")).isChecked();
    olivia.getByLabel("Only the panel may see this request").uncheck();
    assertThat(olivia.getByLabel("Your question or proposal"))
        .hasValue("Replace the tool holder on line 3?");
    olivia.getByLabel("Advice needed by").fill(LocalDate.now().plusDays(2).toString());
    // perspectives by name, each a chip (once the page's script has made the box)
    assertThat(olivia.locator("#perspectives-chips")).hasCount(1);
    olivia.getByLabel("Perspectives needed").fill("Production engineering, Finance");
    olivia.getByLabel("Perspectives needed").press("Enter");
    assertThat(olivia.locator("#perspectives-chips li")).hasCount(2);
    assertThat(olivia.locator("#perspectives-value")).hasValue("production-engineering, finance");
    // the people picker: part of a name is enough; Baton suggests whom to choose
    Locator others = olivia.getByLabel("Add others (separated by commas)");
    // the panel proposed again while she is in the next field keeps her there, though the page
    // still shows the error she corrected (the summary took the focus once, not again)
    others.focus();
    // what htmx announces after it replaced the panel (an outerHTML swap leaves its target
    // detached), without waiting on the request
    olivia.evaluate(
        "document.dispatchEvent(new CustomEvent('htmx:afterSwap',"
            + " {detail: {requestConfig: {}, target: document.createElement('fieldset')}}))");
    assertThat(others).isFocused();
    others.pressSequentially("Priy");
    // the panel proposed for the perspectives arrives while she types: her typing stays hers
    assertThat(others).hasValue("Priy");
    assertThat(olivia.locator("#addEmail-people option[value='priya@example.com']")).hasCount(1);
    others.fill("priya@example.com, Feli");
    assertThat(
            olivia.locator("#addEmail-people option[value='priya@example.com, felix@example.com']"))
        .hasCount(1);
    others.fill("priya@example.com, felix@example.com");
    olivia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask the panel")).click();
    assertThat(
            olivia.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Advice request")))
        .isVisible();
    String request = olivia.url();

    // The request arrives for Priya without her reloading: her unread count goes up.
    assertThat(priya.locator("#unread"))
        .not()
        .hasText(priyaUnread, new LocatorAssertions.HasTextOptions().setTimeout(8_000));

    assertThat(felix.locator("#unread"))
        .not()
        .hasText(felixUnread, new LocatorAssertions.HasTextOptions().setTimeout(8_000));

    priya.navigate(request);
    // the adviser reads the question beside what the initiative is about
    assertThat(priya.locator(".initiative-context"))
        .containsText("Every part from line 3 has a burr since Monday's tool change.");
    priya.getByLabel("Your stance").selectOption("SUPPORT_WITH_CONDITIONS");
    priya.getByLabel("Your reasons").fill("A new holder removes the play that causes the burr");
    priya
        .getByLabel("Conditions (when you support with conditions)")
        .fill("Check the first 50 parts");
    priya.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send advice")).click();

    // Olivia's open page shows Priya's advice without a reload.
    assertThat(olivia.locator("#advice"))
        .containsText(
            "A new holder removes the play",
            new LocatorAssertions.ContainsTextOptions().setTimeout(8_000));

    felix.navigate(request);
    felix.getByLabel("Your stance").selectOption("CONCERN");
    felix
        .getByLabel("Your reasons")
        .fill("900 EUR for the holder; scrap costs more, but budget it");
    felix.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send advice")).click();
    assertThat(olivia.locator("#advice"))
        .containsText(
            "900 EUR for the holder",
            new LocatorAssertions.ContainsTextOptions().setTimeout(8_000));
    assertThat(olivia.locator("#advice")).containsText("Concern: 1");
    // added by hand, each adviser's advice still stands under their perspective
    assertThat(
            olivia
                .locator("section.perspective")
                .filter(new Locator.FilterOptions().setHasText("Finance")))
        .containsText("Felix Wagner");
    assertThat(
            olivia
                .locator("section.perspective")
                .filter(new Locator.FilterOptions().setHasText("Production engineering")))
        .containsText("Priya Sharma");

    // one bad value (an amount that is none): the message, and everything typed still there
    olivia.getByLabel("Kind of decision").fill("Process change");
    olivia.getByLabel("Amount (if any)").fill("a lot");
    olivia.getByLabel("What you decided").fill("Replace the tool holder on line 3");
    olivia.getByLabel("Why, in one line").fill("Removes the burr; advice weighed");
    olivia
        .getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision and close"))
        .click();
    assertThat(olivia.locator(".error-summary")).isVisible();
    // the message stands beside the amount too, not only in the summary
    assertThat(olivia.locator("#amount-error")).isVisible();
    assertThat(olivia.getByLabel("Kind of decision")).hasValue("Process change");
    assertThat(olivia.getByLabel("What you decided")).hasValue("Replace the tool holder on line 3");
    assertThat(olivia.getByLabel("Why, in one line")).hasValue("Removes the burr; advice weighed");
    assertThat(olivia.getByLabel("Amount (if any)")).hasValue("a lot");

    olivia.getByLabel("Amount (if any)").fill("");
    olivia
        .getByRole(
            AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision and close"))
        .click();
    assertThat(olivia.getByText("Recorded. It is yours")).isVisible();
    assertThat(
            olivia.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the advice")))
        .isVisible();

    olivia.navigate("/initiatives");
    olivia
        .getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Burr on parts after the tool change"))
        .first()
        .click();
    // the initiative moved with the work: advice and decision on its timeline, now decided
    assertThat(olivia.locator(".timeline"))
        .containsText("asked for advice: Replace the tool holder on line 3?");
    assertThat(olivia.locator(".timeline"))
        .containsText("decided on that advice: Replace the tool holder on line 3");
    assertThat(olivia.locator(".badge").first()).hasText("Decided");
    // done without saying what came of it: told so at the note, with Done still chosen
    olivia.getByLabel("Status").selectOption("DONE");
    olivia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change status")).click();
    assertThat(olivia.locator("#status-note-error")).hasText("Say what came of it: the outcome.");
    assertThat(olivia.locator(".error-summary a[href='#status-note']")).isVisible();
    assertThat(olivia.getByLabel("Status")).hasValue("DONE");
    assertThat(olivia.locator(".badge").first()).hasText("Decided");
    // a comment of only spaces is refused at its field, and an empty one typed again
    olivia.getByLabel("Add an update or a comment").fill("   ");
    olivia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post")).click();
    assertThat(olivia.locator("#body-error")).hasText("Write something first.");
    olivia.getByLabel("Hand the lead to").fill("priya@example.com");
    olivia.getByLabel("Note").last().fill("You know the tooling best");
    olivia.onceDialog(dialog -> dialog.accept());
    olivia.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hand over")).click();
    assertThat(olivia.getByText("You handed the lead over; you support it now.")).isVisible();
    assertThat(olivia.locator(".facts dd").first()).hasText("Priya Sharma");
    assertThat(olivia.locator(".facts")).containsText("Olivia Brown");
    assertThat(olivia.locator(".timeline")).containsText("handed the lead to Priya Sharma");
  }
}
