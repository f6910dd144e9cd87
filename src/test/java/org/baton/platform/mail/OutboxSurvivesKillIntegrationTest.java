package org.baton.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.baton.BatonProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-mail that cannot be lost: Baton, sending 1,000 invitations to a real SMTP server on loopback,
 * is killed with SIGKILL mid-way; after a restart every invitation arrives. Sending is at least
 * once: each message is marked sent right after the SMTP server took it, so only the one in flight
 * at the kill can go twice, with the same Message-ID (by which mail systems drop the repeat).
 */
class OutboxSurvivesKillIntegrationTest {

  private static final int INVITEES = 1000;

  @TempDir Path home;

  private BatonProcess baton;
  private GreenMail smtp;

  @AfterEach
  void stopEverything() throws Exception {
    if (baton != null) {
      baton.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void aThousandInvitationsAllArriveAfterAKillDashNineMidSending() throws Exception {
    int smtpPort = BatonProcess.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    baton = new BatonProcess(home);

    // Without SMTP (as in the demo) the invitations wait in the outbox.
    Process quiet = start(null, "quiet");
    invitedTeamOf(INVITEES);
    baton.kill(quiet);

    Process sending = start(smtpPort, "sending");
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> smtp.getReceivedMessages().length >= 50);
    baton.kill(sending);
    int beforeTheKill = smtp.getReceivedMessages().length;
    assertThat(beforeTheKill).as("killed mid-way through sending").isLessThan(INVITEES);

    start(smtpPort, "restarted");
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> recipients().size() == INVITEES);

    Map<String, Set<String>> messageIds = new HashMap<>();
    Map<String, Integer> copies = new HashMap<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      String to = message.getAllRecipients()[0].toString();
      messageIds.computeIfAbsent(to, k -> new HashSet<>()).add(message.getMessageID());
      copies.merge(to, 1, Integer::sum);
    }
    assertThat(copies).hasSize(INVITEES);
    assertThat(copies.values().stream().filter(n -> n > 1).count())
        .as("only the message in flight at the kill may go twice")
        .isLessThanOrEqualTo(1);
    assertThat(messageIds.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
  }

  private Set<String> recipients() throws Exception {
    Set<String> to = new HashSet<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      to.add(message.getAllRecipients()[0].toString());
    }
    return to;
  }

  /** Imports a team of this many people and invites them all: that many e-mails in one go. */
  private void invitedTeamOf(int people) throws Exception {
    StringBuilder csv = new StringBuilder("email,name,team\n");
    for (int i = 0; i < people; i++) {
      csv.append("invitee-")
          .append(i)
          .append("@example.com,Invitee ")
          .append(i)
          .append(",Kill Test\n");
    }
    HttpResponse<String> imported =
        baton.call("POST", "/api/v1/imports", "text/csv", csv.toString());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    JsonNode teams =
        JsonMapper.builder()
            .build()
            .readTree(baton.call("GET", "/api/v1/teams?size=100", null, null).body());
    long team = -1;
    for (JsonNode t : teams.path("items")) {
      if (t.path("name").asString().equals("Kill Test")) {
        team = t.path("id").asLong();
      }
    }
    HttpResponse<String> invited =
        baton.call("POST", "/api/v1/teams/" + team + "/invitations", null, null);
    assertThat(invited.body()).contains("\"invited\":" + people);
  }

  /** Baton sending through SMTP on smtpPort if given, else keeping mail in the outbox. */
  private Process start(Integer smtpPort, String name) throws Exception {
    List<String> settings =
        smtpPort == null
            ? List.of("--baton.mail.poll=PT0.05S", "--baton.mail.lease=PT2S")
            : List.of(
                "--baton.mail.poll=PT0.05S",
                "--baton.mail.lease=PT2S",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort);
    return baton.start(name, settings);
  }
}
