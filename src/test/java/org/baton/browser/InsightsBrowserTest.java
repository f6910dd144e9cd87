package org.baton.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import org.baton.BatonIntegrationTest;
import org.junit.jupiter.api.Test;

/** Sam opens insights on a phone, filters to Service Desk, reads the shares and takes the CSV. */
@BatonIntegrationTest
class InsightsBrowserTest extends BrowserSupport {

  @Test
  void samSeesWhereServiceDeskDecidesOnAPhoneAndDownloadsTheNumbers() throws Exception {
    Page page = newPage(390, 844);
    signIn(page, "sam@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    page.navigate("/insights");
    page.getByLabel("Team (with the teams below it)").selectOption(new String[] {"Service Desk"});
    page.getByLabel("From").fill(java.time.LocalDate.now().minusMonths(12).toString());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();

    // one screen first: the four numbers of the last whole month, with their trend
    assertThat(page.locator("#summary dt")).hasCount(4);
    assertThat(page.locator("#summary")).containsText("Decided at the front line");
    assertThat(page.locator("#summary")).containsText("is still under way");
    // the demo's clerks decide goodwill credits themselves: the front line has a share
    assertThat(page.locator("#where-shares")).containsText("At the front line");
    assertThat(page.locator("table").first()).containsText("(so far)");
    assertThat(page.locator("table caption").first()).hasText("Decisions by month");
    // where work waits: the demo's last large credit still waits for Maria
    assertThat(page.locator(".slowest-holders tbody tr").first()).containsText("Maria Lopez");
    assertThat(page.locator("#fast-measures"))
        .containsText("Requests to holders: asked to answered");
    // the charts are below the first screen: Chart.js is fetched only when one comes near, and
    // draws it into the height it had, so nothing moves
    org.assertj.core.api.Assertions.assertThat(page.evaluate("typeof window.Chart"))
        .as("Chart.js before any chart is near")
        .isEqualTo("undefined");
    double before = page.locator("#places-chart").boundingBox().height;
    page.locator("#places-chart").scrollIntoViewIfNeeded();
    page.waitForFunction(
        "() => window.Chart && window.Chart.getChart(document.getElementById('places-chart'))");
    org.assertj.core.api.Assertions.assertThat(page.locator("#places-chart").boundingBox().height)
        .isEqualTo(before);
    Object overflow =
        page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth");
    org.assertj.core.api.Assertions.assertThat(overflow)
        .as("no sideways scrolling on a phone")
        .isEqualTo(false);

    Download csv =
        page.waitForDownload(
            () ->
                page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                            .setName("Download where decisions are made as CSV"))
                    .click());
    String text = Files.readString(csv.path());
    org.assertj.core.api.Assertions.assertThat(text)
        .startsWith("month,total,front_line,team_leaders,via_holders\n")
        .containsPattern("\\d{4}-\\d{2},[1-9]\\d*,");

    page.getByLabel("From").fill("2026-12-31");
    page.getByLabel("To").fill("2026-01-01");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
    assertThat(page.locator("#from-error")).hasText("The period starts after it ends.");
  }
}
