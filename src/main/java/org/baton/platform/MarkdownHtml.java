package org.baton.platform;

import org.springframework.stereotype.Component;

/**
 * What people wrote, as sanitised HTML, for templates: {@code th:with="html=${@markdown.html(…)}"}
 * (Thymeleaf calls beans, not static methods). Every module's pages use this one.
 */
@Component("markdown")
public class MarkdownHtml {

  public String html(String markdown) {
    return Markdown.toSafeHtml(markdown == null ? "" : markdown);
  }
}
