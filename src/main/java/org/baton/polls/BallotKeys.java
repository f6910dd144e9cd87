package org.baton.polls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.baton.platform.BatonProperties;
import org.springframework.stereotype.Component;

/**
 * The key an anonymous vote is kept under: HMAC-SHA256 of the poll and the voter with a key that
 * lives in a file under the home, never in the database. The voter can change their vote (the same
 * person gets the same key), nobody can vote twice, and nobody who reads the database (admins
 * included) can tell whose a vote is: trying every person needs the key.
 */
@Component
class BallotKeys {

  private final Path file;
  private volatile byte[] key;

  BallotKeys(PollSettings settings, BatonProperties properties) {
    this.file =
        settings.ballotKeyFile() != null
            ? settings.ballotKeyFile()
            : properties.home().resolve("polls").resolve("ballot.key");
  }

  /**
   * The voter's key in this poll: their id in an open poll, a one-way token in an anonymous one.
   */
  String of(Poll poll, long personId) {
    if (!poll.anonymous()) {
      return Long.toString(personId);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return "a:"
          + HexFormat.of()
              .formatHex(
                  mac.doFinal(
                      (poll.id() + ":" + personId)
                          .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private byte[] key() {
    byte[] current = key;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      try {
        if (!Files.exists(file)) {
          Files.createDirectories(file.toAbsolutePath().getParent());
          byte[] fresh = new byte[32];
          new SecureRandom().nextBytes(fresh);
          try {
            Files.write(file, fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
              Files.setPosixFilePermissions(
                  file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
              // a file system without owners' permissions: its directory's protection applies
            }
          } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another server made it first: read theirs
          }
        }
        key = Files.readAllBytes(file);
        return key;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read or make the ballot key " + file, e);
      }
    }
  }
}
