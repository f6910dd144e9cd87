package org.baton.directory;

import java.text.Normalizer;
import java.util.Locale;

/** An area of expertise such as finance, quality or production engineering. */
public record Perspective(long id, String code, String name) {

  /**
   * The code a perspective named {@code name} gets: "Production engineering" →
   * production-engineering.
   */
  public static String codeFor(String name) {
    String ascii = Normalizer.normalize(name.trim(), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    return ascii
        .toLowerCase(Locale.ROOT)
        .replace("&", "and")
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-+|-+$)", "");
  }
}
