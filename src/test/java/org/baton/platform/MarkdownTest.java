package org.baton.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

  @Test
  void formattingListsAndLinksAreRendered() {
    String html =
        Markdown.toSafeHtml(
            "**Replace** the holder:\n\n- check 50 parts\n- [spec](https://example.com/spec)");
    assertThat(html)
        .contains(
            "<strong>Replace</strong>",
            "<li>check 50 parts</li>",
            "href=\"https://example.com/spec\"");
  }

  @Test
  void scriptsHandlersAndJavascriptLinksNeverSurvive() {
    String html =
        Markdown.toSafeHtml(
            "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))");
    assertThat(html).doesNotContain("<script", "<img", "href=\"javascript");
    assertThat(html).contains("&lt;script&gt;").as("shown as text, harmless");
  }
}
