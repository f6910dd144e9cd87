package org.baton.authority;

import java.util.Map;
import org.baton.identity.BatonUser;

/**
 * What another module shows beside a check's answer, rendered with the answer rather than loaded
 * after it, so that nothing on the page moves once it has shown (the decision form under it stays
 * where the clerk's thumb is): learning's similar past learnings, strategy's priorities. A port
 * authority defines and the modules above it implement, like {@link PastQuestion.Source}; asides
 * are shown in their {@code @Order}.
 */
public interface AnswerAside {

  /** The template that shows it, e.g. {@code learning/similar}. */
  String template();

  /** The fragment of that template, e.g. {@code similar}. */
  String fragment();

  /** Adds what the fragment reads to the answer's model, as the reader may see it. */
  void addTo(BatonUser reader, CheckResult result, Map<String, Object> model);
}
