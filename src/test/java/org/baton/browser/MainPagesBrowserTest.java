package org.baton.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
          // the answer, with similar learnings and priorities loaded after it
          "/authority/check?type=customer.goodwill&amount=40",
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

  /** Adds up every layout shift not caused by the person's own input, from the first paint on. */
  private static final String MEASURE_SHIFTS =
      "window.__shift = 0; new PerformanceObserver((list) => { for (const e of list.getEntries())"
          + " { if (!e.hadRecentInput) { window.__shift += e.value; } } })"
          + ".observe({type: 'layout-shift', buffered: true});";

  /** Waits until what a page loads after itself (htmx slots, live counts) has arrived. */
  private static final String SETTLED =
      "() => document.readyState === 'complete' && !document.querySelector('[hx-trigger=\"load\"]')"
          + " && !document.querySelector('.htmx-request')";

  private static final String AXE = axeSource();

  @ParameterizedTest
  @ValueSource(strings = {"henry@example.com", "sam@example.com", "maria@example.com"})
  void everyMainPageFitsAPhone(String person) {
    Page phone = newPage(360, 740);
    phone.addInitScript(MEASURE_SHIFTS);
    signIn(phone, person, BatonIntegrationTest.DEMO_PASSWORD);
    List<String> wide = new ArrayList<>();
    List<String> shifting = new ArrayList<>();
    List<String> inaccessible = new ArrayList<>();
    List<String> twoRowHeaders = new ArrayList<>();
    for (String path : MAIN_PAGES) {
      assertThat(phone.navigate(path).status()).as(path).isEqualTo(200);
      phone.waitForFunction(SETTLED);
      double shift = ((Number) phone.evaluate("window.__shift")).doubleValue();
      if (shift > 0.02) {
        shifting.add(path + " moved by " + shift);
      }
      inaccessible.addAll(seriousViolations(phone, path));
      // the header is one row: brand, "Can I decide?", notifications and the menu button, even
      // on the check's own page (its link marked current) and with a two-digit count
      Object rows =
          phone.evaluate(
              "new Set(['.brand', '.header-check', '.header-notifications', '.menu-button']"
                  + ".map(s => Math.round(document.querySelector(s).getBoundingClientRect().top"
                  + " / 16))).size");
      if (((Number) rows).intValue() != 1) {
        twoRowHeaders.add(path);
      }
      Object overflow =
          phone.evaluate(
              "document.documentElement.scrollWidth - document.documentElement.clientWidth");
      if (((Number) overflow).intValue() > 0) {
        wide.add(path + " by " + overflow + " px");
      }
    }
    assertThat(wide).as("pages that scroll sideways on a phone").isEmpty();
    assertThat(shifting)
        .as("pages whose layout shifts after the first paint (over 0.02)")
        .isEmpty();
    assertThat(inaccessible)
        .as("serious or critical accessibility violations (axe-core)")
        .isEmpty();

    assertThat(twoRowHeaders).as("pages whose phone header takes two rows").isEmpty();
    // every page asks for the icon: it is there (no 404 logged on each load)
    assertThat(phone.request().get("/favicon.ico").status()).isEqualTo(200);
  }

  /** The two guards above can fail: a page that jumps, and an image nobody can read, are seen. */
  @Test
  void theGuardsSeeAShiftAndAnInaccessibleImage() {
    Page phone = newPage(360, 740);
    phone.addInitScript(MEASURE_SHIFTS);
    signIn(phone, "henry@example.com", BatonIntegrationTest.DEMO_PASSWORD);
    phone.navigate("/decisions");
    phone.waitForFunction(SETTLED);
    double before = ((Number) phone.evaluate("window.__shift")).doubleValue();

    phone.evaluate(
        "() => { const block = document.createElement('div'); block.style.height = '300px';"
            + " document.querySelector('main').prepend(block);"
            + " const image = document.createElement('img'); image.src = '/favicon.ico';"
            + " document.querySelector('main').append(image); }");
    phone.waitForFunction("() => window.__shift > " + before);

    assertThat(((Number) phone.evaluate("window.__shift")).doubleValue()).isGreaterThan(0.02);
    assertThat(seriousViolations(phone, "/decisions")).anyMatch(v -> v.contains("image-alt"));
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

  /** axe-core's serious and critical violations on the page as it is now, one line each. */
  @SuppressWarnings("unchecked")
  private static List<String> seriousViolations(Page page, String path) {
    // evaluated through the browser's protocol, which the page's content security policy allows
    page.evaluate(AXE);
    assertThat(page.evaluate("axe.version"))
        .as("axe-core runs on " + path)
        .asString()
        .startsWith("4.");
    System.out.println(
        "AXEDEBUG "
            + path
            + " "
            + page.evaluate(
                "async () => (await axe.run(document)).violations.map(v => v.id + ':' + v.impact).join(' ')"));
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>)
            page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                    + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                    + ".map(v => ({id: v.id, help: v.help,"
                    + " where: v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}))");
    return violations.stream()
        .map(v -> path + ": " + v.get("id") + " (" + v.get("help") + ") at " + v.get("where"))
        .toList();
  }

  private static String axeSource() {
    try (java.io.InputStream in =
        MainPagesBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
