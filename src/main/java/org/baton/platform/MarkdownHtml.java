package org.baton.platform;

import org.springframework.stereotype.Component;

/**
 * What people wrote, as sanitised HTML, for templates: {@code th:with="html=${@markdown.html(…)}"}
 * (Thymeleaf calls beans, not static methods). Every module's pages use this one.
 */
@Component("markdown")
public class MarkdownHtml {

  /** The words alone, on one line, shortened: for lists. */
  public String snippet(String markdown, int max) {
    return Markdown.snippet(markdown, max);
  }

  public String html(String markdown) {
    return Markdown.toSafeHtml(markdown == null ? "" : markdown);
  }
}
