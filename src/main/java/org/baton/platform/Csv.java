package org.baton.platform;

/** Writing CSV that spreadsheets read safely. */
public final class Csv {

  private Csv() {}

  /** A text field, quoted; a leading = + - @ would be read as a formula, so it is defused. */
  public static String field(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String safe = "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    return "\"" + safe.replace("\"", "\"\"") + "\"";
  }
}
