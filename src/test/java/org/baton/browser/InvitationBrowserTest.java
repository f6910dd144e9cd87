package org.baton.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baton.BatonIntegrationTest;
import org.baton.directory.PeopleService;
import org.baton.directory.Person;
import org.baton.directory.PersonDraft;
import org.baton.platform.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The story of a newcomer: an admin invites a person who has just been added, finds the e-mail at
 * Mail (no SMTP here, as in the demo), and the person opens its link on a phone, chooses a password
 * and signs in.
 */
@BatonIntegrationTest
class InvitationBrowserTest extends BrowserSupport {

  @Autowired PeopleService people;

  @Test
  void anAdminInvitesANewcomerWhoChoosesAPasswordOnAPhoneAndSignsIn() {
    String email = "nina-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    Person nina =
        SystemTask.runAsAdmin(
            () ->
                people.create(
                    new PersonDraft(email, "Nina Newcomer", "Clerk", null, "", "", List.of())));

    Page admin = signedIn("admin", BatonIntegrationTest.ADMIN_PASSWORD);
    admin.navigate("/people/" + nina.id());
    admin
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite to sign in"))
        .click();
    admin
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mail").setExact(true))
        .click();
    assertThat(admin.locator(".mail").first()).containsText(email);
    String body = admin.locator(".mail .mail-body").first().textContent();
    Matcher link = Pattern.compile("/invitation\\?token=[A-Za-z0-9_-]+").matcher(body);
    assertThat(link.find()).as("the invitation link in: " + body).isTrue();

    Page phone = newPage(390, 844);
    phone.navigate(link.group());
    assertThat(
            phone.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome to Baton")))
        .isVisible();
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
