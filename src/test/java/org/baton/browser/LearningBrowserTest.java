package org.baton.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.LocalDate;
import org.baton.BatonIntegrationTest;
import org.baton.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Stories 3 (the mistake, and its lesson at the next decision) and 6 (the report-out round). */
@BatonIntegrationTest
class LearningBrowserTest extends BrowserSupport {

  private static final LocatorAssertions.ContainsTextOptions LIVE =
      new LocatorAssertions.ContainsTextOptions().setTimeout(8_000);

  @Autowired TestClock clock;

  @Test
  void henrysReversedCreditBecomesTheLessonAishaSeesAndAcknowledgesTwoMonthsLater() {
    Page henry = onPhone("henry@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    check(henry, "400");
    henry.getByLabel("What you decided").fill("400 EUR goodwill credit for a damaged parcel");
    henry.getByLabel("Why, in one line").fill("Parcel arrived crushed; long-standing customer");
    henry.getByLabel("Advice from finance given by").fill("felix@example.com");
    henry.getByLabel("What the advice was (optional)").fill("Felix supported it");
    button(henry, "Record decision").click();
    assertThat(henry.getByText("Recorded.")).isVisible();

    henry.getByLabel("Why it is reversed").fill("The customer had been credited for it already");
    henry.onceDialog(dialog -> dialog.accept());
    button(henry, "Reverse").click();
    henry
        .getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Write a learning review of this decision"))
        .click();

    henry.getByLabel("Title").fill("Goodwill credited twice for one damaged parcel");
    henry.getByLabel("What happened").fill("It was my fault: I credited 400 EUR a second time.");
    assertThat(henry.locator("#hints")).containsText("my fault", LIVE);
    henry
        .getByLabel("What happened")
        .fill("We credited 400 EUR a second time: earlier credits are not on the counter screen.");
    assertThat(henry.locator("#hints")).not().containsText("my fault", LIVE);
    henry
        .getByLabel("What we learned")
        .fill("Before a goodwill credit, open the customer's credit history.");
    henry.getByLabel("information").check();
    // the review starts with the decision and its kind
    assertThat(henry.locator("#decisionTypes-chips")).containsText("Goodwill credit");
    String decision = henry.getByLabel("Decisions (numbers)").inputValue();
    // two bad values first: both named at once, and everything typed still there
    henry.getByLabel("Decisions (numbers)").fill(decision + ", the parcel one");
    henry.getByLabel("Owner 1").fill("henry@example.com");
    henry.getByLabel("Action 1").fill("Show earlier credits on the counter screen");
    henry.getByLabel("Due 1").fill(java.time.LocalDate.now().minusDays(1).toString());
    button(henry, "Save draft").click();
    assertThat(henry.locator(".error-summary")).containsText("Decisions (numbers)");
    assertThat(henry.locator(".error-summary")).containsText("Due 1: The due date is in the past");
    assertThat(henry.getByLabel("Title"))
        .hasValue("Goodwill credited twice for one damaged parcel");
    assertThat(henry.getByLabel("What we learned"))
        .hasValue("Before a goodwill credit, open the customer's credit history.");
    assertThat(henry.getByLabel("Action 1")).hasValue("Show earlier credits on the counter screen");
    henry.getByLabel("Decisions (numbers)").fill(decision);
    henry.getByLabel("Due 1").fill(java.time.LocalDate.now().plusDays(14).toString());
    henry.getByLabel("Decision types it touches").fill("Goodwill credit");
    button(henry, "Save draft").click();
    assertThat(henry.getByText("Saved as a draft")).isVisible();
    button(henry, "Publish").click();
    assertThat(henry.getByText("Published.")).isVisible();

    clock.advance(Duration.ofDays(61));
    try {
      Page aisha = onPhone("aisha@example.com", BatonIntegrationTest.DEMO_PASSWORD);
      check(aisha, "300");
      assertThat(aisha.locator(".similar"))
          .containsText("Goodwill credited twice for one damaged parcel", LIVE);
      aisha
          .locator(".similar-learning")
          .filter(
              new com.microsoft.playwright.Locator.FilterOptions()
                  .setHasText("Goodwill credited twice"))
          .getByRole(
              AriaRole.BUTTON,
              new com.microsoft.playwright.Locator.GetByRoleOptions().setName("This helped me"))
          .click();
      assertThat(aisha.locator(".similar")).containsText("Helped you ✓", LIVE);
      // asked again, the answer shows what she marked (read from the server, not the last swap)
      check(aisha, "300");
      assertThat(
              aisha
                  .locator(".similar-learning")
                  .filter(
                      new com.microsoft.playwright.Locator.FilterOptions()
                          .setHasText("Goodwill credited twice")))
          .containsText("Helped you ✓", LIVE);
      aisha.getByLabel("What you decided").fill("300 EUR goodwill credit for a late delivery");
      aisha.getByLabel("Why, in one line").fill("Checked the credit history first: none before");
      aisha.getByLabel("Advice from finance given by").fill("felix@example.com");
      button(aisha, "Record decision").click();
      assertThat(aisha.getByText("Recorded.")).isVisible();
      assertThat(aisha.locator(".learnings-shown")).containsText("acknowledged");
    } finally {
      clock.reset();
    }
  }

  @Test
  void mariasRoundFillsAsClerksPostAndTheFeedShowsItLiveToAReaderWhoComments() {
    Page reader = signedIn("lena@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    reader.navigate("/learning/feed");

    Page maria = signedIn("maria@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    maria.navigate("/learning/rounds/new");
    maria
        .getByLabel("What each of you should do")
        .fill("Each of us asks one customer about returns");
    maria.getByLabel("Post by").fill(LocalDate.now().plusDays(4).toString());
    button(maria, "Start the round").click();
    assertThat(maria.locator("#posts")).containsText("Still to post");
    String round = maria.url();

    for (String clerk : new String[] {"nina@example.com", "omar@example.com"}) {
      // each clerk, on a phone, finds the report-out she owes on her home
      Page page = newPage(390, 844);
      signIn(page, clerk, BatonIntegrationTest.DEMO_PASSWORD);
      page.locator(".agenda li")
          .filter(
              new com.microsoft.playwright.Locator.FilterOptions()
                  .setHasText("Each of us asks one customer about returns"))
          .getByRole(AriaRole.LINK)
          .click();
      assertThat(page.locator("main")).containsText("Each of us asks one customer about returns");
      String title = "Returns interview by " + clerk.substring(0, clerk.indexOf('@'));
      page.getByLabel("Title").fill(title);
      page.getByLabel("What you learned").fill("The return label is hard to find in the e-mail.");
      // one bad value first: the message, and everything typed still there
      page.getByLabel("Tags").fill("returns, #customer!");
      button(page, "Post").click();
      assertThat(page.locator(".error-summary")).isVisible();
      assertThat(page.getByLabel("Title")).hasValue(title);
      assertThat(page.getByLabel("What you learned"))
          .hasValue("The return label is hard to find in the e-mail.");
      assertThat(page.locator("#tags-chips")).containsText("#customer!");
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove #customer!"))
          .click();
      page.getByLabel("Tags").fill("customer");
      button(page, "Post").click();
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title)))
          .isVisible();
      // the reader's open feed shows it without a reload
      assertThat(reader.locator("#entries")).containsText(title, LIVE);
    }
    assertThat(maria.locator("#posts")).containsText("Posted (2)", LIVE);

    reader
        .locator(".feed-item")
        .filter(
            new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Returns interview by nina"))
        .getByLabel("Comment")
        .fill("Same in my calls: we should print it on the box.");
    reader
        .locator(".feed-item")
        .filter(
            new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Returns interview by nina"))
        .getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Comment"))
        .click();
    assertThat(reader.locator("#entries")).containsText("we should print it on the box");
  }

  private static void check(Page page, String amount) {
    page.navigate("/authority/check");
    page.getByLabel("Kind of decision").fill("customer.goodwill");
    page.getByLabel("Amount").fill(amount);
    page.getByLabel("Currency").fill("EUR");
    button(page, "Check").click();
    assertThat(page.locator("#answer")).containsText("Yours after advice");
  }

  private static com.microsoft.playwright.Locator button(Page page, String name) {
    return page.getByRole(
        AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
  }
}
