package org.baton.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.baton.BatonIntegrationTest;
import org.baton.Demo;
import org.baton.authority.AuthorityAdministration;
import org.baton.authority.DecisionType;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.DecisionRecord;
import org.baton.directory.Directory;
import org.baton.growth.GrowthSuggestions;
import org.baton.growth.TrackRecords;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.Money;
import org.baton.platform.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Story 7 through the pages: Aisha's record (forty returns handled within scope, none reversed)
 * earns a suggestion; she reads it on her phone; Maria, who owns the rule that limits her, opens
 * it, types a bad limit first (the message, and her note still there), raises the limit, and
 * Aisha's next check on her phone is within it. The record itself is built through the decision
 * record, as months of work would build it; a type of its own keeps the raise from giving anyone
 * authority other tests rely on.
 */
@BatonIntegrationTest
class GrowthBrowserTest extends BrowserSupport {

  private static final String TYPE = "test.growth.returns";

  @Autowired DecisionRecord decisions;
  @Autowired TrackRecords records;
  @Autowired GrowthSuggestions suggestions;
  @Autowired AuthorityAdministration administration;
  @Autowired Directory directory;
  @Autowired Accounts accounts;

  @Test
  void aishasRecordEarnsARaiseMariaApprovesItFromThePageAndAishasNextCheckIsWithinIt() {
    BatonUser aisha = account("aisha@example.com");
    BatonUser maria = account("maria@example.com");
    rules(maria, account("sam@example.com"));
    for (int i = 0; i < 40; i++) {
      decisions.record(
          aisha,
          new DecisionDraft(
              TYPE,
              "Took back a late return",
              "Within the returns rule",
              Money.of(i < 10 ? "400" : "100", "EUR"),
              Map.of(),
              List.of(),
              null,
              "",
              null));
    }
    awaitSuggestionFor(maria);

    Page phone = newPage(390, 844);
    signIn(phone, "aisha@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    phone.navigate("/authority/growth-suggestions");
    phone
        .getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions()
                .setName("Your own track record, and what your next step needs"))
        .click();
    Locator returns =
        phone.locator(
            "section.card", new Page.LocatorOptions().setHasText("Late returns taken back"));
    assertThat(returns).containsText("The record has earned a higher limit");
    assertThat(returns).containsText("Suggested to Maria Lopez");

    Page laptop = signedIn("maria@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    laptop.navigate("/authority/growth-suggestions");
    laptop
        .getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Aisha Bello: Late returns taken back"))
        .click();
    assertThat(laptop.locator("h1"))
        .containsText("Raise Aisha Bello's limit for Late returns taken back?");
    assertThat(laptop.locator("main")).not().containsText(TYPE);
    laptop.getByLabel("New limit (EUR)").fill("nine hundred");
    laptop.getByLabel("Note (optional)").fill("Forty returns and not one reversed.");
    laptop
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise the limit"))
        .click();
    assertThat(laptop.locator(".error-summary")).isVisible();
    assertThat(laptop.locator("#limit-error")).isVisible();
    assertThat(laptop.getByLabel("New limit (EUR)")).hasValue("nine hundred");
    assertThat(laptop.getByLabel("Note (optional)"))
        .hasValue("Forty returns and not one reversed.");

    laptop.getByLabel("New limit (EUR)").fill("900");
    laptop
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Raise the limit"))
        .click();
    assertThat(laptop.getByText("The limit is raised; the person is told.")).isVisible();
    assertThat(laptop.locator(".badge").first()).hasText("raised");

    phone.navigate("/authority/check");
    phone.getByLabel("Kind of decision").fill("Late returns taken back");
    phone.getByLabel("Amount").fill("800");
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
    assertThat(phone.locator(".verdict-word")).hasText("Yes, yours to decide");
    assertThat(phone.locator(".verdict")).containsText("900");
  }

  private void rules(BatonUser maria, BatonUser sam) {
    long serviceDesk = Demo.teamId(directory, "Service Desk");
    SystemTask.runAsAdmin(
        () -> {
          administration.saveType(
              new DecisionType(TYPE, "Late returns taken back", "", true, false));
          administration.createRule(
              account("admin"),
              Demo.leaderRule(
                  TYPE,
                  serviceDesk,
                  "2000",
                  sam.personId(),
                  "The service desk's leader decides the larger returns."));
          return administration.createRule(
              account("admin"),
              Demo.teamRule(TYPE, serviceDesk, "500", maria.personId(), "The desk decides."));
        });
  }

  /** The growth follower runs on its own schedule; this asks it to read the record now. */
  private void awaitSuggestionFor(BatonUser owner) {
    Instant until = Instant.now().plus(Duration.ofSeconds(20));
    while (suggestions.waitingFor(owner).stream().noneMatch(s -> s.decisionType().equals(TYPE))) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("No suggestion within 20 s");
      }
      records.follow();
    }
  }

  private BatonUser account(String username) {
    return (BatonUser) accounts.loadUserByUsername(username);
  }
}
