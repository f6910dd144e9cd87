package org.baton.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Dialog;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.baton.BatonIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A group's say that ends in an accountable decision: Maria proposes, Olivia objects from the
 * notification on her phone in one tap, Maria sees it arrive live, answers it, closes and records
 * the outcome as her decision. One bad value at each form, with what was typed kept.
 */
@BatonIntegrationTest
class PollsBrowserTest extends BrowserSupport {

  private static final LocatorAssertions.IsVisibleOptions LIVE =
      new LocatorAssertions.IsVisibleOptions().setTimeout(8_000);

  private static Page.GetByRoleOptions named(String name) {
    return new Page.GetByRoleOptions().setName(name);
  }

  @Test
  void oliviaObjectsFromHerPhoneMariaAnswersClosesAndDecides() {
    Page maria = signedIn("maria@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    maria.onDialog(Dialog::accept);
    maria.navigate("/polls/new");
    maria.getByLabel("Consent to a proposal").check();
    maria.getByLabel("Title").fill("Goodwill of 40 EUR for every late delivery");
    maria.getByLabel("And these people").fill("olivia@example.com, henry@example.com");
    // one bad value: a consent poll without its proposal
    maria.getByRole(AriaRole.BUTTON, named("Ask")).click();
    assertThat(maria.locator("#details-error")).hasText("Write the proposal people consent to.");
    assertThat(maria.getByLabel("Title")).hasValue("Goodwill of 40 EUR for every late delivery");
    assertThat(maria.getByLabel("And these people"))
        .hasValue("olivia@example.com, henry@example.com");
    assertThat(maria.getByLabel("Consent to a proposal")).isChecked();
    maria
        .getByLabel("The proposal or the question")
        .fill("Every customer whose delivery is late gets 40 EUR goodwill, without asking.");
    maria.getByRole(AriaRole.BUTTON, named("Ask")).click();
    assertThat(
            maria.getByRole(AriaRole.HEADING, named("Goodwill of 40 EUR for every late delivery")))
        .isVisible();
    assertThat(maria.getByText("0 of 2 answered")).isVisible();

    // Olivia hears of it and answers from the notification, on her phone
    Page olivia = onPhone("olivia@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    olivia.navigate("/notifications");
    olivia
        .getByText("Maria Lopez asks your say: Goodwill of 40 EUR for every late delivery")
        .first()
        .click();
    assertThat(olivia.getByRole(AriaRole.BUTTON, named("Consent"))).isVisible();
    // an objection must say what harm it foresees
    olivia.getByRole(AriaRole.BUTTON, named("Object")).click();
    assertThat(olivia.locator("#reason-error")).isVisible();
    olivia
        .getByLabel("Your reason (an objection must say what harm you foresee)")
        .fill("It rewards complaints over loyal customers.");
    olivia.getByRole(AriaRole.BUTTON, named("Object")).click();
    olivia.waitForLoadState();
    assertThat(olivia.getByText("Your vote is in.")).isVisible();
    // her vote is said back to her, and the reason box is left empty for a new one
    assertThat(olivia.locator("#my-vote"))
        .hasText("Your vote: Object (It rewards complaints over loyal customers.)");
    assertThat(olivia.getByLabel("Your reason (an objection must say what harm you foresee)"))
        .hasValue("");

    // Maria's open page counts it without a reload
    assertThat(maria.getByText("Object: 1")).isVisible(LIVE);
    assertThat(
            maria.locator("#objections").getByText("It rewards complaints over loyal customers."))
        .isVisible(LIVE);
    maria
        .getByLabel("Why the proposal stands")
        .fill("Loyal customers get it too: every late delivery.");
    maria.getByRole(AriaRole.BUTTON, named("Answer the objection")).click();
    assertThat(maria.getByText("Answer: Loyal customers get it too: every late delivery."))
        .isVisible();

    maria.getByRole(AriaRole.BUTTON, named("Close the poll now")).click();
    assertThat(maria.getByRole(AriaRole.HEADING, named("Record the outcome"))).isVisible();
    maria.getByLabel("What kind of decision it is").fill("Goodwill credit");
    maria
        .getByLabel("Why", new Page.GetByLabelOptions().setExact(true))
        .fill("The desk consented; the objection is answered.");
    // one bad value: an amount that is no amount
    maria.getByLabel("Amount, if the kind of decision carries one").fill("lots");
    maria.getByRole(AriaRole.BUTTON, named("Record the decision")).click();
    assertThat(maria.locator("#amount-error")).isVisible();
    assertThat(maria.getByLabel("Why", new Page.GetByLabelOptions().setExact(true)))
        .hasValue("The desk consented; the objection is answered.");
    maria.getByLabel("Amount, if the kind of decision carries one").fill("40");
    maria.getByRole(AriaRole.BUTTON, named("Record the decision")).click();
    assertThat(maria.getByText("Goodwill of 40 EUR for every late delivery").first()).isVisible();
    assertThat(maria).hasURL(java.util.regex.Pattern.compile(".*/decisions/\\d+\\?recorded"));
    assertThat(maria.getByText("silent on this version (counted as consent) 1")).isVisible();
  }
}
