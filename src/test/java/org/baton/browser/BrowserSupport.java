package org.baton.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real Chromium (Debian's, never a downloaded one) driving the running application. Where Chromium
 * is missing the browser tests are skipped with the reason printed, never passed.
 */
abstract class BrowserSupport {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static Playwright playwright;
  private static Browser browser;
  private final List<BrowserContext> contexts = new java.util.ArrayList<>();
  private final List<String> scriptErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

  @LocalServerPort int port;

  @BeforeAll
  static void launchChromium() {
    boolean present = Files.isExecutable(CHROMIUM);
    if (!present) {
      System.out.println(
          "SKIPPED browser tests: " + CHROMIUM + " is missing (apt-get install -y chromium)");
    }
    assumeTrue(present, "Chromium is missing at " + CHROMIUM + "; apt-get install -y chromium");
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
  }

  @AfterAll
  static void closeChromium() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  /** Every page a test opened ran its scripts without an uncaught error (live updates too). */
  @AfterEach
  void closeContexts() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
    List<String> errors = List.copyOf(scriptErrors);
    scriptErrors.clear();
    if (!errors.isEmpty()) {
      throw new AssertionError("Script errors on the pages: " + errors);
    }
  }

  /** A fresh browser (its own cookies) with a phone-sized or desktop window. */
  Page newPage(int width, int height) {
    return newPage("http://localhost:" + port, width, height);
  }

  /** A fresh browser on another server than the shared one. */
  Page newPage(String baseUrl, int width, int height) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions().setViewportSize(width, height).setBaseURL(baseUrl));
    context.setDefaultTimeout(10_000);
    contexts.add(context);
    Page page = context.newPage();
    page.onPageError(error -> scriptErrors.add(page.url() + ": " + error));
    return page;
  }

  /** A front-line person on a phone (390 x 844), signed in. */
  Page onPhone(String username, String password) {
    Page page = newPage(390, 844);
    signIn(page, username, password);
    return page;
  }

  Page signedIn(String username, String password) {
    Page page = newPage(1280, 900);
    signIn(page, username, password);
    return page;
  }

  static void signIn(Page page, String username, String password) {
    page.navigate("/login");
    page.getByLabel("E-mail address").fill(username);
    page.getByLabel("Password").fill(password);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Sign in"))
        .click();
    page.waitForURL(url -> !url.contains("/login"));
  }
}
