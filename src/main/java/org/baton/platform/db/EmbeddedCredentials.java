package org.baton.platform.db;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded database's two passwords, generated on the first start and kept in {@code
 * BATON_HOME/postgres/credentials.properties}, readable by its owner only: the owner's ({@code
 * postgres}, used for migrations) and the application's ({@code baton_app}, which owns no table).
 *
 * @param fresh made on this start: the database does not know them yet
 */
record EmbeddedCredentials(String ownerPassword, String appPassword, boolean fresh) {

  static final String OWNER = "postgres";
  static final String APP = "baton_app";
  private static final SecureRandom RANDOM = new SecureRandom();

  static EmbeddedCredentials loadOrCreate(Path file, boolean ephemeral) throws IOException {
    if (!ephemeral && Files.exists(file)) {
      Properties properties = new Properties();
      try (Reader in = Files.newBufferedReader(file)) {
        properties.load(in);
      }
      return new EmbeddedCredentials(
          properties.getProperty("owner-password"), properties.getProperty("app-password"), false);
    }
    EmbeddedCredentials made = new EmbeddedCredentials(password(), password(), true);
    Properties properties = new Properties();
    properties.setProperty("owner-password", made.ownerPassword());
    properties.setProperty("app-password", made.appPassword());
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.deleteIfExists(temporary);
    try {
      Files.createFile(
          temporary,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(temporary); // not a POSIX file system
    }
    try (Writer out = Files.newBufferedWriter(temporary)) {
      properties.store(
          out, "Baton's embedded PostgreSQL: the owner (postgres) and the application (baton_app)");
    }
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return made;
  }

  /** 32 random bytes, URL-safe base64: no quote or backslash, so safe inside a SQL literal. */
  private static String password() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
