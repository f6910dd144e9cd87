package org.baton.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.baton.BatonIntegrationTest;
import org.baton.OtherServer;
import org.baton.directory.PeopleService;
import org.baton.directory.PersonDraft;
import org.baton.identity.Accounts;
import org.baton.identity.ApiTokens;
import org.baton.identity.BatonUser;
import org.baton.platform.Mail;
import org.baton.platform.Outbox;
import org.baton.platform.SystemTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox against a real SMTP server on loopback (GreenMail): a Baton server with SMTP
 * configured sends an invitation once, with the outbox's Message-ID, and a message that could not
 * be sent while the SMTP server was down is sent once it is back.
 */
@BatonIntegrationTest
class MailOverSmtpIntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired ApiTokens tokens;
  @Autowired PeopleService people;
  @Autowired Outbox outbox;
  @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

  private int port;
  private GreenMail smtp;

  @BeforeEach
  void startSmtp() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  void anInvitationIsSentOnceWithTheOutboxsMessageId() throws Exception {
    try (ConfigurableApplicationContext server = server()) {
      String email = newPerson();
      assertThat(invite(server, email)).isEqualTo(201);
      await().atMost(Duration.ofSeconds(15)).until(() -> receivedBy(email).size() == 1);
      MimeMessage mail = receivedBy(email).get(0);
      assertThat(mail.getSubject()).isEqualTo("You are invited to Baton");
      assertThat(mail.getHeader("Message-ID")[0])
          .isEqualTo(
              jdbc.sql("select message_id from mail_outbox where recipient = ?")
                  .param(email)
                  .query(String.class)
                  .single());
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  jdbc.sql("select sent_at is not null from mail_outbox where recipient = ?")
                      .param(email)
                      .query(Boolean.class)
                      .single());
      // A second invitation, sent after the first was marked: once it arrives, the sender has
      // gone round again, and the first was still sent only once.
      String marker = newPerson();
      assertThat(invite(server, marker)).isEqualTo(201);
      await().atMost(Duration.ofSeconds(15)).until(() -> receivedBy(marker).size() == 1);
      assertThat(receivedBy(email)).hasSize(1);
    }
  }

  @Test
  void aNotificationIsSentAsTextAndHtmlWithAOneClickUnsubscribe() throws Exception {
    try (ConfigurableApplicationContext server = server()) {
      String email = "notified-" + UUID.randomUUID() + "@example.com";
      String unsubscribe = "http://localhost:8080/unsubscribe?t=1.ADVICE_ASKED.sig";
      transactions.executeWithoutResult(
          status ->
              outbox.post(
                  new Mail(
                      email,
                      "You are asked for advice",
                      "The question: Which supplier?",
                      "<p>The question: Which supplier?</p>",
                      unsubscribe)));
      await().atMost(Duration.ofSeconds(15)).until(() -> receivedBy(email).size() == 1);
      MimeMessage mail = receivedBy(email).get(0);
      assertThat(mail.getHeader("List-Unsubscribe")[0]).isEqualTo("<" + unsubscribe + ">");
      assertThat(mail.getHeader("List-Unsubscribe-Post")[0])
          .isEqualTo("List-Unsubscribe=One-Click");
      jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.getContent();
      String all = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
      assertThat(all).contains("The question: Which supplier?").contains("<p>The question");
      assertThat(parts.getCount()).isPositive();
      assertThat(mail.getContentType()).startsWith("multipart/");
    }
  }

  @Test
  void mailThatFailedWhileSmtpWasDownIsSentWhenItIsBack() throws Exception {
    try (ConfigurableApplicationContext server = server()) {
      smtp.stop();
      String email = newPerson();
      assertThat(invite(server, email)).isEqualTo(201);
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  jdbc.sql("select last_error is not null from mail_outbox where recipient = ?")
                      .param(email)
                      .query(Boolean.class)
                      .single());
      assertThat(
              jdbc.sql(
                      "select sent_at is null and failed_at is null from mail_outbox"
                          + " where recipient = ?")
                  .param(email)
                  .query(Boolean.class)
                  .single())
          .as("kept for another attempt")
          .isTrue();

      smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      // as if the back-off's wait had passed
      jdbc.sql("update mail_outbox set next_attempt_at = now() where recipient = ?")
          .param(email)
          .update();
      await().atMost(Duration.ofSeconds(15)).until(() -> receivedBy(email).size() == 1);
    }
  }

  private ConfigurableApplicationContext server() {
    return OtherServer.start(
        dataSource,
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + port,
        "--spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "--spring.mail.properties.mail.smtp.timeout=2000",
        "--baton.mail.poll=PT0.2S",
        "--baton.mail.from=baton@example.com");
  }

  private int invite(ConfigurableApplicationContext server, String email) throws Exception {
    String admin = tokens.create((BatonUser) accounts.loadUserByUsername("admin"), "smtp").secret();
    long id =
        jdbc.sql("select id from person where email = ?").param(email).query(Long.class).single();
    String base = "http://localhost:" + OtherServer.port(server);
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/people/" + id + "/invitation"))
                .header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private List<MimeMessage> receivedBy(String email) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            message -> {
              try {
                return Arrays.stream(message.getAllRecipients())
                    .anyMatch(address -> address.toString().equals(email));
              } catch (jakarta.mail.MessagingException e) {
                return false;
              }
            })
        .toList();
  }

  private String newPerson() {
    String email = "mail-" + UUID.randomUUID() + "@example.com";
    SystemTask.runAsAdmin(
        () -> people.create(new PersonDraft(email, "Mail Reader", "", null, "", "", List.of())));
    return email;
  }
}
