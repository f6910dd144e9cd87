package org.baton.platform;

/**
 * The longest texts Baton takes, checked before the database (docs/API.md lists every field): names
 * and titles, reasons and notes, and long texts such as an advice question. Any text that reaches a
 * request, JSON or form, is at most {@link #ANY} characters; a field may allow less.
 */
public final class TextLimits {

  /** Names, titles, locations, a context value. */
  public static final int NAME = 200;

  /** Reasons, answers and notes. */
  public static final int REASON = 2_000;

  /** Long texts (an advice question, an initiative's description, a comment); nothing is longer. */
  public static final int ANY = 10_000;

  private TextLimits() {}
}
