package org.baton.decisions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.baton.platform.CanonicalJson;

/**
 * The tamper evidence of the decision record. An entry's content is written as canonical JSON
 * (sorted keys, no spaces, amounts with two decimals, times in UTC ISO-8601), and its hash is
 * {@code sha256_hex(previous_hash + "\n" + content)}; the first entry's previous hash is 64 zeros.
 * Anyone can recompute it from an export with standard tools (docs/AUTHORITY.md, "Tamper
 * evidence").
 */
final class DecisionChain {

  static final String GENESIS = "0".repeat(64);

  private DecisionChain() {}

  static String content(Decision d) {
    Map<String, String> fields = new TreeMap<>();
    fields.put("seq", Long.toString(d.seq()));
    fields.put("kind", CanonicalJson.string(d.kind().name()));
    fields.put("refersTo", d.refersTo() == null ? "null" : d.refersTo().toString());
    fields.put(
        "decidedAt", CanonicalJson.string(DateTimeFormatter.ISO_INSTANT.format(d.decidedAt())));
    fields.put("decider", d.deciderPersonId() == null ? "null" : d.deciderPersonId().toString());
    if (d.deciderAccount() != null) {
      // Only where present, so that every entry written before it existed hashes as it did.
      fields.put("deciderAccount", CanonicalJson.string(d.deciderAccount()));
    }
    fields.put(
        "requestedBy",
        d.requestedByPersonId() == null ? "null" : d.requestedByPersonId().toString());
    fields.put("decisionType", CanonicalJson.string(d.decisionType()));
    fields.put("title", CanonicalJson.string(d.title()));
    fields.put("reason", CanonicalJson.string(d.reason()));
    fields.put(
        "amount", d.amount() == null ? "null" : CanonicalJson.string(d.amount().toPlainString()));
    fields.put("currency", CanonicalJson.string(d.currency()));
    fields.put("context", CanonicalJson.stringMap(d.context()));
    fields.put("affectedTeams", list(d.affectedTeamIds()));
    fields.put(
        "followUpOn",
        d.followUpOn() == null ? "null" : CanonicalJson.string(d.followUpOn().toString()));
    fields.put("verdict", CanonicalJson.string(d.verdict()));
    fields.put("ruleId", d.ruleId() == null ? "null" : d.ruleId().toString());
    fields.put("ruleVersion", d.ruleVersion() == null ? "null" : d.ruleVersion().toString());
    fields.put("delegationId", d.delegationId() == null ? "null" : d.delegationId().toString());
    fields.put("authority", CanonicalJson.string(d.authority()));
    fields.put("adviceConsidered", CanonicalJson.string(d.adviceConsidered()));
    fields.put("confidential", Boolean.toString(d.confidential()));
    fields.put("visibleTo", list(d.visibleTo()));
    if (!d.learningsShown().isEmpty() || !d.learningsAcknowledged().isEmpty()) {
      // Only where present, like deciderAccount, so that earlier entries hash as they did.
      fields.put("learningsShown", strings(d.learningsShown()));
      fields.put("learningsAcknowledged", strings(d.learningsAcknowledged()));
    }
    if (d.priorityId() != null) {
      // Only where present too: the priority served is part of what was decided.
      fields.put("priority", d.priorityId().toString());
    }
    return CanonicalJson.object(fields);
  }

  static String hash(String previousHash, String content) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(
              sha256.digest((previousHash + "\n" + content).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** One line of the JSON Lines export: the content as a string, so its bytes are exact. */
  static String exportLine(Decision d) {
    return CanonicalJson.object(
        Map.of(
            "seq", Long.toString(d.seq()),
            "prev_hash", CanonicalJson.string(d.prevHash()),
            "hash", CanonicalJson.string(d.hash()),
            "content", CanonicalJson.string(content(d))));
  }

  private static String strings(java.util.List<String> values) {
    return values.stream().map(CanonicalJson::string).collect(Collectors.joining(",", "[", "]"));
  }

  private static String list(java.util.List<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
  }
}
