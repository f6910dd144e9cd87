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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.baton.BatonApplication;
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

  private static final String ADMIN_TOKEN = "kill-test-admin-token-0123456789";
  private static final int INVITEES = 1000;

  @TempDir Path home;

  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> started = new ArrayList<>();
  private GreenMail smtp;

  @AfterEach
  void stopEverything() throws Exception {
    for (Process process : started) {
      process.destroy(); // SIGTERM: the context stops its PostgreSQL
      process.waitFor(60, TimeUnit.SECONDS);
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void aThousandInvitationsAllArriveAfterAKillDashNineMidSending() throws Exception {
    int smtpPort = freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    int port = freePort();

    // Without SMTP (as in the demo) the invitations wait in the outbox.
    Process quiet = start(port, null, "quiet");
    invitedTeamOf(port, INVITEES);
    kill(quiet);

    Process sending = start(port, smtpPort, "sending");
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> smtp.getReceivedMessages().length >= 50);
    kill(sending);
    int beforeTheKill = smtp.getReceivedMessages().length;
    assertThat(beforeTheKill).as("killed mid-way through sending").isLessThan(INVITEES);

    start(port, smtpPort, "restarted");
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
  private void invitedTeamOf(int port, int people) throws Exception {
    StringBuilder csv = new StringBuilder("email,name,team\n");
    for (int i = 0; i < people; i++) {
      csv.append("invitee-")
          .append(i)
          .append("@example.com,Invitee ")
          .append(i)
          .append(",Kill Test\n");
    }
    HttpResponse<String> imported =
        call(port, "POST", "/api/v1/imports", "text/csv", csv.toString());
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    JsonNode teams =
        JsonMapper.builder()
            .build()
            .readTree(call(port, "GET", "/api/v1/teams?size=100", null, null).body());
    long team = -1;
    for (JsonNode t : teams.path("items")) {
      if (t.path("name").asString().equals("Kill Test")) {
        team = t.path("id").asLong();
      }
    }
    HttpResponse<String> invited =
        call(port, "POST", "/api/v1/teams/" + team + "/invitations", null, null);
    assertThat(invited.body()).contains("\"invited\":" + people);
  }

  private HttpResponse<String> call(int port, String method, String path, String type, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A Baton in its own JVM on the test's home, sending through SMTP on smtpPort if given. */
  private Process start(int port, Integer smtpPort, String name) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                BatonApplication.class.getName(),
                "--baton.home=" + home,
                "--server.port=" + port,
                "--baton.demo=false",
                "--baton.admin-token=" + ADMIN_TOKEN,
                "--baton.mail.poll=PT0.05S",
                "--baton.mail.lease=PT2S",
                "--baton.advice.reminder-initial-delay=PT24H",
                "--logging.level.root=WARN"));
    if (smtpPort != null) {
      command.add("--spring.mail.host=127.0.0.1");
      command.add("--spring.mail.port=" + smtpPort);
    }
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve(name + ".log").toFile())
            .start();
    started.add(process);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(
            () ->
                http.send(
                            HttpRequest.newBuilder(
                                    URI.create(
                                        "http://localhost:" + port + "/actuator/health/readiness"))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
    return process;
  }

  private void kill(Process process) throws Exception {
    process.destroyForcibly(); // SIGKILL: no shutdown hook, nothing finished, PostgreSQL orphaned
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    started.remove(process);
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
