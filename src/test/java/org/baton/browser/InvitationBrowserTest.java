package org.baton.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baton.BatonIntegrationTest;
import org.baton.directory.Directory;
import org.baton.directory.Person;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The story of a newcomer: an admin adds a person through the form (one bad address first), invites
 * her, finds the e-mail at Mail (no SMTP here, as in the demo), and the person opens its link on a
 * phone, chooses a password and signs in.
 */
@BatonIntegrationTest
class InvitationBrowserTest extends BrowserSupport {

  @Autowired Directory directory;

  @Test
  void anAdminAddsANewcomerThroughTheFormWhoChoosesAPasswordOnAPhoneAndSignsIn() {
    String email = "nina-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

    Page admin = signedIn("admin", BatonIntegrationTest.ADMIN_PASSWORD);
    admin.navigate("/admin/people/new");
    admin.getByLabel("E-mail address").fill("nina-at-example.com");
    admin.getByLabel("Name").fill("Nina Newcomer");
    admin.getByLabel("Title").fill("Clerk");
    admin.getByLabel("Location").fill("Leeds");
    admin.getByLabel("Phone").fill("+44 113 496 0000");
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
    assertThat(admin.locator(".error-summary")).containsText("e-mail");
    assertThat(admin.getByLabel("E-mail address")).hasValue("nina-at-example.com");
    assertThat(admin.getByLabel("Name")).hasValue("Nina Newcomer");
    assertThat(admin.getByLabel("Title")).hasValue("Clerk");
    assertThat(admin.getByLabel("Location")).hasValue("Leeds");
    assertThat(admin.getByLabel("Phone")).hasValue("+44 113 496 0000");

    admin.getByLabel("E-mail address").fill(email);
    admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
    admin.waitForURL(java.util.regex.Pattern.compile(".*/people/\\d+\\?saved"));
    Person nina = directory.findPersonByEmail(email).orElseThrow();
    // What was typed is what was saved: one value per field, not "Nina Newcomer,".
    assertThat(nina.name()).isEqualTo("Nina Newcomer");
    assertThat(nina.phone()).isEqualTo("+44 113 496 0000");

    admin.navigate("/people/" + nina.id());
    admin
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite to sign in"))
        .click();
    admin.locator(".admin-menu summary").click(); // the admin's pages are under "Admin"
    admin
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mail").setExact(true))
        .click();
    assertThat(admin.locator(".mail").first()).containsText(email);
    assertThat(admin.locator(".mail").first()).containsText("Nina Newcomer");
    assertThat(admin.locator(".mail").first()).not().containsText("Nina Newcomer,,");
    String body = admin.locator(".mail .mail-body").first().textContent();
    Matcher link = Pattern.compile("/invitation\\?token=[A-Za-z0-9_-]+").matcher(body);
    assertThat(link.find()).as("the invitation link in: " + body).isTrue();

    Page phone = newPage(390, 844);
    phone.navigate(link.group());
    assertThat(
            phone.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome to Baton")))
        .isVisible();
    assertThat(phone.locator("main")).containsText(email); // the address she signs in with
    phone.getByLabel("Password").fill("passwordpassword");
    phone
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the password"))
        .click();
    assertThat(phone.locator(".error-summary")).containsText("among the most common");
    assertThat(phone.locator(".error-summary")).isFocused();

    phone.getByLabel("Password").fill("tea at the counter at nine");
    phone
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the password"))
        .click();
    assertThat(phone.locator(".notice")).containsText("Your password is saved");
    signIn(phone, email, "tea at the counter at nine");
    assertThat(phone.locator("body")).containsText("Nina Newcomer");
  }
}
