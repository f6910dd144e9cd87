package org.baton.platform;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Long text people write (questions, advice) as Markdown, rendered to HTML and then sanitised: only
 * formatting and plain links survive, never scripts, styles or event handlers.
 */
public final class Markdown {

  private static final PolicyFactory SAFE =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.LINKS)
          .and(Sanitizers.TABLES)
          .and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr").toFactory());

  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).build();

  private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

  private Markdown() {}

  /**
   * The words alone, on one line, shortened to {@code max} characters: for a list, a notification
   * or an agenda line, where "**" or "# " must never show.
   */
  public static String snippet(String markdown, int max) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    String text = TEXT.render(PARSER.parse(markdown)).replaceAll("\\s+", " ").strip();
    return text.length() > max ? text.substring(0, max - 1).stripTrailing() + "…" : text;
  }

  /** Safe HTML for a page's {@code th:utext}. */
  public static String toSafeHtml(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return SAFE.sanitize(RENDERER.render(PARSER.parse(markdown)));
  }
}
