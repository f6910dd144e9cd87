package org.baton.learning;

import org.baton.platform.Markdown;
import org.springframework.stereotype.Component;

/** Pages render what people wrote in learning as sanitised Markdown through this bean. */
@Component("learningText")
class LearningText {

  public String html(String markdown) {
    return Markdown.toSafeHtml(markdown);
  }
}
