package org.baton.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.baton.platform.BatonProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches PostgreSQL 17 from the zonky binaries with a persistent data directory under {@code
 * BATON_HOME}. The zonky defaults are tuned for throw-away test databases; here fsync and
 * synchronous commit are on, so that a write a user was told succeeded survives a crash.
 *
 * <p>Zonky's database trusts every local connection; Baton's asks for a password (scram-sha-256).
 * Two roles: {@code postgres}, the owner, which runs the migrations; {@code baton_app}, which the
 * application connects as, owns no table, and so cannot disable the decision record's triggers
 * (docs/ARCHITECTURE.md, "Database roles").
 */
final class EmbeddedPostgresLauncher {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

  private static final String PASSWORDS_ONLY =
      """
      # Written by Baton at every start: every connection needs a password.
      local all all scram-sha-256
      host  all all 127.0.0.1/32 scram-sha-256
      host  all all ::1/128 scram-sha-256
      """;
  private static final String TRUST_UNTIL_PASSWORDS_ARE_SET =
      """
      # Written by Baton for one start: its passwords were lost and are set anew.
      host  all all 127.0.0.1/32 trust
      host  all all ::1/128 trust
      """;

  private final Path dataDirectory;
  private final Path runtimeDirectory;
  private final Path credentialsFile;
  private final boolean ephemeral;
  private EmbeddedCredentials credentials;

  EmbeddedPostgresLauncher(BatonProperties properties) {
    Path postgresHome = properties.home().toAbsolutePath().normalize().resolve("postgres");
    this.dataDirectory = postgresHome.resolve("data");
    this.runtimeDirectory = postgresHome.resolve("runtime");
    this.credentialsFile = postgresHome.resolve("credentials.properties");
    this.ephemeral = properties.embeddedDatabase().ephemeral();
  }

  /** The passwords of this start; known once {@link #start()} has returned. */
  EmbeddedCredentials credentials() {
    return credentials;
  }

  EmbeddedPostgres start() throws IOException {
    Files.createDirectories(dataDirectory);
    Files.createDirectories(runtimeDirectory);
    stopOrphanedPostmaster();
    credentials = EmbeddedCredentials.loadOrCreate(credentialsFile, ephemeral);
    Path hba = dataDirectory.resolve("pg_hba.conf");
    if (credentials.fresh() && Files.exists(hba)) {
      // An existing database whose passwords are unknown (made before Baton set any, or the
      // credentials file was deleted): whoever can write its data directory owns it anyway.
      Files.writeString(hba, TRUST_UNTIL_PASSWORDS_ARE_SET);
    }
    EmbeddedPostgres postgres = launch();
    try {
      requirePasswords(postgres, hba);
    } catch (SQLException e) {
      postgres.close();
      throw new IOException("Could not set the embedded database's passwords", e);
    }
    return postgres;
  }

  /**
   * Sets both roles' passwords (the application's role made if missing), then lets in only
   * connections with a password. Idempotent, so every start does it.
   */
  private void requirePasswords(EmbeddedPostgres postgres, Path hba)
      throws SQLException, IOException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "alter role "
              + EmbeddedCredentials.OWNER
              + " password '"
              + credentials.ownerPassword()
              + "'");
      var exists =
          statement.executeQuery(
              "select 1 from pg_roles where rolname = '" + EmbeddedCredentials.APP + "'");
      String verb = exists.next() ? "alter" : "create";
      statement.execute(
          verb
              + " role "
              + EmbeddedCredentials.APP
              + " login nosuperuser nocreatedb nocreaterole noinherit password '"
              + credentials.appPassword()
              + "'");
      Files.writeString(hba, PASSWORDS_ONLY);
      statement.execute("select pg_reload_conf()");
    }
  }

  private EmbeddedPostgres launch() throws IOException {
    String durable = ephemeral ? "off" : "on";
    log.info("Starting embedded PostgreSQL in {}", dataDirectory);
    return EmbeddedPostgres.builder()
        .setDataDirectory(dataDirectory.toFile())
        .setCleanDataDirectory(ephemeral)
        .setOverrideWorkingDirectory(runtimeDirectory.toFile())
        .setServerConfig("fsync", durable)
        .setServerConfig("synchronous_commit", durable)
        .setServerConfig("full_page_writes", durable)
        .setServerConfig("listen_addresses", "localhost")
        .setServerConfig("max_connections", "100")
        .setPGStartupWait(Duration.ofSeconds(60))
        .setConnectConfig("password", credentials.ownerPassword())
        // Stopped by the application context, after everything that writes to it: a hook of its
        // own would race Spring's and stop PostgreSQL under the last writes (the event registry's).
        .setRegisterShutdownHook(false)
        .start();
  }

  /**
   * After a {@code kill -9} of Baton, the postmaster it started lives on and holds the data
   * directory; a new start would fail. Stop it first, but only if it really is a postgres process:
   * a stale pid file may name an unrelated process by now.
   */
  private void stopOrphanedPostmaster() throws IOException {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (process.isEmpty() || !isPostgres(process.get())) {
      return;
    }
    log.warn("Stopping an orphaned PostgreSQL (pid {}) left by an earlier run", pid);
    ProcessHandle postmaster = process.get();
    postmaster.destroy();
    try {
      postmaster.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      postmaster.destroyForcibly();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(command -> command.contains("postgres")).orElse(false);
  }

  static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database)
      throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      var exists =
          statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
      if (!exists.next()) {
        statement.execute("create database " + database);
      }
    }
  }
}
