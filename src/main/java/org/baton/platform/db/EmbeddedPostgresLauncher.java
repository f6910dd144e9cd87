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
 */
final class EmbeddedPostgresLauncher {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

  private final Path dataDirectory;
  private final Path runtimeDirectory;
  private final boolean ephemeral;

  EmbeddedPostgresLauncher(BatonProperties properties) {
    Path postgresHome = properties.home().toAbsolutePath().normalize().resolve("postgres");
    this.dataDirectory = postgresHome.resolve("data");
    this.runtimeDirectory = postgresHome.resolve("runtime");
    this.ephemeral = properties.embeddedDatabase().ephemeral();
  }

  EmbeddedPostgres start() throws IOException {
    Files.createDirectories(dataDirectory);
    Files.createDirectories(runtimeDirectory);
    stopOrphanedPostmaster();
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
