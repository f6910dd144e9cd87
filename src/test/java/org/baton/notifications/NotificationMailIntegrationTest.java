package org.baton.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.baton.BatonIntegrationTest;
import org.baton.Listeners;
import org.baton.advice.AdviceRequest;
import org.baton.advice.AdviceService;
import org.baton.decisions.Decision;
import org.baton.decisions.DecisionDraft;
import org.baton.directory.PeopleService;
import org.baton.directory.Person;
import org.baton.directory.PersonDraft;
import org.baton.identity.Accounts;
import org.baton.identity.BatonUser;
import org.baton.platform.Money;
import org.baton.platform.SystemTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Notifications by e-mail, as a person meets them: advice asked of them arrives at once with the
 * question, the deadline and a link; the one-click unsubscribe link stops that kind; a kind chosen
 * for the digest waits for it; bad choices and forged links get a clear answer.
 */
@BatonIntegrationTest
class NotificationMailIntegrationTest {

  @Autowired AdviceService advice;
  @Autowired Accounts accounts;
  @Autowired PeopleService people;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired Digests digests;
  @Autowired NotificationPreferences preferences;
  @Autowired org.baton.decisions.DecisionRecord decisions;
  @Autowired org.baton.directory.Directory directory;

  record Stored(String subject, String body, String html, String unsubscribe) {}

  @Test
  void adviceAskedOfSomeoneArrivesByMailWithTheQuestionDeadlineAndALink() {
    Person adviser = newPerson();
    AdviceRequest request = ask(adviser, "Replace the <b>tool holder</b> on line 3?");

    List<Stored> mail = mailTo(adviser);
    assertThat(mail).hasSize(1);
    Stored message = mail.get(0);
    assertThat(message.subject()).startsWith("Olivia Brown asks ");
    assertThat(message.body())
        .contains("The question: Replace the <b>tool holder</b> on line 3?")
        .contains("Advice is due by ")
        .contains("http://localhost:8080/advice/" + request.id())
        .contains("Unsubscribe from these e-mails: http://localhost:8080/unsubscribe?t=");
    assertThat(message.html())
        .as("the same words, the person's text escaped")
        .contains("Replace the &lt;b&gt;tool holder&lt;/b&gt; on line 3?")
        .contains("href=\"http://localhost:8080/advice/" + request.id() + "\"")
        .doesNotContain("<b>tool holder</b>");
    assertThat(message.unsubscribe()).startsWith("http://localhost:8080/unsubscribe?t=");
  }

