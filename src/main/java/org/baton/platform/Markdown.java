package org.baton.platform;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
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

  private Markdown() {}

  /** Safe HTML for a page's {@code th:utext}. */
  public static String toSafeHtml(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return SAFE.sanitize(RENDERER.render(PARSER.parse(markdown)));
  }
}
