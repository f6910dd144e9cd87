package org.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.baton.BatonIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every main page on the narrowest common phone (360 px), for a front-line person and for a leader
 * who sees more: nothing scrolls sideways and no script fails. A page added later is covered by
 * adding it to {@link #MAIN_PAGES}.
 */
@BatonIntegrationTest
class MainPagesBrowserTest extends BrowserSupport {

  static final List<String> MAIN_PAGES =
      List.of(
          "/",
          "/authority/check",
          "/decisions",
          "/initiatives",
          "/advice",
          "/learning",
          "/strategy",
          "/figures",
          "/dialogues",
          "/roles",
          "/insights",
          "/notifications",
          "/people",
          "/authority/rules",
          "/authority/growth-suggestions");

  @ParameterizedTest
  @ValueSource(strings = {"henry@example.com", "sam@example.com"})
  void everyMainPageFitsAPhone(String person) {
    Page phone = newPage(360, 740);
    signIn(phone, person, BatonIntegrationTest.DEMO_PASSWORD);
    List<String> wide = new ArrayList<>();
    for (String path : MAIN_PAGES) {
      assertThat(phone.navigate(path).status()).as(path).isEqualTo(200);
      Object overflow =
          phone.evaluate(
              "document.documentElement.scrollWidth - document.documentElement.clientWidth");
      if (((Number) overflow).intValue() > 0) {
        wide.add(path + " by " + overflow + " px");
      }
    }
    assertThat(wide).as("pages that scroll sideways on a phone").isEmpty();

    // the header is one row: brand, "Can I decide?", notifications and the menu button
    Object rows =
        phone.evaluate(
            "new Set(['.brand', '.header-check', '.header-notifications', '.menu-button']"
                + ".map(s => Math.round(document.querySelector(s).getBoundingClientRect().top"
                + " / 16))).size");
    assertThat(((Number) rows).intValue()).as("rows of the phone's header").isEqualTo(1);
    // every page asks for the icon: it is there (no 404 logged on each load)
    assertThat(phone.request().get("/favicon.ico").status()).isEqualTo(200);
  }

  /** The menu offers what a person does: an operator's has no rules, delegations or API tokens. */
  @Test
  void anOperatorsMenuIsHerWorkAndALeadersHasTheRules() {
    Page olivia = newPage(360, 740);
    signIn(olivia, "olivia@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    assertThat(olivia.locator("#main-nav a").allTextContents())
        .contains("Initiatives", "Advice", "Decisions", "Learning")
        .doesNotContain("Rules", "Delegations", "API tokens");

    Page maria = newPage(360, 740);
    signIn(maria, "maria@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    assertThat(maria.locator("#main-nav a").allTextContents())
        .contains("Rules", "Delegations", "API tokens");
  }

  /** The admin's pages fit a phone too: tables and mail scroll or wrap inside the page. */
  @Test
  void theAdminsPagesFitAPhone() {
    Page admin = newPage(360, 740);
    signIn(admin, "admin", BatonIntegrationTest.ADMIN_PASSWORD);
    List<String> wide = new ArrayList<>();
    for (String path : List.of("/admin/mail", "/admin/invitations", "/admin/import")) {
      assertThat(admin.navigate(path).status()).as(path).isEqualTo(200);
      Object overflow =
          admin.evaluate(
              "document.documentElement.scrollWidth - document.documentElement.clientWidth");
      if (((Number) overflow).intValue() > 0) {
        wide.add(path + " by " + overflow + " px");
      }
    }
    assertThat(wide).as("admin pages that scroll sideways on a phone").isEmpty();
  }
}
