package org.baton.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownSnippetTest {

  @Test
  void aSnippetIsTheWordsAloneOnOneLineShortened() {
    assertThat(Markdown.snippet("# Replace the **tool holder**?\n\n- on line 3\n- now", 200))
        .doesNotContain("**", "#")
        .startsWith("Replace the tool holder?")
        .contains("on line 3");
    assertThat(Markdown.snippet("A *long* question about the burr on parts", 12))
        .isEqualTo("A long ques…");
    assertThat(Markdown.snippet(null, 10)).isEmpty();
  }
}
