package org.baton.platform;

import java.util.Map;
import java.util.TreeMap;

/**
 * JSON written one way only: keys sorted, no spaces, minimal escapes. Used where the exact bytes
 * matter (hashes) or where a flat map of strings is all there is to write.
 */
public final class CanonicalJson {

  private CanonicalJson() {}

  public static String string(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** An object of already-encoded JSON values, keys in sorted order. */
  public static String object(Map<String, String> encodedValues) {
    StringBuilder out = new StringBuilder("{");
    new TreeMap<>(encodedValues)
        .forEach(
            (key, value) -> {
              if (out.length() > 1) {
                out.append(',');
              }
              out.append(string(key)).append(':').append(value);
            });
    return out.append('}').toString();
  }

  /** A flat map of strings as an object. */
  public static String stringMap(Map<String, String> values) {
    Map<String, String> encoded = new TreeMap<>();
    values.forEach((k, v) -> encoded.put(k, string(v)));
    return object(encoded);
  }
}
