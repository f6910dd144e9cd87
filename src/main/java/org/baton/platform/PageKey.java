package org.baton.platform;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Where a page of a list starts: the sort values of the last row of the page before (e.g. its time
 * and id), written as one opaque token for a link or an API's {@code after} parameter. A token
 * Baton did not give is bad input on the field {@code after}, never a server error.
 */
public final class PageKey {

  public static final String FIELD = "after";

  private static final String SEPARATOR = "~";

  private final List<String> parts;

  private PageKey(List<String> parts) {
    this.parts = List.copyOf(parts);
  }

  public static PageKey of(Object... values) {
    return new PageKey(Arrays.stream(values).map(PageKey::written).toList());
  }

  private static String written(Object value) {
    if (value instanceof Instant instant) {
      return Long.toString(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
    }
    if (value instanceof Boolean flag) {
      return flag ? "1" : "0";
    }
    return String.valueOf(value);
  }

  /** The key a caller sent, or {@code null} for the first page; expects exactly as many values. */
  public static PageKey parse(String token, int values) {
    if (token == null || token.isBlank()) {
      return null;
    }
    try {
      String text =
          new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
      List<String> parts = List.of(text.split(SEPARATOR, -1));
      if (parts.size() != values) {
        throw new IllegalArgumentException("expected " + values + " values");
      }
      return new PageKey(parts);
    } catch (IllegalArgumentException e) {
      throw notOurs();
    }
  }

  public String encoded() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
  }

  public long number(int index) {
    try {
      return Long.parseLong(parts.get(index));
    } catch (NumberFormatException e) {
      throw notOurs();
    }
  }

  /** A moment, kept to the microsecond as PostgreSQL keeps it, so that no row is skipped. */
  public Instant instant(int index) {
    long nanos = number(index);
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  public boolean flag(int index) {
    return switch (parts.get(index)) {
      case "1" -> true;
      case "0" -> false;
      default -> throw notOurs();
    };
  }

  public String text(int index) {
    return parts.get(index);
  }

  private static InvalidInputException notOurs() {
    return new InvalidInputException(
        FIELD, "This is not a page key Baton gave; start again from the first page.");
  }

  @Override
  public String toString() {
    return encoded();
  }
}