  @Test
  void theOneClickUnsubscribeStopsThatKindAndNothingElse() throws Exception {
    Person adviser = newPerson();
    ask(adviser, "First question?");
    String link = mailTo(adviser).get(0).unsubscribe();
    String token = link.substring(link.indexOf("t=") + 2);

    // what a mail program sends (RFC 8058): no session, no CSRF token
    mvc.perform(
            post("/unsubscribe")
                .param("t", token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Done: no more")));

    ask(adviser, "Second question?");
    assertThat(mailTo(adviser)).as("no e-mail for the second ask").hasSize(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from notification where person_id = ?"
                        + " and kind = 'ADVICE_ASKED'")
                .param(adviser.id())
                .query(Integer.class)
                .single())
        .as("still told in Baton")
        .isEqualTo(2);
    assertThat(preferences.of(adviser.id()).deliveries())
        .containsEntry(NotificationKind.ADVICE_ASKED, NotificationKind.Delivery.OFF)
        .containsEntry(NotificationKind.DEADLINE, NotificationKind.Delivery.IMMEDIATELY);
  }

  @Test
  void aForgedOrSomeoneElsesUnsubscribeLinkIsRefusedClearly() throws Exception {
    Person adviser = newPerson();
    ask(adviser, "A question?");
    String link = mailTo(adviser).get(0).unsubscribe();
    String token = link.substring(link.indexOf("t=") + 2);
    String forged = token.replaceFirst("^\\d+", "1");

    mvc.perform(post("/unsubscribe").param("t", forged))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("not valid")));
    mvc.perform(get("/unsubscribe").param("t", token).with(user(account("henry@example.com"))))
        .andExpect(status().isForbidden())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("another person")));
    mvc.perform(get("/unsubscribe").param("t", token))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Unsubscribe</button>")));
    assertThat(preferences.deliveryFor(adviser.id(), NotificationKind.ADVICE_ASKED))
        .as("looking at the page changes nothing")
        .isEqualTo(NotificationKind.Delivery.IMMEDIATELY);
  }

  @Test
  void aKindChosenForTheDigestWaitsForItAndComesOnceWithWhatWaits() {
    Person adviser = newPerson();
    jdbc.sql(
            "insert into notification_preference (person_id, kind, delivery)"
                + " values (?, 'ADVICE_ASKED', 'DIGEST')")
        .param(adviser.id())
        .update();
    AdviceRequest request = ask(adviser, "Scrap or rework the batch?");
    assertThat(mailTo(adviser)).as("nothing at once").isEmpty();

    digests.writeDue();
    List<Stored> mail = mailTo(adviser);
    assertThat(mail).hasSize(1);
    assertThat(mail.get(0).subject()).startsWith("Your Baton digest: 2 things");
    assertThat(mail.get(0).body())
        .contains("Your advice is asked: Scrap or rework the batch?") // what waits
        .contains("Olivia Brown asks ") // the notification kept for it
        .contains("http://localhost:8080/advice/" + request.id())
        .contains("Stop the digest: http://localhost:8080/unsubscribe?t=");

    digests.writeDue();
    assertThat(mailTo(adviser)).as("one digest per day").hasSize(1);
  }

  @Test
  void aDigestTellsWhatHappenedInTheirTeamButNeverAConfidentialDecision() {
    String word = UUID.randomUUID().toString().substring(0, 8);
    BatonUser henry = account("henry@example.com");
    BatonUser ruth = account("ruth@example.com");
    Person henrysColleague = newPerson(directory.person(henry.personId()).teamId());
    Person ruthsColleague = newPerson(directory.person(ruth.personId()).teamId());
    Decision credit = decisions.record(henry, draft("customer.goodwill", "Team news " + word));
    Decision writeOff = decisions.record(ruth, draft("finance.write-off", "Write-off " + word));
    assertThat(writeOff.confidential()).isTrue();

    digests.writeDue();
    assertThat(mailTo(henrysColleague))
        .singleElement()
        .satisfies(
            digest ->
                assertThat(digest.body())
                    .contains("In your team: Henry")
                    .contains("decided: Team news " + word)
                    .contains("http://localhost:8080/decisions/" + credit.id()));
    assertThat(mailTo(ruthsColleague))
        .as("a confidential decision is nobody's news")
        .allSatisfy(digest -> assertThat(digest.body()).doesNotContain("Write-off " + word));
  }

  private static DecisionDraft draft(String type, String title) {
    return new DecisionDraft(
        type, title, "A reason", Money.of("40", "EUR"), Map.of(), List.of(), null, "", null);
  }

  @Test
  void preferencesAreChangedOnTheirPageAndByApiAndBadChoicesAreNamed() throws Exception {
    BatonUser henry = account("henry@example.com");
    mvc.perform(get("/me/notifications/settings").with(user(henry)))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Advice asked of you")));
    mvc.perform(
            post("/me/notifications/settings")
                .with(user(henry))
                .with(csrf())
                .param("deliveries.LEARNING", "SOMETIMES"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString(
                        "Choose e-mail at once, in my digest, or only in Baton.")));
    mvc.perform(
            put("/api/v1/me/notification-preferences")
                .with(user(henry))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"deliveries\": {\"GOSSIP\": \"OFF\"}}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.errors[0].field").value("deliveries.GOSSIP"));
    assertThat(preferences.of(henry.personId()).own()).as("nothing saved").isEmpty();

    mvc.perform(
            put("/api/v1/me/notification-preferences")
                .with(user(henry))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"deliveries\": {\"INITIATIVE_ACTIVITY\": \"OFF\"}, \"digest\": \"WEEKLY\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deliveries.INITIATIVE_ACTIVITY").value("OFF"))
        .andExpect(jsonPath("$.own[0]").value("INITIATIVE_ACTIVITY"))
        .andExpect(jsonPath("$.digest").value("WEEKLY"));
    // put back, as the demo had it
    jdbc.sql("delete from notification_preference where person_id = ?")
        .param(henry.personId())
        .update();
    jdbc.sql("delete from notification_digest where person_id = ?")
        .param(henry.personId())
        .update();
  }

  private AdviceRequest ask(Person adviser, String question) {
    AdviceRequest request =
        advice.ask(
            account("olivia@example.com"),
            new AdviceService.Ask(
                null,
                question,
                "",
                Instant.now().plus(Duration.ofDays(2)),
                List.of(),
                List.of(adviser.id()),
                false,
                null,
                null));
    Listeners.awaitAllHandled(jdbc);
    return request;
  }

  private List<Stored> mailTo(Person person) {
    return jdbc.sql(
            "select subject, body, html, list_unsubscribe as unsubscribe from mail_outbox where recipient = ?"
                + " order by id")
        .param(person.email())
        .query(Stored.class)
        .list();
  }

  private Person newPerson() {
    return newPerson(null);
  }

  private Person newPerson(Long teamId) {
    String email = "notified-" + UUID.randomUUID() + "@example.com";
    return SystemTask.runAsAdmin(
        () ->
            people.create(new PersonDraft(email, "Nora Notified", "", teamId, "", "", List.of())));
  }

  private BatonUser account(String name) {
    return (BatonUser) accounts.loadUserByUsername(name);
  }
}
