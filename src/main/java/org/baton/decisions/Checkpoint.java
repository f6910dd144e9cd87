package org.baton.decisions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.baton.platform.CanonicalJson;

/**
 * The witness's signed statement that at {@code at} the decision record ended at entry {@code seq}
 * with hash {@code head}. The signature is Ed25519 over {@link #signedText()}, which an auditor
 * rebuilds with printf (scripts/verify-decision-export.sh).
 *
 * @param signature base64 of the 64-byte Ed25519 signature
 */
public record Checkpoint(long seq, String head, Instant at, String signature) {

  /** The exact bytes signed: three lines after a fixed first one, no trailing newline. */
  public String signedText() {
    return "baton-decision-checkpoint\n"
        + seq
        + "\n"
        + head
        + "\n"
        + DateTimeFormatter.ISO_INSTANT.format(at);
  }

  byte[] signedBytes() {
    return signedText().getBytes(StandardCharsets.UTF_8);
  }

  /** One line of the witness's log, and of the export. */
  String jsonLine() {
    return CanonicalJson.object(
        Map.of(
            "seq", Long.toString(seq),
            "head", CanonicalJson.string(head),
            "at", CanonicalJson.string(DateTimeFormatter.ISO_INSTANT.format(at)),
            "signature", CanonicalJson.string(signature)));
  }
}
