package org.baton.identity;

import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.baton.platform.InvalidInputException;
import org.baton.platform.NotFoundException;
import org.baton.platform.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens, sent as {@code Authorization: Bearer}. A token is shown once when it is
 * created; only its SHA-256 is stored (it is 256 random bits, so a slow hash buys nothing and would
 * slow every API call).
 */
@Service
public class ApiTokens {

  static final String PREFIX = "baton_";
  static final String BOOTSTRAP_NAME = "BATON_ADMIN_TOKEN";
  static final int MIN_LENGTH = 16;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A token as listed: never its secret. */
  public record TokenInfo(
      long id,
      String name,
      String prefix,
      Instant createdAt,
      @Schema(nullable = true) Instant lastUsedAt,
      @Schema(nullable = true) Instant revokedAt) {
    public boolean active() {
      return revokedAt == null;
    }
  }

  /** A token just created: the only time its secret is known. */
  public record CreatedToken(TokenInfo token, String secret) {}

  private final TokenStore store;
  private final Accounts accounts;
  // When each token's last use was written, so that busy tokens do not write on every call.
  private final Map<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();

  private final Clock clock;

  ApiTokens(TokenStore store, Accounts accounts, Clock clock) {
    this.clock = clock;
    this.store = store;
    this.accounts = accounts;
  }

  /** Permissions an admin may give an integration token. */
  public static final Set<String> PERMISSIONS = Set.of("authority:check-others", "scim");

  @Transactional
  public CreatedToken create(BatonUser owner, String name) {
    return create(owner, name, Set.of());
  }

  /** A token for another system; only admins give tokens permissions beyond their owner's. */
  @Transactional
  public CreatedToken create(BatonUser owner, String name, Set<String> permissions) {
    TokenPermissions.requireManageTokens(owner);
    Set<String> wanted = permissions == null ? Set.of() : permissions;
    if (!wanted.isEmpty() && !TokenPermissions.mayGivePermissions(owner)) {
      throw new InvalidInputException("permissions", "Only admins give tokens permissions.");
    }
    for (String permission : wanted) {
      if (!PERMISSIONS.contains(permission)) {
        throw new InvalidInputException(
            "permissions", "Unknown permission " + permission + "; known: " + PERMISSIONS + ".");
      }
    }
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidInputException(
          "name", "Give the token a name, such as the system using it.");
    }
    if (trimmed.length() > 100) {
      throw new InvalidInputException("name", TextRules.tooLong(100));
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    long id = insert(owner.accountId(), trimmed, secret, wanted);
    return new CreatedToken(find(owner, id), secret);
  }

  @Transactional(readOnly = true)
  public List<TokenInfo> list(BatonUser owner) {
    TokenPermissions.requireManageTokens(owner);
    return store.of(owner.accountId());
  }

  /** Revokes one of the owner's own tokens; someone else's token is as good as absent. */
  @Transactional
  public TokenInfo revoke(BatonUser owner, long tokenId) {
    TokenPermissions.requireManageTokens(owner);
    find(owner, tokenId);
    store.revoke(owner.accountId(), tokenId, clock.instant());
    return find(owner, tokenId);
  }

  /** Ends every token of this account at once, as when its person is deactivated. */
  @Transactional
  public int revokeAll(long accountId) {
    return store.revokeAll(accountId, clock.instant());
  }

  Optional<BatonUser> authenticate(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH || secret.length() > 200) {
      return Optional.empty();
    }
    Optional<TokenStore.Match> match = store.activeMatch(hash(secret));
    if (match.isEmpty()) {
      return Optional.empty();
    }
    noteUse(match.get().id());
    Optional<BatonUser> user =
        accounts.findUser(match.get().accountId()).filter(BatonUser::isEnabled);
    Set<String> permissions = match.get().permissions();
    return permissions.isEmpty() ? user : user.map(u -> u.asIntegration(permissions));
  }

  /** Accepts {@code BATON_ADMIN_TOKEN} for the admin; a changed value revokes the previous one. */
  @Transactional
  void ensureBootstrapToken(long adminAccountId, String secret) {
    String hash = hash(secret);
    store.revokeNamedOtherThan(adminAccountId, BOOTSTRAP_NAME, hash, clock.instant());
    if (!store.activeWithHash(hash)) {
      store.deleteWithHash(hash);
      insert(adminAccountId, BOOTSTRAP_NAME, secret, Set.of());
    }
  }

  private long insert(long accountId, String name, String secret, Set<String> permissions) {
    String prefix = secret.substring(0, Math.min(10, secret.length()));
    return store.insert(accountId, name, hash(secret), prefix, permissions);
  }

  private TokenInfo find(BatonUser owner, long id) {
    return store
        .find(owner.accountId(), id)
        .orElseThrow(() -> new NotFoundException("No token " + id + "."));
  }

  private void noteUse(long tokenId) {
    Instant now = clock.instant();
    Instant previous = lastUseWritten.get(tokenId);
    if (previous == null || previous.isBefore(now.minusSeconds(60))) {
      lastUseWritten.put(tokenId, now);
      store.used(tokenId, now);
    }
  }

  static String hash(String secret) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
