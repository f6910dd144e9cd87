package org.baton.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import org.baton.BatonIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Story 4, the strategic dialogue: Sam opens a round; Olivia and Henry contribute and Priya
 * supports Olivia's, which Olivia sees live; Sam answers each, and publishing is refused until the
 * last is answered; Olivia hears her answer, and her initiative names the adopted priority, whose
 * page shows it.
 */
@BatonIntegrationTest
class DialogueBrowserTest extends BrowserSupport {

  private static final LocatorAssertions.ContainsTextOptions LIVE =
      new LocatorAssertions.ContainsTextOptions().setTimeout(8_000);

  @Test
  void everyContributionIsAnsweredBeforeTheRoundIsPublished() {
    Page sam = signedIn("sam@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    sam.navigate("/dialogues/new");
    sam.getByLabel("Title").fill("Spring dialogue on tooling");
    sam.getByLabel("The questions you ask (Markdown)").fill("What slows you down at the machine?");
    // one bad value first: answers due before contributions close
    sam.getByLabel("Contributions close on").fill(LocalDate.now().plusDays(10).toString());
    sam.getByLabel("Answers due by").fill(LocalDate.now().plusDays(5).toString());
    button(sam, "Open the round").click();
    assertThat(sam.locator(".error-summary")).isVisible();
    assertThat(sam.getByLabel("Title")).hasValue("Spring dialogue on tooling");
    assertThat(sam.getByLabel("The questions you ask (Markdown)"))
        .hasValue("What slows you down at the machine?");
    assertThat(sam.getByLabel("Contributions close on"))
        .hasValue(LocalDate.now().plusDays(10).toString());
    assertThat(sam.getByLabel("Answers due by")).hasValue(LocalDate.now().plusDays(5).toString());
    sam.getByLabel("Answers due by").fill(LocalDate.now().plusDays(20).toString());
    button(sam, "Open the round").click();
    assertThat(
            sam.getByRole(
                AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Spring dialogue on tooling")))
        .isVisible();
    String round = sam.url();

    Page olivia = onPhone("olivia@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    olivia.navigate(round);
    contribute(olivia, "Let operators order inserts up to 100 EUR themselves.");
    Page henry = onPhone("henry@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    henry.navigate(round);
    // one bad value (only spaces): the message beside the text, and the kind he chose kept
    henry.getByLabel("Question").check();
    henry.getByLabel("Your contribution (Markdown)").fill("   ");
    button(henry, "Contribute").click();
    assertThat(henry.locator("#body-error")).isVisible();
    assertThat(henry.getByLabel("Question")).isChecked();
    contribute(henry, "Can the desk see the tooling backlog when customers ask?");

    Page priya = signedIn("priya@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    priya.navigate(round);
    contribution(priya, "order inserts")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Support"))
        .click();
    // Olivia's open page shows the support without a reload
    assertThat(contribution(olivia, "order inserts")).containsText("1 supports this", LIVE);

    // one bad answer first (no reason): the message beside it, and the state he chose kept
    sam.navigate(round);
    contribution(sam, "order inserts")
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Answer it"))
        .click();
    sam.getByLabel("Adopted", new Page.GetByLabelOptions().setExact(true)).check();
    sam.getByLabel("Why (the contributor reads it)").fill("   ");
    button(sam, "Answer").click();
    assertThat(sam.locator("#answer-error")).isVisible();
    assertThat(sam.getByLabel("Adopted", new Page.GetByLabelOptions().setExact(true))).isChecked();
    answer(sam, round, "order inserts", "Adopted", "From January, up to 100 EUR per order.");
    sam.navigate(round);
    sam.getByLabel("What we take from this round, and what changes in the priorities (Markdown)")
        .fill("Operators order small tooling themselves.");
    button(sam, "Publish the round").click();
    assertThat(sam.locator(".error-summary")).containsText("not answered yet");

    answer(
        sam, round, "tooling backlog", "Will explore", "We look at showing it on the desk screen.");
    sam.navigate(round);
    sam.getByLabel("What we take from this round, and what changes in the priorities (Markdown)")
        .fill("Operators order small tooling themselves.");
    sam.getByLabel("Halve the cost of quality").check();
    button(sam, "Publish the round").click();
    assertThat(sam.getByText("Published; everyone is told.")).isVisible();
    assertThat(sam.locator("#summary-h")).isVisible();

    olivia.navigate("/notifications");
    assertThat(olivia.locator("main"))
        .containsText("answered your contribution to Spring dialogue on tooling");

    olivia.navigate("/initiatives/new");
    olivia.getByLabel("What needs to change").fill("Insert ordering at line 3");
    olivia
        .getByLabel("The priority it serves (optional)")
        .selectOption(
            new com.microsoft.playwright.options.SelectOption()
                .setLabel("Halve the cost of quality"));
    button(olivia, "Start and lead it").click();
    assertThat(olivia.locator("main")).containsText("Halve the cost of quality");
    olivia
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Halve the cost of quality"))
        .click();
    assertThat(olivia.locator("main")).containsText("Insert ordering at line 3");
    assertThat(olivia.locator("main")).containsText("led from the front line");
  }

  private static void contribute(Page page, String text) {
    page.getByLabel("Your contribution (Markdown)").fill(text);
    button(page, "Contribute").click();
    assertThat(page.getByText("your contribution is in")).isVisible();
  }

  private static Locator contribution(Page page, String text) {
    return page.locator("#contributions li").filter(new Locator.FilterOptions().setHasText(text));
  }

  private static void answer(Page sam, String round, String text, String state, String why) {
    sam.navigate(round);
    contribution(sam, text)
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Answer it"))
        .click();
    sam.getByLabel(state, new Page.GetByLabelOptions().setExact(true)).check();
    sam.getByLabel("Why (the contributor reads it)").fill(why);
    button(sam, "Answer").click();
    assertThat(sam.getByText("Answered; the contributor is told.")).isVisible();
  }

  private static Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }
}
