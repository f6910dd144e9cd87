package org.baton.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.baton.BatonIntegrationTest;
import org.baton.OtherServer;
import org.baton.directory.PeopleService;
import org.baton.directory.Person;
import org.baton.directory.PersonDraft;
import org.baton.identity.TestIdentityProvider;
import org.baton.platform.SystemTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Single sign-on through the real redirect: a Baton server with passwords turned off for people and
 * a real OpenID Connect provider on 127.0.0.1. People sign in with the provider and land in Baton
 * as the person with their verified address; an unverified or unknown address is refused with the
 * reason; the break-glass admin still signs in with a password.
 */
@BatonIntegrationTest
class SingleSignOnBrowserTest extends BrowserSupport {

  private static TestIdentityProvider provider;
  private static ConfigurableApplicationContext baton;
  private static String batonUrl;

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired PeopleService people;

  @BeforeEach
  void startProviderAndBaton() throws Exception {
    if (baton != null) {
      return;
    }
    int batonPort = freePort();
    provider = TestIdentityProvider.start(freePort(), batonPort);
    List<String> properties = new java.util.ArrayList<>(List.of(provider.batonProperties()));
    properties.add("--server.port=" + batonPort);
    properties.add("--baton.sign-in.passwords-for-people=false");
    baton = OtherServer.start(dataSource, properties.toArray(String[]::new));
    batonUrl = "http://localhost:" + batonPort;
  }

  @AfterAll
  static void stop() {
    if (baton != null) {
      baton.close();
      provider.close();
      baton = null;
    }
  }

  @Test
  void aNewcomerSignsInWithTheCompanysProviderAndBecomesAMemberNeverAnAdmin() {
    String email = "sso-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Person newcomer =
        SystemTask.runAsAdmin(
            () ->
                people.create(
                    new PersonDraft(email, "Sam Single", "Operator", null, "", "", List.of())));
    String username = "sam-" + newcomer.id();
    provider.addUser(username, email, true);

    Page page = newPage(batonUrl, 390, 844);
    page.navigate("/people");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Company ID"))
        .click();
    page.waitForURL(url -> url.startsWith(provider.issuer()));
    page.getByLabel("Username").fill(username);
    page.getByLabel("Password").fill(TestIdentityProvider.USER_PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

    page.waitForURL(url -> url.startsWith(batonUrl + "/people"));
    assertThat(page.locator("header")).containsText("Sam Single");
    assertThat(
            jdbc.sql("select role from account where person_id = ?")
                .param(newcomer.id())
                .query(String.class)
                .single())
        .isEqualTo("MEMBER");
  }

  @Test
  void anUnverifiedOrUnknownAddressIsRefusedWithTheReason() {
    provider.addUser("henry-unverified", "henry@example.com", false);
    provider.addUser("stranger", "stranger@elsewhere.example", true);

    Page unverified = signInAtProvider("henry-unverified");
    assertThat(unverified.locator(".error-summary"))
        .containsText("did not confirm your e-mail address");
    Page stranger = signInAtProvider("stranger");
    assertThat(stranger.locator(".error-summary"))
        .containsText("Nobody in Baton has the e-mail address");
    stranger.navigate("/people");
    assertThat(stranger).hasURL(batonUrl + "/login");
  }

  @Test
  void withPasswordsOffForPeopleOnlyTheBreakGlassAdminSignsInWithOne() {
    Page maria = newPage(batonUrl, 1280, 900);
    maria.navigate("/login");
    assertThat(maria.getByText("Forgot your password?")).hasCount(0);
    maria.getByText("Operator sign-in").click();
    maria.getByLabel("E-mail address").fill("maria@example.com");
    maria
        .getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
        .fill(BatonIntegrationTest.DEMO_PASSWORD);
    maria.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    assertThat(maria.locator(".error-summary")).containsText("not right");

    Page admin = newPage(batonUrl, 1280, 900);
    admin.navigate("/login");
    admin.getByText("Operator sign-in").click();
    admin.getByLabel("E-mail address").fill("admin");
    admin.getByLabel("Password").fill(BatonIntegrationTest.ADMIN_PASSWORD);
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    admin.waitForURL(url -> !url.contains("/login"));
    assertThat(admin.locator("header")).containsText("admin");
  }

  private Page signInAtProvider(String username) {
    Page page = newPage(batonUrl, 1280, 900);
    page.navigate("/login");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Company ID"))
        .click();
    page.getByLabel("Username").fill(username);
    page.getByLabel("Password").fill(TestIdentityProvider.USER_PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    page.waitForURL(url -> url.startsWith(batonUrl + "/login?sso="));
    return page;
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
