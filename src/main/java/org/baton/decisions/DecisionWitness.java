package org.baton.decisions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.baton.platform.BatonProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A witness of the decision record outside the database. Whoever can write to the database can
 * delete the newest entries and move the chain's head, and the chain would still verify; but not
 * the witness's checkpoints: it signs the head with an Ed25519 key kept in files the database
 * cannot reach, and keeps every checkpoint in an append-only log beside it.
 *
 * <p>Files in its directory: {@code witness.key} (PKCS#8, readable by its owner only), {@code
 * witness.pub} (PEM), {@code checkpoints.jsonl}. A throw-away database (tests) starts a fresh log,
 * since its record starts afresh.
 */
@Component
class DecisionWitness {

  private static final Logger log = LoggerFactory.getLogger(DecisionWitness.class);
  private static final String ALGORITHM = "Ed25519";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path directory;
  private final Path logFile;
  private final Clock clock;
  private KeyPair keys;

  DecisionWitness(BatonProperties properties, Clock clock) {
    this.directory = properties.witnessDirectory();
    this.logFile = directory.resolve("checkpoints.jsonl");
    this.clock = clock;
    if (properties.embeddedDatabase().ephemeral()
        && properties.witness().directory() == null
        && Files.exists(logFile)) {
      try {
        Files.delete(logFile);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Signs the head and appends the checkpoint to the log, forced to disk before it returns. */
  synchronized Checkpoint sign(long seq, String head) {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Checkpoint unsigned = new Checkpoint(seq, head, at, "");
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(keys().getPrivate());
      signer.update(unsigned.signedBytes());
      Checkpoint signed =
          new Checkpoint(seq, head, at, Base64.getEncoder().encodeToString(signer.sign()));
      append(signed.jsonLine() + "\n");
      return signed;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
    }
  }

  /** Every checkpoint in the log, oldest first; a line that cannot be read is a forged one. */
  synchronized List<Checkpoint> checkpoints() {
    if (!Files.exists(logFile)) {
      return List.of();
    }
    List<Checkpoint> checkpoints = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(logFile, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        checkpoints.add(parse(line));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return checkpoints;
  }

  /** Whether the checkpoint carries this witness's signature over exactly what it states. */
  boolean signed(Checkpoint checkpoint) {
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(keys().getPublic());
      verifier.update(checkpoint.signedBytes());
      return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return false;
    }
  }

  /** The public key as PEM, for auditors and the export. */
  String publicKeyPem() {
    return pem(keys().getPublic());
  }

  /** SHA-256 of the public key's DER bytes, hex: what an auditor compares with their own copy. */
  String fingerprint() {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(keys().getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Checkpoint parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return new Checkpoint(
          Long.parseLong(node.get("seq").asString()),
          node.get("head").asString(),
          Instant.parse(node.get("at").asString()),
          node.get("signature").asString());
    } catch (RuntimeException e) {
      // Kept, so that verification reports it: its signature cannot match.
      return new Checkpoint(-1, line, Instant.EPOCH, "");
    }
  }

  private void append(String line) {
    try {
      Files.createDirectories(directory);
      try (FileChannel channel =
          FileChannel.open(
              logFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND,
              StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        channel.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The key pair, read from the directory, or made and written there on first use. */
  private synchronized KeyPair keys() {
    if (keys == null) {
      try {
        keys = load();
      } catch (IOException | GeneralSecurityException e) {
        throw new IllegalStateException("The witness key in " + directory + " is unreadable", e);
      }
    }
    return keys;
  }

  private KeyPair load() throws IOException, GeneralSecurityException {
    Path privateFile = directory.resolve("witness.key");
    KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
    if (Files.exists(privateFile)) {
      PrivateKey privateKey =
          factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
      return new KeyPair(publicKeyOf(factory, privateFile), privateKey);
    }
    // Made once. The public key goes into place first: a crash before the private key's atomic
    // move leaves no key, and the next start makes a new pair.
    KeyPair made = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    Files.createDirectories(directory);
    Files.writeString(privateFile.resolveSibling("witness.pub"), pem(made.getPublic()));
    Path temporary = directory.resolve("witness.key.tmp");
    Files.deleteIfExists(temporary);
    try {
      Files.createFile(temporary, ownerOnly());
    } catch (UnsupportedOperationException e) {
      Files.createFile(temporary); // not a POSIX file system
    }
    Files.write(temporary, made.getPrivate().getEncoded());
    Files.move(temporary, privateFile, StandardCopyOption.ATOMIC_MOVE);
    log.info("Made the decision record's witness key in {}", directory);
    return made;
  }

  private static String pem(PublicKey key) {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
  }

  /**
   * The public key from the PEM beside the private one. The JDK cannot derive an Ed25519 public key
   * from a private one, so the pair is kept together; a missing .pub cannot be rebuilt.
   */
  private PublicKey publicKeyOf(KeyFactory factory, Path privateFile)
      throws IOException, GeneralSecurityException {
    Path publicFile = privateFile.resolveSibling("witness.pub");
    String pem =
        Files.readString(publicFile)
            .replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    return factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
  }

  private static java.nio.file.attribute.FileAttribute<?> ownerOnly() {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  }
}
