package org.baton.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;

/**
 * What a new password must be, after current guidance (NIST SP 800-63B): length rather than
 * composition. At least {@value #MIN_LENGTH} characters (a few words make a good one), at most
 * {@value #MAX_LENGTH} (and 72 bytes, all that the hash reads); not one of the most common
 * passwords shipped with Baton, not the person's e-mail address or name, not one character
 * repeated. No rules about digits or symbols, and no expiry.
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 15;
  static final int MAX_LENGTH = 64;
  private static final Set<String> COMMON = load();

  private PasswordPolicy() {}

  /** Why this password is refused, or empty if it is fine. */
  static Optional<String> problem(String password, String email, String name) {
    String value = password == null ? "" : password;
    if (value.codePointCount(0, value.length()) < MIN_LENGTH) {
      return Optional.of(
          "Use at least " + MIN_LENGTH + " characters: a few words you will remember work well.");
    }
    if (value.length() > MAX_LENGTH || value.getBytes(StandardCharsets.UTF_8).length > 72) {
      return Optional.of("Use at most " + MAX_LENGTH + " characters.");
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower) || value.chars().distinct().count() == 1) {
      return Optional.of("This password is among the most common ones; choose another.");
    }
    if ((email != null && !email.isBlank() && lower.contains(email.toLowerCase(Locale.ROOT)))
        || (name != null
            && !name.isBlank()
            && lower.replace(" ", "").equals(name.toLowerCase(Locale.ROOT).replace(" ", "")))) {
      return Optional.of("Your password may not be your e-mail address or your name.");
    }
    return Optional.empty();
  }

  private static Set<String> load() {
    try (InputStream in = new ClassPathResource("identity/common-passwords.txt").getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
