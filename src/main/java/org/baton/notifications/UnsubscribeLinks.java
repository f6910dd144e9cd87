package org.baton.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.baton.platform.BatonProperties;
import org.springframework.stereotype.Component;

/**
 * The one-click unsubscribe links in e-mails: {@code /unsubscribe?t=<person>.<kind>.<signature>},
 * signed with a key kept in the database, so that a link works without signing in (a mail program
 * posts to it, RFC 8058) yet nobody can make one for another person or another kind.
 */
@Component
class UnsubscribeLinks {

  /** The digest's pseudo-kind: unsubscribing from it stops the digest. */
  static final String DIGEST = "DIGEST";

  /** What a valid link names: whose e-mail, and which kind (or {@link #DIGEST}). */
  record Target(long personId, String kind) {}

  private final SecretsStore store;
  private final String baseUrl;
  private volatile byte[] key;

  UnsubscribeLinks(SecretsStore store, BatonProperties properties) {
    this.store = store;
    this.baseUrl = properties.baseUrl();
  }

  String link(long personId, String kind) {
    return baseUrl + "/unsubscribe?t=" + token(personId, kind);
  }

  String token(long personId, String kind) {
    String claim = personId + "." + kind;
    return claim + "." + sign(claim);
  }

  /** The link's target if its signature is right; empty for a forged or damaged link. */
  Optional<Target> verify(String token) {
    if (token == null || token.length() > 200) {
      return Optional.empty();
    }
    int last = token.lastIndexOf('.');
    int first = token.indexOf('.');
    if (first <= 0 || last <= first) {
      return Optional.empty();
    }
    String claim = token.substring(0, last);
    byte[] given = token.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(given, sign(claim).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Target(Long.parseLong(token.substring(0, first)), token.substring(first + 1, last)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private String sign(String claim) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(claim.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key, made by whichever server needs it first; the others read the same row. */
  private byte[] key() {
    byte[] current = key;
    if (current == null) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      current = store.signingKey(fresh);
      key = current;
    }
    return current;
  }
}
