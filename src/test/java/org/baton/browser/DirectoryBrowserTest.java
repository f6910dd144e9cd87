package org.baton.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.baton.BatonIntegrationTest;
import org.baton.directory.Directory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@BatonIntegrationTest
class DirectoryBrowserTest extends BrowserSupport {

  @Autowired Directory directory;

  @Test
  void aDemoPersonSignsInSearchesAndOpensAColleague() {
    Page page = signedIn("henry@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    assertThat(page.getByText("Signed in as Henry Walsh")).isVisible();
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("What waits for you")))
        .isVisible(); // signing in lands on the home

    page.locator("#main-nav")
        .getByRole(
            AriaRole.LINK,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("People"))
        .click();
    page.getByLabel("Find people by name, title or perspective").fill("finance");
    // htmx replaces the results as the person types; no submit needed.
    assertThat(page.locator("#results .count")).hasText("7 people");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Felix Wagner")).click();

    assertThat(
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Felix Wagner")))
        .isVisible();
    assertThat(page.getByText("Finance Controller")).isVisible();
    assertThat(page.locator(".facts")).containsText("Ruth Baker");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Finance").setExact(true))
        .click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Members (6)")))
        .isVisible();
  }

  @Test
  void theSearchPageFitsAPhoneScreen() {
    Page page = newPage(390, 844);
    signIn(page, "olivia@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    page.navigate("/people?q=quality");
    assertThat(page.locator("#results .cards li").first()).isVisible();
    Object overflow =
        page.evaluate(
            "document.documentElement.scrollWidth > document.documentElement.clientWidth");
    assertThat(overflow).as("no sideways scrolling on a phone").isEqualTo(false);
  }

  @Test
  void anAdminImportsAFileWithOneBadRowSeesWhyAndNothingIsImported() {
    Page page = signedIn("admin", BatonIntegrationTest.ADMIN_PASSWORD);
    page.navigate("/admin/import");
    String csv =
        "email,name,title,team\n"
            + "browser1@example.com,Bea Browser,Clerk,Browser Team\n"
            + "browser2@example,Bo Browser,Clerk,Browser Team\n";
    page.getByLabel("CSV file")
        .setInputFiles(
            new FilePayload("people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();

    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Nothing was imported")))
        .isVisible();
    assertThat(page.locator("table.problems tbody tr")).hasCount(1);
    assertThat(page.locator("table.problems tbody tr td").nth(0)).hasText("3");
    assertThat(page.locator("table.problems tbody tr td").nth(1)).hasText("email");
    assertThat(directory.findPersonByEmail("browser1@example.com")).isEmpty();
    assertThat(directory.teams()).noneMatch(team -> team.name().equals("Browser Team"));
  }

  @Test
  void anOversizedUploadGetsTheFormBackWithTheReason() {
    Page page = signedIn("admin", BatonIntegrationTest.ADMIN_PASSWORD);
    page.navigate("/admin/import");
    byte[] big = new byte[11 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'a');
    page.getByLabel("CSV file").setInputFiles(new FilePayload("big.csv", "text/csv", big));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
    assertThat(page.locator("#file-error"))
        .hasText("The file is larger than 10 MB. Split it into smaller files.");
  }

  @Test
  void anAdminImportsAValidFileAndSeesTheResult() {
    Page page = signedIn("admin", BatonIntegrationTest.ADMIN_PASSWORD);
    page.navigate("/admin/import");
    StringBuilder csv = new StringBuilder("email,name,title,team,parent_team\n");
    for (int i = 0; i < 3000; i++) {
      csv.append("bulk")
          .append(i)
          .append("@example.com,Bulk Person ")
          .append(i)
          .append(",Clerk,Bulk Team,Sales\n");
    }
    page.getByLabel("CSV file")
        .setInputFiles(
            new FilePayload(
                "bulk.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import")).click();
    assertThat(page.getByText("Imported: 3000 people added, 0 updated, 1 new teams."))
        .isVisible(
            new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(30_000));
    assertThat(directory.findPersonByEmail("bulk2999@example.com")).isPresent();
  }

  @Test
  void aMemberIsNotShownTheAdminPages() {
    Page page = signedIn("henry@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Import")))
        .hasCount(0);
    var response = page.navigate("/admin/import");
    assertThat(response.status()).isEqualTo(403);
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not allowed")))
        .isVisible();
  }
}
