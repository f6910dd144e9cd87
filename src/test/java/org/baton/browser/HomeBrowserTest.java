package org.baton.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.baton.advice.AdviceRequest;
import org.baton.advice.AdviceService;
import org.baton.decisions.DecisionDraft;
import org.baton.decisions.HolderRequest;
import org.baton.decisions.HolderRequests;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The home on a phone: a compact header (brand, "Can I decide?", notifications, a menu button),
 * what waits for Felix one tap from acting, and a new ask arriving while he looks; Henry's home
 * showing Maria's answer to his request as she gives it.
 */
@BatonIntegrationTest
class HomeBrowserTest extends BrowserSupport {

  @Autowired AdviceService advice;
  @Autowired Accounts accounts;
  @Autowired HolderRequests requests;

  @Test
  void felixSeesWhatWaitsForHimOnAPhoneAndANewAskArrivesLive() {
    String word = UUID.randomUUID().toString().substring(0, 8);
    BatonUser olivia = (BatonUser) accounts.loadUserByUsername("olivia@example.com");
    BatonUser felix = (BatonUser) accounts.loadUserByUsername("felix@example.com");
    AdviceRequest first = ask(olivia, felix, "Rework batch " + word + "?");

    Page page = newPage(390, 844);
    signIn(page, "felix@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    page.navigate("/");
    assertThat(page.locator(".site-header .header-check")).isVisible();
    assertThat(page.locator("#unread")).isVisible();
    assertThat(
            page.locator("#main-nav")
                .getByRole(
                    AriaRole.LINK,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Initiatives")))
        .isHidden();
    assertThat(page.locator(".brand")).hasAttribute("aria-current", "page");
    Object overflow =
        page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth");
    org.assertj.core.api.Assertions.assertThat(overflow)
        .as("no sideways scrolling on a phone")
        .isEqualTo(false);

    assertThat(page.locator("#agenda")).containsText("Rework batch " + word + "?");

    // asked again while he looks: it arrives without a reload
    AdviceRequest second = ask(olivia, felix, "Scrap batch " + word + "?");
    assertThat(page.locator("#agenda")).containsText("Scrap batch " + word + "?");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Rework batch " + word + "?"))
        .click();
    page.waitForURL("**/advice/" + first.id());
    org.assertj.core.api.Assertions.assertThat(second.id()).isNotEqualTo(first.id());

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
    page.locator("#main-nav")
        .getByRole(
            AriaRole.LINK,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Initiatives"))
        .click();
    page.waitForURL("**/initiatives");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
    assertThat(
            page.locator("#main-nav")
                .getByRole(
                    AriaRole.LINK,
                    new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Initiatives")))
        .hasAttribute("aria-current", "page");
  }

  @Test
  void henrysHomeShowsMariasAnswerToHisRequestAsSheGivesIt() {
    String word = UUID.randomUUID().toString().substring(0, 8);
    BatonUser henry = (BatonUser) accounts.loadUserByUsername("henry@example.com");
    BatonUser maria = (BatonUser) accounts.loadUserByUsername("maria@example.com");
    HolderRequest request =
        requests.ask(
            henry,
            maria.personId(),
            new DecisionDraft(
                "customer.goodwill",
                "Credit for a kettle " + word,
                "The third kettle in a row broke within a week.",
                Money.of("900", "EUR"),
                java.util.Map.of(),
                List.of(),
                null,
                "",
                null));

    Page page = newPage(390, 844);
    signIn(page, "henry@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    page.navigate("/");
    assertThat(page.locator("#agenda .requests"))
        .containsText("Credit for a kettle " + word + " waiting for Maria Lopez");

    // Maria approves while he looks: her answer arrives without a reload
    requests.approve(maria, request.id(), "");
    assertThat(page.locator("#agenda .requests"))
        .containsText("Credit for a kettle " + word + " approved by Maria Lopez");
    page.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Credit for a kettle " + word))
        .click();
    page.waitForURL("**/decisions/*");
    assertThat(page.locator("h1")).containsText("Credit for a kettle " + word);
  }

  private AdviceRequest ask(BatonUser asker, BatonUser adviser, String question) {
    return advice.ask(
        asker,
        new AdviceService.Ask(
            null,
            question,
            "",
            Instant.now().plus(Duration.ofDays(2)),
            List.of(),
            List.of(adviser.personId()),
            false,
            null,
            null));
  }
}
