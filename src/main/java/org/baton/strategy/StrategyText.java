package org.baton.strategy;

import org.baton.platform.Markdown;
import org.springframework.stereotype.Component;

/** Markdown of strategy pages (round descriptions, contributions, summaries) as safe HTML. */
@Component
public class StrategyText {

  public String html(String markdown) {
    return Markdown.toSafeHtml(markdown == null ? "" : markdown);
  }
}
