package org.baton.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.baton.platform.BatonProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Baton killed with {@code kill -9} leaves its PostgreSQL running. The next start must stop that
 * orphan, start afresh on the same data directory, and find every committed write.
 */
class EmbeddedPostgresRecoveryIntegrationTest {

  @TempDir Path home;

  @Test
  void aCommittedWriteSurvivesKillDashNineAndTheNextStartRecovers() throws Exception {
    Process baton =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                StartWriteAndWait.class.getName(),
                home.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(baton.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean ready = false;
      while (!ready && (line = out.readLine()) != null) {
        ready = line.equals("COMMITTED");
      }
      assertThat(ready).as("the child committed its write").isTrue();
    }
    baton.destroyForcibly(); // SIGKILL: no shutdown hook runs, the postmaster is orphaned
    assertThat(baton.waitFor(30, TimeUnit.SECONDS)).isTrue();

    try (EmbeddedPostgres postgres = new EmbeddedPostgresLauncher(properties(home)).start();
        Connection connection = postgres.getPostgresDatabase().getConnection();
        ResultSet rows = connection.createStatement().executeQuery("select note from survivor")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("told the user it was saved");
    }
  }

  static BatonProperties properties(Path home) {
    return new BatonProperties(
        home,
        false,
        null,
        null,
        new BatonProperties.EmbeddedDatabase(false),
        new BatonProperties.Witness(null, java.time.Duration.ofMinutes(10)),
        "http://localhost:8080",
        new BatonProperties.MailSettings(
            "baton@localhost",
            java.time.Duration.ofSeconds(1),
            10,
            java.time.Duration.ofMinutes(5)),
        new BatonProperties.SignIn(true),
        new BatonProperties.Notifications(
            java.time.LocalTime.of(7, 0),
            java.time.ZoneOffset.UTC,
            java.time.Duration.ofMinutes(1),
            java.time.Duration.ofMinutes(1)),
        new BatonProperties.Webhooks(
            false,
            java.time.Duration.ofSeconds(10),
            8,
            java.time.Duration.ofDays(3),
            java.time.Duration.ofMillis(500)));
  }

  /** The child process: starts PostgreSQL as Baton does, commits a row, and waits to be killed. */
  public static final class StartWriteAndWait {
    public static void main(String[] args) throws Exception {
      EmbeddedPostgres postgres =
          new EmbeddedPostgresLauncher(properties(Path.of(args[0]))).start();
      try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
        connection.createStatement().execute("create table survivor (note text)");
        connection
            .createStatement()
            .execute("insert into survivor values ('told the user it was saved')");
      }
      System.out.println("COMMITTED");
      System.out.flush();
      Thread.sleep(120_000);
    }
  }
}
